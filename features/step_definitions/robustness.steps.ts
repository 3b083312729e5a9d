import { Given, Then, When } from '@cucumber/cucumber';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandResult, PlayerWorld } from '../support/world.js';

interface RobustWorld extends PlayerWorld {
  parallelRuns?: CommandResult[];
  home?: { system: string; elsewhere: string };
}

Given('a file {string} in the scenario folder', function (this: RobustWorld, name: string) {
  writeFileSync(join(this.dir, name), 'these are notes, not a database: nothing here is SQLite at all\n');
});

When(
  'I run {int} metadata updates of {string} in parallel, each with its own key',
  async function (this: RobustWorld, count: number, agent: string) {
    this.parallelRuns = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        this.run(`spacetraders player update ${agent} --metadata '{"k${i + 1}":${i + 1}}'`),
      ),
    );
  },
);

Then('every one of them succeeds', function (this: RobustWorld) {
  for (const result of this.parallelRuns ?? []) assert.equal(result.exitCode, 0, result.stderr);
});

When(
  'I run {string} with metadata nested {int} levels deep',
  async function (this: RobustWorld, command: string, depth: number) {
    await this.run(`${command} --metadata '${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}'`);
  },
);

Given('the home system of {string} is known', async function (this: RobustWorld, agent: string) {
  const db = new Database(this.dbPath, { readonly: true });
  const row = db
    .prepare<[string], { token: string; headquarters: string }>(
      'SELECT token, headquarters FROM players WHERE agent_symbol = ?',
    )
    .get(agent);
  db.close();
  assert.ok(row, `no player ${agent} in the database`);
  const system = row.headquarters.split('-').slice(0, 2).join('-');
  const response = await fetch(`${this.api}/systems/${system}/waypoints?limit=20`, {
    headers: { authorization: `Bearer ${row.token}` },
  });
  const waypoints = ((await response.json()) as { data: { symbol: string }[] }).data;
  const elsewhere = waypoints.find((w) => w.symbol !== row.headquarters);
  assert.ok(elsewhere, 'the home system has a single waypoint');
  this.home = { system, elsewhere: elsewhere.symbol };
});

When('I run {string} there', async function (this: RobustWorld, command: string) {
  assert.ok(this.home, 'the home system is not known');
  await this.run(command.replaceAll('<home>', this.home.system).replaceAll('<elsewhere>', this.home.elsewhere));
});

Then(
  'the metadata of {string} has exactly the keys {string}',
  async function (this: RobustWorld, agent: string, keys: string) {
    const result = await this.run(`spacetraders player info ${agent} --json`);
    assert.equal(result.exitCode, 0, result.stderr);
    const { metadata } = JSON.parse(result.stdout) as { metadata: Record<string, unknown> };
    assert.deepEqual(Object.keys(metadata).sort(), keys.split(',').sort());
  },
);
