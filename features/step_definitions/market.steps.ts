import { Then, When } from '@cucumber/cucumber';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import type { PlayerWorld } from '../support/world.js';

interface Trade {
  units: number;
  totalPrice: number;
  lots: Array<{ units: number; pricePerUnit: number }>;
}

/** What a scenario noted along the way: the last trade's report, the agent's credits before trading. */
const notes = new WeakMap<PlayerWorld, { trade?: Trade; credits?: number; outside?: number }>();
const noted = (world: PlayerWorld) => notes.get(world) ?? notes.set(world, {}).get(world)!;

// biome-ignore lint/suspicious/noExplicitAny: the admin state is JSON of many shapes; each step reads the few fields it checks
async function sandboxState(world: PlayerWorld): Promise<any> {
  const response = await fetch(`${world.sandbox!.adminUrl}/state`);
  assert.equal(response.status, 200);
  return response.json();
}

async function stats(world: PlayerWorld): Promise<{ actions: Record<string, Record<string, number>> }> {
  const response = await fetch(`${world.sandbox!.adminUrl}/stats`);
  return (await response.json()) as { actions: Record<string, Record<string, number>> };
}

function ledger(world: PlayerWorld, player: string): Array<{ ship_symbol: string; kind: string; credits: number }> {
  const db = new Database(world.dbPath, { readonly: true });
  try {
    return db
      .prepare('SELECT ship_symbol, kind, credits FROM ledger WHERE player_symbol = ? ORDER BY id')
      .all(player) as Array<{ ship_symbol: string; kind: string; credits: number }>;
  } finally {
    db.close();
  }
}

When('I note the credits of {string}', async function (this: PlayerWorld, agent: string) {
  noted(this).credits = (await sandboxState(this)).agents[agent].credits;
});

When(
  'I buy {int} {string} with {string} paying at most the purchase price shown at {string}',
  async function (this: PlayerWorld, units: number, good: string, ship: string, waypoint: string) {
    const shown = await this.run(`spacetraders market show ${waypoint} --json`);
    const market = JSON.parse(shown.stdout) as { tradeGoods: Array<{ symbol: string; purchasePrice: number }> };
    const price = market.tradeGoods.find((g) => g.symbol === good)!.purchasePrice;
    await this.run(`spacetraders ship buy ${ship} ${good} ${units} --max-price ${price}`);
  },
);

Then('the trade moved {int} units in lots of {string}', function (this: PlayerWorld, units: number, lots: string) {
  const trade = JSON.parse(this.lastResult.stdout) as Trade;
  noted(this).trade = trade;
  assert.equal(trade.units, units);
  assert.deepEqual(
    trade.lots.map((lot) => lot.units),
    lots.split(',').map(Number),
  );
  assert.equal(
    trade.totalPrice,
    trade.lots.reduce((sum, lot) => sum + lot.units * lot.pricePerUnit, 0),
  );
});

Then(
  /^the sandbox applied (\d+) (purchases?|sales?) for "([^"]+)"$/,
  async function (this: PlayerWorld, count: string, action: string, ship: string) {
    const key = action.startsWith('purchase') ? 'purchase' : 'sell';
    assert.equal((await stats(this)).actions[key]?.[ship] ?? 0, Number(count));
  },
);

Then(
  /^the ledger of "([^"]+)" has (\d+) "(PURCHASE|SALE)" rows for "([^"]+)" that sum to (minus )?the trade's total price$/,
  function (this: PlayerWorld, player: string, count: string, kind: string, ship: string, minus?: string) {
    const rows = ledger(this, player).filter((row) => row.kind === kind && row.ship_symbol === ship);
    assert.equal(rows.length, Number(count));
    const total = noted(this).trade!.totalPrice;
    assert.equal(
      rows.reduce((sum, row) => sum + row.credits, 0),
      minus ? -total : total,
    );
  },
);

Then('the ledger of {string} has {int} rows', function (this: PlayerWorld, player: string, count: number) {
  assert.equal(ledger(this, player).length, count);
});

Then(
  "the ledger of {string} explains the change in the agent's credits",
  async function (this: PlayerWorld, player: string) {
    const before = noted(this).credits;
    assert.ok(before !== undefined, 'the scenario noted no credits before trading');
    const now = (await sandboxState(this)).agents[player].credits as number;
    const explained = ledger(this, player).reduce((sum, row) => sum + row.credits, 0);
    assert.equal(explained, now - before);
  },
);

Then(
  'the market list shows {string} observed, and {string} never observed',
  function (this: PlayerWorld, observed: string, never: string) {
    const list = JSON.parse(this.lastResult.stdout) as Array<{ waypoint: string; observedAt: string | null }>;
    for (const symbol of observed.split(','))
      assert.ok(list.find((m) => m.waypoint === symbol)?.observedAt, `${symbol} shows no observation`);
    for (const symbol of never.split(','))
      assert.equal(list.find((m) => m.waypoint === symbol)?.observedAt, null, `${symbol} should be never observed`);
  },
);

Then(
  /^the ledger of "([^"]+)" has (\d+) "(PURCHASE|SALE|FUEL|ANTIMATTER)" rows? for "([^"]+)"$/,
  function (this: PlayerWorld, player: string, count: string, kind: string, ship: string) {
    const rows = ledger(this, player).filter((row) => row.kind === kind && row.ship_symbol === ship);
    assert.equal(rows.length, Number(count));
  },
);

Then(
  /^the store holds (no )?market observations of "([^"]+)"$/,
  function (this: PlayerWorld, none: string | undefined, player: string) {
    const db = new Database(this.dbPath, { readonly: true });
    try {
      const { n } = db.prepare('SELECT COUNT(*) AS n FROM market_observations WHERE player_symbol = ?').get(player) as {
        n: number;
      };
      if (none) assert.equal(n, 0);
      else assert.ok(n > 0, 'no market observations stored');
    } finally {
      db.close();
    }
  },
);

When(
  '{string} buys {int} {string} outside the bot',
  async function (this: PlayerWorld, ship: string, units: number, good: string) {
    const db = new Database(this.dbPath, { readonly: true });
    const { token } = db.prepare('SELECT token FROM players WHERE agent_symbol = ?').get(ship.replace(/-\d+$/, '')) as {
      token: string;
    };
    db.close();
    const response = await fetch(`${this.api}/my/ships/${ship}/purchase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ symbol: good, units }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const body = (await response.json()) as { data: { transaction: { totalPrice: number } } };
    noted(this).outside = body.data.transaction.totalPrice;
  },
);

Then("the ledger's unexplained credits are minus the price of that purchase", function (this: PlayerWorld) {
  const view = JSON.parse(this.lastResult.stdout) as { unexplained: number };
  assert.equal(view.unexplained, -noted(this).outside!);
});

Then(
  "the ledger's total equals the change in the credits of {string} since they were noted",
  async function (this: PlayerWorld, agent: string) {
    const view = JSON.parse(this.lastResult.stdout) as { totals: { credits: number }; credits: number };
    const now = (await sandboxState(this)).agents[agent].credits as number;
    const before = noted(this).credits;
    assert.ok(before !== undefined, 'the scenario noted no credits');
    assert.equal(view.credits, now);
    assert.equal(view.totals.credits, now - before);
  },
);
