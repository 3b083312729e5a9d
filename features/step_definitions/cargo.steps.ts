import { Given, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { PlayerWorld } from '../support/world.js';

/** A field of the last command's JSON output (for commands that must not be run twice to check them). */
Then('the JSON output has {string} as {string}', function (this: PlayerWorld, path: string, expected: string) {
  const { exitCode, stdout, stderr } = this.lastResult;
  assert.equal(exitCode, 0, stderr);
  const value = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], JSON.parse(stdout));
  assert.equal(typeof value === 'object' ? JSON.stringify(value) : String(value), expected);
});

Then(
  'the sandbox applied {int} transfer(s) from {string}',
  async function (this: PlayerWorld, count: number, ship: string) {
    const response = await fetch(`${this.sandbox!.adminUrl}/stats`);
    const stats = (await response.json()) as { actions: Record<string, Record<string, number>> };
    assert.equal(stats.actions.transfer?.[ship] ?? 0, count);
  },
);

Given('the ship {string} has a hold of {int} units', async function (this: PlayerWorld, ship: string, units: number) {
  const response = await fetch(`${this.sandbox!.adminUrl}/ships/${ship}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cargoCapacity: units }),
  });
  assert.equal(response.status, 200, await response.text());
});

interface Found {
  waypoint: string;
  purchasePrice?: number;
  sellPrice?: number;
  ageSeconds: number;
  observedAt: string;
  distance?: number;
  seconds?: number;
}

Then(
  'the finding lists {string} on both sides, best first, with their age and travel from the ship',
  function (this: PlayerWorld, waypoints: string) {
    assert.equal(this.lastResult.exitCode, 0, this.lastResult.stderr);
    const finding = JSON.parse(this.lastResult.stdout) as { buy: Found[]; sell: Found[] };
    const expected = waypoints.split(',');
    for (const side of [finding.buy, finding.sell]) {
      assert.deepEqual(side.map((m) => m.waypoint).sort(), expected);
      for (const m of side) {
        assert.ok(m.ageSeconds >= 0 && Date.parse(m.observedAt) > 0, JSON.stringify(m));
        assert.ok(typeof m.distance === 'number' && typeof m.seconds === 'number', JSON.stringify(m));
      }
    }
    const buys = finding.buy.map((m) => m.purchasePrice!);
    const sells = finding.sell.map((m) => m.sellPrice!);
    assert.deepEqual(
      buys,
      [...buys].sort((a, b) => a - b),
    );
    assert.deepEqual(
      sells,
      [...sells].sort((a, b) => b - a),
    );
    // The ship is at X1-M1-B: no distance to go there.
    assert.equal(finding.buy.find((m) => m.waypoint === 'X1-M1-B')!.distance, 0);
    assert.ok(finding.buy.find((m) => m.waypoint === 'X1-M1-A')!.distance! > 0);
  },
);
