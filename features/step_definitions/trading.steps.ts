import { Given, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { PlayerWorld } from '../support/world.js';

async function cli(world: PlayerWorld, command: string): Promise<string> {
  const result = await world.run(command);
  assert.equal(result.exitCode, 0, `${command}: ${result.stderr}`);
  return result.stdout;
}

async function containerIds(world: PlayerWorld): Promise<string[]> {
  return (JSON.parse(await cli(world, 'spacetraders container list --json')) as Array<{ id: string }>).map((c) => c.id);
}

async function logsOf(world: PlayerWorld, id: string): Promise<string> {
  return cli(world, `spacetraders container logs ${id}`);
}

Given(
  'the markets {string} were observed by {string}',
  async function (this: PlayerWorld, waypoints: string, ship: string) {
    for (const waypoint of waypoints.split(',')) {
      const response = await fetch(`${this.sandbox!.adminUrl}/ships/${ship}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ waypoint, status: 'DOCKED' }),
      });
      assert.equal(response.status, 200, await response.text());
      await cli(this, `spacetraders market show ${waypoint}`);
    }
  },
);

Then('the JSON rows have the keys {string}', function (this: PlayerWorld, keys: string) {
  const rows = JSON.parse(this.lastResult.stdout) as Array<Record<string, unknown>>;
  assert.ok(rows.length > 0, 'no rows');
  for (const row of rows)
    for (const key of keys.split(',')) assert.ok(key in row, `no "${key}" in ${JSON.stringify(row)}`);
  const rates = rows.map((row) => row.creditsPerHour as number);
  assert.deepEqual(
    rates,
    [...rates].sort((a, b) => b - a),
    'rows are not best first',
  );
});

Then(
  'the JSON rows include {string} from {string} to {string} and {string} from {string} to {string}',
  function (this: PlayerWorld, good1: string, from1: string, to1: string, good2: string, from2: string, to2: string) {
    const route = [good1, from1, to1, good2, from2, to2];
    const rows = JSON.parse(this.lastResult.stdout) as Array<{ good: string; buyAt: string; sellAt: string }>;
    for (const [good, buyAt, sellAt] of [route.slice(0, 3), route.slice(3, 6)])
      assert.ok(
        rows.some((row) => row.good === good && row.buyAt === buyAt && row.sellAt === sellAt),
        `no ${good} ${buyAt}>${sellAt} in ${this.lastResult.stdout}`,
      );
  },
);

Then(
  'the ledger of {string} earned more from sales than it spent on purchases',
  async function (this: PlayerWorld, _player: string) {
    const ledger = JSON.parse(await cli(this, 'spacetraders ledger --by kind --json')) as {
      totals: { groups: Record<string, number> };
    };
    const sales = ledger.totals.groups.SALE ?? 0;
    const purchases = ledger.totals.groups.PURCHASE ?? 0;
    assert.ok(purchases < 0, `no purchase in ${JSON.stringify(ledger.totals)}`);
    assert.ok(sales + purchases > 0, `SALE ${sales} − PURCHASE ${-purchases} is not a profit`);
  },
);

Then("the ledger's unexplained credits are {int}", async function (this: PlayerWorld, expected: number) {
  const ledger = JSON.parse(await cli(this, 'spacetraders ledger --json')) as { unexplained: number };
  assert.equal(ledger.unexplained, expected);
});

// "the last container's logs come to contain {string}" is shared: features/step_definitions/scouting.steps.ts.

Then(
  "the two traders reserved different routes, the second planning around the first's",
  async function (this: PlayerWorld) {
    const [first, second] = await containerIds(this);
    const reserved = (log: string) => /reserved (route:\S+?)[;,]/.exec(log)?.[1];
    const [one, two] = [await logsOf(this, first!), await logsOf(this, second!)];
    assert.ok(reserved(one) && reserved(two), `no reservation in:\n${one}\n${two}`);
    assert.notEqual(reserved(one), reserved(two));
    // The second planned around the first's reservation: it was left out of its plan.
    assert.match(two, /reserved route:\S+; 1 route\(s\) reserved by other traders left out/);
    for (const id of [first, second]) await cli(this, `spacetraders container stop ${id}`);
  },
);
