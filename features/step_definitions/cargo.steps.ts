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
