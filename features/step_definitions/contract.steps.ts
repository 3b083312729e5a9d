import { Given, Then, When } from '@cucumber/cucumber';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import type { PlayerWorld } from '../support/world.js';

/*
 * Contract steps read the contract the sandbox made (its good, destination and units) instead of
 * assuming one, and note them as placeholders for command lines: <contract>, <good>, <destination>,
 * <units>, <seller> (a market trading the good) and <elsewhere> (a waypoint that is not the destination).
 */

interface SandboxContract {
  id: string;
  accepted: boolean;
  fulfilled: boolean;
  terms: {
    payment: { onAccepted: number; onFulfilled: number };
    deliver: Array<{ tradeSymbol: string; destinationSymbol: string; unitsRequired: number; unitsFulfilled: number }>;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the admin state is JSON of many shapes; each step reads the few fields it checks
async function state(world: PlayerWorld): Promise<any> {
  const response = await fetch(`${world.sandbox!.adminUrl}/state`);
  assert.equal(response.status, 200);
  return response.json();
}

async function adminPost(world: PlayerWorld, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${world.sandbox!.adminUrl}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200, await response.text());
}

async function contractsOf(world: PlayerWorld, agent: string): Promise<SandboxContract[]> {
  const contracts = (await state(world)).contracts as Record<string, { owner: string; contract: SandboxContract }>;
  return Object.values(contracts)
    .filter((c) => c.owner === agent)
    .map((c) => c.contract);
}

const startCredits = new WeakMap<PlayerWorld, number>();

function ledgerRows(world: PlayerWorld, player: string): Array<{ kind: string; credits: number; ship_symbol: string }> {
  const db = new Database(world.dbPath, { readonly: true });
  try {
    return db
      .prepare('SELECT kind, credits, ship_symbol FROM ledger WHERE player_symbol = ? ORDER BY id')
      .all(player) as Array<{ kind: string; credits: number; ship_symbol: string }>;
  } finally {
    db.close();
  }
}

Given('the open contract of {string} is noted', async function (this: PlayerWorld, agent: string) {
  const world = await state(this);
  const contract = (await contractsOf(this, agent)).find((c) => !c.fulfilled);
  assert.ok(contract, `${agent} has no open contract`);
  const term = contract.terms.deliver[0]!;
  // biome-ignore lint/suspicious/noExplicitAny: see state()
  const waypoints = Object.values(world.waypoints) as any[];
  const trading = waypoints.filter((w) => w.market?.[term.tradeSymbol]);
  const seller =
    trading.find((w) => w.market[term.tradeSymbol].type !== 'IMPORT') ?? trading.find(() => true) ?? undefined;
  const system = term.destinationSymbol.split('-').slice(0, 2).join('-');
  const elsewhere = waypoints.find((w) => w.systemSymbol === system && w.symbol !== term.destinationSymbol);
  this.placeholders.set('contract', contract.id);
  this.placeholders.set('good', term.tradeSymbol);
  this.placeholders.set('destination', term.destinationSymbol);
  this.placeholders.set('units', String(term.unitsRequired - term.unitsFulfilled));
  if (seller) this.placeholders.set('seller', seller.symbol);
  if (elsewhere) this.placeholders.set('elsewhere', elsewhere.symbol);
  startCredits.set(this, world.agents[agent].credits);
});

Given(
  /^the ship "([^"]+)" is docked (at the seller|at the destination|away from the destination) with a full tank$/,
  async function (this: PlayerWorld, ship: string, where: string) {
    const waypoint = this.placeholders.get(
      where === 'at the seller' ? 'seller' : where === 'at the destination' ? 'destination' : 'elsewhere',
    );
    assert.ok(waypoint, `no ${where} noted`);
    await adminPost(this, `ships/${ship}`, { waypoint, status: 'DOCKED', fuelCapacity: 400, fuel: 400 });
  },
);

Given("the ship {string} has room for the contract's goods", async function (this: PlayerWorld, ship: string) {
  const units = Number(this.placeholders.get('units'));
  await adminPost(this, `ships/${ship}`, { cargoCapacity: Math.max(units, 40) });
});

Then('the JSON contract list shows the noted contract, not yet accepted', function (this: PlayerWorld) {
  assert.equal(this.lastResult.exitCode, 0, this.lastResult.stderr);
  const list = JSON.parse(this.lastResult.stdout) as Array<Record<string, unknown>>;
  const found = list.find((c) => c.id === this.placeholders.get('contract'));
  assert.ok(found, this.lastResult.stdout);
  assert.deepEqual(Object.keys(found).sort(), [
    'accepted',
    'deadline',
    'deadlineToAccept',
    'deliver',
    'faction',
    'fulfilled',
    'id',
    'payment',
    'type',
  ]);
  assert.equal(found.accepted, false);
  assert.ok(Date.parse(String(found.deadline)) > 0);
  const deliver = found.deliver as Array<Record<string, unknown>>;
  assert.deepEqual(deliver[0], {
    good: this.placeholders.get('good'),
    destination: this.placeholders.get('destination'),
    required: Number(this.placeholders.get('units')),
    fulfilled: 0,
  });
});

Then(
  /^the sandbox has the contract of "([^"]+)" (fulfilled|accepted|not accepted)$/,
  async function (this: PlayerWorld, agent: string, how: string) {
    const contract = (await contractsOf(this, agent)).find((c) => c.id === this.placeholders.get('contract'));
    assert.ok(contract, 'the noted contract is gone');
    if (how === 'fulfilled') assert.equal(contract.fulfilled, true);
    else assert.equal(contract.accepted, how === 'accepted');
  },
);

Then(
  'the ledger of {string} holds both payments of the contract as CONTRACT rows',
  async function (this: PlayerWorld, agent: string) {
    const contract = (await contractsOf(this, agent)).find((c) => c.id === this.placeholders.get('contract'))!;
    const rows = ledgerRows(this, agent).filter((row) => row.kind === 'CONTRACT');
    assert.deepEqual(
      rows.map((row) => row.credits),
      [contract.terms.payment.onAccepted, contract.terms.payment.onFulfilled],
    );
  },
);

Then(
  "the ledger of {string} credits the contract's payments to {string}",
  function (this: PlayerWorld, agent: string, ship: string) {
    const rows = ledgerRows(this, agent).filter((row) => row.kind === 'CONTRACT');
    assert.ok(rows.length > 0, 'no CONTRACT row');
    assert.deepEqual(
      rows.map((row) => row.ship_symbol),
      rows.map(() => ship),
    );
  },
);

Then('the ledger of {string} holds no CONTRACT row', function (this: PlayerWorld, agent: string) {
  assert.equal(ledgerRows(this, agent).filter((row) => row.kind === 'CONTRACT').length, 0);
});

Then('{string} ends with more credits than it started with', async function (this: PlayerWorld, agent: string) {
  const now = (await state(this)).agents[agent].credits as number;
  const before = startCredits.get(this);
  assert.ok(before !== undefined, 'no credits noted');
  assert.ok(now > before, `credits went from ${before} to ${now}`);
});

Then(
  /^the sandbox applied (\d+) deliver(?:y|ies) of "([^"]+)"$/,
  async function (this: PlayerWorld, count: string, ship: string) {
    const stats = (await (await fetch(`${this.sandbox!.adminUrl}/stats`)).json()) as {
      actions: Record<string, Record<string, number>>;
    };
    assert.equal(stats.actions.deliver?.[ship] ?? 0, Number(count));
  },
);

Given("the ship {string} has room for half the contract's goods", async function (this: PlayerWorld, ship: string) {
  const units = Number(this.placeholders.get('units'));
  await adminPost(this, `ships/${ship}`, { cargoCapacity: Math.ceil(units / 2) });
});

When('the sandbox has applied a delivery of {string}', async function (this: PlayerWorld, ship: string) {
  for (let tries = 0; tries < 600; tries++) {
    const stats = (await (await fetch(`${this.sandbox!.adminUrl}/stats`)).json()) as {
      actions: Record<string, Record<string, number>>;
    };
    if ((stats.actions.deliver?.[ship] ?? 0) >= 1) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('no delivery was applied');
});

Then("the sandbox has {string} holding none of the contract's good", async function (this: PlayerWorld, ship: string) {
  const held = (await state(this)).ships[ship].ship.cargo.inventory as Array<{ symbol: string; units: number }>;
  assert.equal(held.find((item) => item.symbol === this.placeholders.get('good'))?.units ?? 0, 0);
});

Then("the JSON evaluation's profit is its revenue less goods and fuel", function (this: PlayerWorld) {
  const e = JSON.parse(this.lastResult.stdout) as Record<string, number>;
  assert.ok(e.revenue! > 0 && e.goodsCost! > 0, this.lastResult.stdout);
  assert.equal(e.profit, e.revenue! - e.goodsCost! - e.fuelCost!);
  assert.equal(e.creditsPerHour, Math.round((e.profit! * 3600) / Math.max(1, e.seconds!)));
});
