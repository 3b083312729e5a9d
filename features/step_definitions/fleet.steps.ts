import { Given, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { PlayerWorld } from '../support/world.js';

interface FleetJson {
  ships: Array<{ symbol: string; role: string; job: unknown }>;
  totals: { ships: number; creditsPerHour: number; credits: number };
}

Then('the JSON fleet status lists the ships {string}, each with a role', function (this: PlayerWorld, symbols: string) {
  const { exitCode, stdout, stderr } = this.lastResult;
  assert.equal(exitCode, 0, stderr);
  const fleet = JSON.parse(stdout) as FleetJson;
  assert.deepEqual(fleet.ships.map((s) => s.symbol).sort(), symbols.split(',').sort());
  for (const ship of fleet.ships)
    assert.match(ship.role, /^(scout|contracts|mining|trading)$/, `${ship.symbol} has no working role`);
  assert.equal(fleet.totals.ships, fleet.ships.length);
  assert.ok(Number.isFinite(fleet.totals.credits) && Number.isFinite(fleet.totals.creditsPerHour));
});

Given(
  'a sandbox server with seed {int} running {int} times faster',
  async function (this: PlayerWorld, seed: number, scale: number) {
    await this.startSandbox({ seed, timeScale: scale });
  },
);

Then(
  'within {int} seconds the fleet has at least {int} ships, each with a role, every ship but the command ship at work',
  { timeout: 200_000 },
  async function (this: PlayerWorld, seconds: number, count: number) {
    const deadline = Date.now() + seconds * 1000;
    let last = '';
    while (Date.now() < deadline) {
      const result = await this.run('spacetraders fleet status --json');
      last = result.stdout + result.stderr;
      if (result.exitCode === 0) {
        const fleet = JSON.parse(result.stdout) as FleetJson;
        const working = fleet.ships.every(
          (s) => /^(scout|contracts|mining|trading)$/.test(s.role) && (s.symbol === 'NOVA-1-1' || s.job !== null),
        );
        if (fleet.ships.length >= count && working) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    const list = await this.run('spacetraders container list');
    assert.fail(`the fleet did not come to ${count} working ships; last status:\n${last}\n${list.stdout}`);
  },
);

Then("the coordinator's logs contain {string}", async function (this: PlayerWorld, text: string) {
  const list = await this.run('spacetraders container list --json');
  const coordinator = (JSON.parse(list.stdout) as Array<{ id: string; commandType: string }>).find(
    (c) => c.commandType === 'FleetRun',
  );
  assert.ok(coordinator, `no FleetRun container in:\n${list.stdout}`);
  const logs = await this.run(`spacetraders container logs ${coordinator.id}`);
  assert.ok(logs.stdout.includes(text), `no "${text}" in:\n${logs.stdout}`);
});
