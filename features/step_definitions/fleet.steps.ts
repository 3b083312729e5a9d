import { Then } from '@cucumber/cucumber';
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
