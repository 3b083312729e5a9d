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
