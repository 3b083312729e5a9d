import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { PlayerWorld } from '../support/world.js';

/** Runs a CLI command that must succeed and answers its JSON output. */
async function json<T>(world: PlayerWorld, command: string): Promise<T> {
  const result = await world.run(command);
  assert.equal(result.exitCode, 0, `"${command}" failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** The waypoints of a system with any of the traits, sorted. */
async function waypointsWith(world: PlayerWorld, system: string, traits: string[]): Promise<string[]> {
  const waypoints = await json<Array<{ symbol: string; traits: string[] }>>(
    world,
    `spacetraders system waypoints ${system} --json`,
  );
  return waypoints
    .filter((w) => w.traits.some((t) => traits.includes(t)))
    .map((w) => w.symbol)
    .sort();
}

Then('every marketplace of {string} has a stored observation', async function (this: PlayerWorld, system: string) {
  const markets = await json<Array<{ waypoint: string; observedAt: string | null }>>(
    this,
    `spacetraders market list ${system} --json`,
  );
  assert.deepEqual(
    markets.map((m) => m.waypoint).sort(),
    await waypointsWith(this, system, ['MARKETPLACE']),
    'market list shows every marketplace',
  );
  const unobserved = markets.filter((m) => m.observedAt === null).map((m) => m.waypoint);
  assert.deepEqual(unobserved, [], 'marketplaces never observed');
});

Then(
  'the scout plan visits exactly the marketplaces and shipyards of {string}, once each',
  async function (this: PlayerWorld, system: string) {
    const plan = JSON.parse(this.lastResult.stdout) as {
      tours: Array<{ ship: string; stops: string[]; seconds: number }>;
      makespanSeconds: number;
    };
    assert.deepEqual(Object.keys(plan).sort(), ['makespanSeconds', 'tours']);
    for (const tour of plan.tours) assert.deepEqual(Object.keys(tour).sort(), ['seconds', 'ship', 'stops']);
    assert.equal(plan.makespanSeconds, Math.max(...plan.tours.map((t) => t.seconds)));
    assert.deepEqual(
      plan.tours.flatMap((t) => t.stops).sort(),
      await waypointsWith(this, system, ['MARKETPLACE', 'SHIPYARD']),
    );
  },
);

async function lastContainer(world: PlayerWorld): Promise<string> {
  const list = await json<Array<{ id: string }>>(world, 'spacetraders container list --json');
  assert.ok(list.length > 0, 'no container');
  return list.at(-1)!.id;
}

/** Waits (up to 30 s) until the last container's logs show `text`, after `after` when given. */
async function logsComeToShow(world: PlayerWorld, text: string, after = ''): Promise<void> {
  const deadline = Date.now() + 30_000;
  let logs = '';
  while (Date.now() < deadline) {
    logs = (await world.run(`spacetraders container logs ${await lastContainer(world)}`)).stdout;
    const start = logs.indexOf(after);
    if (start >= 0 && logs.indexOf(text, start + after.length) >= 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`no "${text}"${after ? ` after "${after}"` : ''} in the last container's logs:\n${logs}`);
}

Then("the last container's logs come to contain {string}", function (this: PlayerWorld, text: string) {
  return logsComeToShow(this, text);
});

Then(
  "the last container's logs come to contain {string} after {string}",
  function (this: PlayerWorld, text: string, after: string) {
    return logsComeToShow(this, text, after);
  },
);

When('I stop the last container', async function (this: PlayerWorld) {
  const id = await lastContainer(this);
  const result = await this.run(`spacetraders container stop ${id}`);
  assert.equal(result.exitCode, 0, result.stderr);
});
