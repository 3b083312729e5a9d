import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { PlayerWorld } from '../support/world.js';

interface Step {
  step: string;
  units?: number;
  seconds?: number;
  waypoint?: string;
}

Then(
  'the JSON evaluation mines every unit at {string} in cooldowns of {int} s, its profit the revenue less fuel',
  function (this: PlayerWorld, asteroid: string, cooldown: number) {
    const e = JSON.parse(this.lastResult.stdout) as Record<string, number> & { plan: Step[] };
    const mined = e.plan.filter((s) => s.step === 'mine');
    assert.ok(mined.length > 0, this.lastResult.stdout);
    assert.equal(
      mined.reduce((sum, s) => sum + s.units!, 0),
      Number(this.placeholders.get('units')),
    );
    for (const s of mined) {
      assert.equal(s.waypoint, asteroid);
      assert.equal(s.seconds! % cooldown, 0, `${s.seconds} s is not a whole number of ${cooldown} s cooldowns`);
    }
    assert.equal(e.goodsCost, 0);
    assert.equal(e.profit, e.revenue! - e.fuelCost!);
    assert.equal(e.creditsPerHour, Math.round((e.profit! * 3600) / Math.max(1, e.seconds!)));
  },
);

Then(
  'the sandbox has the contract of {string} fulfilled, no unit delivered beyond it and no other contract accepted',
  async function (this: PlayerWorld, agent: string) {
    const world = (await (await fetch(`${this.sandbox!.adminUrl}/state`)).json()) as {
      contracts: Record<string, { owner: string; contract: { id: string; accepted: boolean; fulfilled: boolean } }>;
    };
    const mine = Object.values(world.contracts)
      .filter((c) => c.owner === agent)
      .map((c) => c.contract);
    const noted = mine.find((c) => c.id === this.placeholders.get('contract'));
    assert.ok(noted?.fulfilled, JSON.stringify(mine));
    assert.deepEqual(
      mine.filter((c) => c.accepted).map((c) => c.id),
      [noted.id],
    );
    const stats = (await (await fetch(`${this.sandbox!.adminUrl}/stats`)).json()) as {
      actions: Record<string, Record<string, number>>;
    };
    const delivered = Object.values(stats.actions.deliveredUnits ?? {}).reduce((sum, n) => sum + n, 0);
    assert.equal(delivered, Number(this.placeholders.get('units')), 'units delivered in all');
    assert.equal(stats.actions.fulfill?.[agent] ?? 0, 1, 'fulfilments');
  },
);
