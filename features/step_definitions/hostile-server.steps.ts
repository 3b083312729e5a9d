import { After, Given, Then, When, type DataTable } from '@cucumber/cucumber';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { BREAKAGES, type Breakage, HostileServer } from '../support/hostile-server.js';
import { type CommandResult, type PlayerWorld, splitArgs } from '../support/world.js';

const CLI = join(process.cwd(), 'bin', 'spacetraders.js');
/** The CLI gives up on a dripping body after this long (SPACETRADERS_REQUEST_TIMEOUT_MS). */
const REQUEST_TIMEOUT_MS = 6_000;

interface HostileWorld extends PlayerWorld {
  hostile?: HostileServer;
  hostileUrl?: string;
  databaseBefore?: string;
  /** Placeholders for the commands: <system>, <waypoint>. */
  places?: Record<string, string>;
  hostileRuns?: { command: string; result: CommandResult }[];
}

/** Runs the real CLI against the hostile server instead of the sandbox. */
function runThroughHostile(world: HostileWorld, commandLine: string): Promise<CommandResult> {
  const placed = Object.entries(world.places ?? {}).reduce(
    (line, [name, value]) => line.replaceAll(`<${name}>`, value),
    commandLine,
  );
  const args = splitArgs(world.expand(placed));
  if (args[0] === 'spacetraders') args.shift();
  const env = {
    ...world.env(),
    SPACETRADERS_API_URL: world.hostileUrl,
    SPACETRADERS_RATE_LIMIT: 'off',
    SPACETRADERS_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  };
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

/** Every row of every table but the rate budget (request accounting, not state), as one text. */
function databaseContents(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'rate_budget' ORDER BY name",
      )
      .all();
    return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

Given('a hostile server in front of the sandbox', async function (this: HostileWorld) {
  const origin = new URL(this.api).origin;
  const { server, baseUrl } = await HostileServer.start(origin);
  this.hostile = server;
  this.hostileUrl = baseUrl;
});

Given('I ran {string} through it', async function (this: HostileWorld, command: string) {
  const result = await runThroughHostile(this, command);
  assert.equal(result.exitCode, 0, `"${command}" failed: ${result.stderr}`);
});

Given(
  'the system of the ship {string} and a waypoint in it are known',
  async function (this: HostileWorld, ship: string) {
    const db = new Database(this.dbPath, { readonly: true });
    const { token } = db.prepare<[], { token: string }>('SELECT token FROM players LIMIT 1').get()!;
    db.close();
    this.tokens.set('NOVA-1', token);
    const response = await fetch(`${this.api}/my/ships/${ship}`, { headers: { authorization: `Bearer ${token}` } });
    const { data } = (await response.json()) as { data: { nav: { systemSymbol: string; waypointSymbol: string } } };
    const listed = await fetch(`${this.api}/systems/${data.nav.systemSymbol}/waypoints?limit=20`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const waypoints = ((await listed.json()) as { data: { symbol: string }[] }).data;
    const other = waypoints.find((w) => w.symbol !== data.nav.waypointSymbol);
    assert.ok(other, 'the home system has a single waypoint');
    this.places = { system: data.nav.systemSymbol, waypoint: other.symbol };
  },
);

Given('it answers with {string}', function (this: HostileWorld, breakage: string) {
  assert.ok((BREAKAGES as readonly string[]).includes(breakage), `no such breakage: ${breakage}`);
  assert.ok(this.hostile, 'no hostile server in this scenario');
  this.hostile.breakage = breakage as Breakage;
});

When('I run each of these read commands through it:', async function (this: HostileWorld, table: DataTable) {
  this.databaseBefore = databaseContents(this.dbPath);
  const commands = table.raw().map((row) => row[0] ?? '');
  const results = await Promise.all(commands.map((command) => runThroughHostile(this, command)));
  this.hostileRuns = commands.map((command, i) => ({ command, result: results[i]! }));
});

Then('each fails with exit code 1 and one line containing {string}', function (this: HostileWorld, expected: string) {
  const tokens = [...(this.hostile?.tokensSeen ?? []), this.accountToken ?? ''].filter(Boolean);
  assert.ok(tokens.length > 0, 'the hostile server saw no token: the check would prove nothing');
  for (const { command, result } of this.hostileRuns ?? []) {
    const { exitCode, stdout, stderr } = result;
    const context = `"${command}" gave exit ${exitCode}\nstdout: ${stdout}\nstderr: ${stderr}`;
    check(exitCode === 1, `not exit code 1: ${context}`);
    check(stderr.trimEnd().split('\n').length === 1, `not one line: ${context}`);
    check(stderr.includes(expected), `expected "${expected}": ${context}`);
    check(!/\n\s+at /.test(stderr) && !stderr.includes('unexpected failure'), `a crash: ${context}`);
    for (const token of tokens) check(!(stdout + stderr).includes(token), `a token leaked: ${context}`);
  }
});

Then('each fails with exit code 1, logs the error, and shows no token', function (this: HostileWorld) {
  const tokens = [...(this.hostile?.tokensSeen ?? []), this.accountToken ?? ''].filter(Boolean);
  check(tokens.length >= 2, 'the hostile server saw no agent token: the check would prove nothing');
  for (const { command, result } of this.hostileRuns ?? []) {
    const { exitCode, stdout, stderr } = result;
    const context = `"${command}" gave exit ${exitCode}\nstdout: ${stdout}\nstderr: ${stderr}`;
    check(exitCode === 1, `not exit code 1: ${context}`);
    check(
      /"msg":"request failed"/.test(stderr) && stderr.includes('[redacted]'),
      `the error was not logged: ${context}`,
    );
    for (const token of tokens) check(!(stdout + stderr).includes(token), `a token leaked: ${context}`);
  }
});

Then('the database is unchanged', function (this: HostileWorld) {
  assert.ok(this.databaseBefore, 'no snapshot of the database was taken');
  assert.equal(databaseContents(this.dbPath), this.databaseBefore);
});

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

After(async function (this: HostileWorld) {
  await this.hostile?.close();
});
