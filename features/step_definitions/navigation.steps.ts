import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { PlayerWorld } from '../support/world.js';

// biome-ignore lint/suspicious/noExplicitAny: the admin API answers JSON of several shapes; each step reads the few fields it checks
async function admin(world: PlayerWorld, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${world.sandbox!.adminUrl}/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `admin ${method} ${path} failed: ${text}`);
  return JSON.parse(text);
}

Given(
  'a sandbox server running the {string} layout {int} times faster',
  async function (this: PlayerWorld, layout: string, scale: number) {
    await this.startSandbox({ timeScale: scale });
    await admin(this, 'POST', 'layout', JSON.parse(readFileSync(`features/support/layouts/${layout}.json`, 'utf8')));
  },
);

Given(
  /^the ship "([^"]+)" is (docked|in orbit) at "([^"]+)" with (\d+) of (\d+) fuel$/,
  async function (this: PlayerWorld, ship: string, status: string, waypoint: string, fuel: string, capacity: string) {
    await admin(this, 'POST', `ships/${ship}`, {
      waypoint,
      status: status === 'docked' ? 'DOCKED' : 'IN_ORBIT',
      fuelCapacity: Number(capacity),
      fuel: Number(fuel),
    });
  },
);

// The command frigate comes without a warp drive, as the live one: fit one in place of its gas processor.
Given('the ship {string} has a warp drive fitted', async function (this: PlayerWorld, ship: string) {
  await admin(this, 'POST', `ships/${ship}`, {
    modules: [
      'MODULE_CARGO_HOLD_II',
      'MODULE_CREW_QUARTERS_I',
      'MODULE_CREW_QUARTERS_I',
      'MODULE_MINERAL_PROCESSOR_I',
      'MODULE_WARP_DRIVE_I',
    ],
  });
});

Given('the sandbox runs in real time', async function (this: PlayerWorld) {
  await admin(this, 'POST', 'clock', { timeScale: 1 });
});

Then('the output has a line matching {string}', function (this: PlayerWorld, pattern: string) {
  const line = new RegExp(pattern);
  assert.ok(
    this.lastResult.stdout.split('\n').some((l) => line.test(l)),
    `no line matches /${pattern}/ in:\n${this.lastResult.stdout}`,
  );
});

When('I run {string} counting the requests the sandbox answers', async function (this: PlayerWorld, command: string) {
  const before = (await admin(this, 'GET', 'stats')).requests as number;
  await this.run(command);
  this.requestsCounted = ((await admin(this, 'GET', 'stats')).requests as number) - before;
});

Then(/^the sandbox answered (\d+) requests? for it$/, function (this: PlayerWorld, count: string) {
  assert.equal(this.requestsCounted, Number(count));
});

When(
  'I start {string} and kill it once the output shows {string}',
  async function (this: PlayerWorld, command: string, text: string) {
    const result = await this.runUntil(command, text);
    assert.ok(result.stdout.includes(text), `never saw "${text}"; output:\n${result.stdout}\n${result.stderr}`);
  },
);

Then(
  'the sandbox has the ship {string} in orbit at {string}',
  async function (this: PlayerWorld, ship: string, waypoint: string) {
    const state = await admin(this, 'GET', 'state');
    const nav = state.ships[ship]?.ship.nav;
    assert.ok(nav, `no ship ${ship} in the sandbox`);
    const arrived =
      nav.status === 'IN_ORBIT' || (nav.status === 'IN_TRANSIT' && Date.parse(nav.route.arrival) <= Date.now());
    assert.deepEqual({ at: nav.waypointSymbol, inOrbit: arrived }, { at: waypoint, inOrbit: true });
  },
);

Then(
  /^the sandbox applied (\d+) (navigation|navigations|jump|jumps|warp|warps|refuel|refuels) for "([^"]+)"$/,
  async function (this: PlayerWorld, count: string, action: string, ship: string) {
    const stats = await admin(this, 'GET', 'stats');
    const key = action.startsWith('navigation') ? 'navigate' : action.replace(/s$/, '');
    assert.equal(stats.actions[key]?.[ship] ?? 0, Number(count));
  },
);

Given(
  'the sandbox answers {int} % of requests to {string} with HTTP {int}',
  async function (this: PlayerWorld, percent: number, path: string, status: number) {
    await admin(this, 'POST', 'faults', { path, count: 1_000, rate: percent / 100, status });
  },
);

Given('the sandbox server was reset', async function (this: PlayerWorld) {
  await admin(this, 'POST', 'reset', {});
});

Then(
  '{string} in my folder is an SVG map with {int} route legs',
  function (this: PlayerWorld, file: string, legs: number) {
    const svg = readFileSync(`${this.dir}/${file}`, 'utf8');
    assert.ok(svg.startsWith('<svg'), 'not an SVG document');
    assert.equal(svg.match(/class="leg"/g)?.length ?? 0, legs);
  },
);

Given(
  /^the sandbox loses its answer to the next "(GET|POST|PATCH) ([^"]+)" after applying it$/,
  async function (this: PlayerWorld, method: string, path: string) {
    await admin(this, 'POST', 'faults', { method, path, count: 1, drop: 'after' });
  },
);

Given(
  /^the sandbox answers "(GET|POST|PATCH) ([^"]+)" (\d+) times?, then HTTP (\d+) the next (\d+) times$/,
  async function (this: PlayerWorld, method: string, path: string, ok: string, status: string, failing: string) {
    // Faults apply in the order they were added: a no-op fault first lets the first requests through.
    await admin(this, 'POST', 'faults', { method, path, count: Number(ok), delayMs: 0 });
    await admin(this, 'POST', 'faults', { method, path, count: Number(failing), status: Number(status) });
  },
);

Then(
  'the sandbox has the ship {string} docked at {string}',
  async function (this: PlayerWorld, ship: string, waypoint: string) {
    const nav = (await admin(this, 'GET', 'state')).ships[ship]?.ship.nav;
    assert.deepEqual({ at: nav?.waypointSymbol, status: nav?.status }, { at: waypoint, status: 'DOCKED' });
  },
);

Then(
  'the events recorded include {string} but no {string}',
  async function (this: PlayerWorld, yes: string, no: string) {
    const result = await this.run('spacetraders events --json --limit 100');
    assert.equal(result.exitCode, 0, result.stderr);
    const types = (JSON.parse(result.stdout) as Array<{ type: string }>).map((e) => e.type);
    assert.ok(types.includes(yes) && !types.includes(no), `events recorded: ${types.join(', ')}`);
  },
);

Then(
  "{string} shows {string} as the sandbox's credits of {string}",
  async function (this: PlayerWorld, command: string, key: string, agent: string) {
    const state = (await (await fetch(`${this.sandbox!.adminUrl}/state`)).json()) as {
      agents: Record<string, { credits: number }>;
    };
    const result = await this.run(command);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as Record<string, unknown>)[key], state.agents[agent]!.credits);
  },
);
