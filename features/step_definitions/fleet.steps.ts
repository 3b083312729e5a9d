import { Given, Then } from '@cucumber/cucumber';
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

Given(
  'a sandbox server with seed {int} running {int} times faster',
  async function (this: PlayerWorld, seed: number, scale: number) {
    // The rate limit on and scaled with the clock (scale × 2/s, advertised; the client adopts it): with it
    // off the client keeps the live 2/s in real time, and a fleet at 200× is starved of requests.
    await this.startSandbox({ seed, timeScale: scale, rateLimit: true });
  },
);

Then(
  'within {int} seconds the fleet has at least {int} ships, each with a role, every ship at work or stationed to negotiate',
  { timeout: 200_000 },
  async function (this: PlayerWorld, seconds: number, count: number) {
    const deadline = Date.now() + seconds * 1000;
    let last = '';
    while (Date.now() < deadline) {
      const result = await this.run('spacetraders fleet status --json');
      last = result.stdout + result.stderr;
      if (result.exitCode === 0) {
        const fleet = JSON.parse(result.stdout) as FleetJson;
        // The command ship between two jobs, and a negotiator waiting at headquarters, have no job for a moment.
        const working = fleet.ships.every(
          (s) =>
            /^(scout|contracts|mining|trading)$/.test(s.role) &&
            (s.symbol === 'NOVA-1-1' || s.role === 'contracts' || s.job !== null),
        );
        if (fleet.ships.length >= count && working) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    const list = await this.run('spacetraders container list');
    assert.fail(`the fleet did not come to ${count} working ships; last status:\n${last}\n${list.stdout}`);
  },
);

Then("the coordinator's logs contain {string}", async function (this: PlayerWorld, text: string) {
  const list = await this.run('spacetraders container list --json');
  const coordinator = (JSON.parse(list.stdout) as Array<{ id: string; commandType: string }>).find(
    (c) => c.commandType === 'FleetRun',
  );
  assert.ok(coordinator, `no FleetRun container in:\n${list.stdout}`);
  const logs = await this.run(`spacetraders container logs ${coordinator.id}`);
  assert.ok(logs.stdout.includes(text), `no "${text}" in:\n${logs.stdout}`);
});

interface LedgerJson {
  credits: number;
  unexplained: number;
  entries: Array<{ kind: string; good: string; units: number; credits: number }>;
}

interface SandboxHolds {
  ships: Record<string, { ship: { cargo: { inventory: Array<{ symbol: string; units: number }> } } }>;
}

/**
 * Credits, plus every ship bought at its price (the ledger's SHIP rows), plus the cargo the agent's ships
 * hold at what it cost (the mean price of the ledger's PURCHASE rows of each good; mined goods count 0),
 * so a trade or contract caught between buying and selling does not read as a loss.
 */
async function netWorth(world: PlayerWorld): Promise<{ worth: number; bought: number; cargo: number }> {
  // Jobs are running: a lot or a purchase the server has applied may not be booked yet. Read until the
  // books balance (a few seconds at most), so what is judged is a consistent picture.
  let ledger: LedgerJson | undefined;
  for (let tries = 0; tries < 20 && (ledger === undefined || ledger.unexplained !== 0); tries++) {
    if (ledger) await new Promise((resolve) => setTimeout(resolve, 500));
    const result = await world.run('spacetraders ledger --json');
    assert.equal(result.exitCode, 0, result.stderr);
    ledger = JSON.parse(result.stdout) as LedgerJson;
  }
  assert.ok(ledger && ledger.unexplained === 0, `the books do not balance: ${ledger?.unexplained} unexplained`);
  const ships = ledger.entries.filter((e) => e.kind === 'SHIP');
  const paid = new Map<string, { units: number; credits: number }>();
  for (const e of ledger.entries.filter((row) => row.kind === 'PURCHASE')) {
    const sum = paid.get(e.good) ?? { units: 0, credits: 0 };
    paid.set(e.good, { units: sum.units + e.units, credits: sum.credits - e.credits });
  }
  const state = (await (await fetch(`${world.sandbox!.adminUrl}/state`)).json()) as SandboxHolds;
  let cargo = 0;
  for (const [symbol, { ship }] of Object.entries(state.ships))
    if (symbol.startsWith('NOVA-1-'))
      for (const item of ship.cargo.inventory) {
        const cost = paid.get(item.symbol);
        if (cost && cost.units > 0) cargo += (item.units * cost.credits) / cost.units;
      }
  const worth = ledger.credits - ships.reduce((sum, e) => sum + e.credits, 0) + cargo;
  return { worth: Math.round(worth), bought: ships.length, cargo: Math.round(cargo) };
}

Given("I noted the agent's net worth", async function (this: PlayerWorld & { noted?: number }) {
  this.noted = (await netWorth(this)).worth;
});

Then('{int} game hours pass at {int} times', { timeout: 120_000 }, async (hours: number, scale: number) => {
  await new Promise((resolve) => setTimeout(resolve, (hours * 3_600_000) / scale));
});

Then(
  'at least {int} ship was bought and the net worth is higher than noted',
  async function (this: PlayerWorld & { noted?: number }, ships: number) {
    const { worth, bought, cargo } = await netWorth(this);
    assert.ok(bought >= ships, `${bought} ship(s) bought`);
    assert.ok(
      this.noted !== undefined && worth > this.noted,
      `net worth ${worth} (cargo at cost ${cargo}), noted ${this.noted}`,
    );
  },
);

Then(
  "within {int} seconds the coordinator's logs contain {string}",
  { timeout: 200_000 },
  async function (this: PlayerWorld, seconds: number, text: string) {
    const deadline = Date.now() + seconds * 1000;
    let last = '';
    while (Date.now() < deadline) {
      const list = await this.run('spacetraders container list --json');
      const coordinator = (JSON.parse(list.stdout) as Array<{ id: string; commandType: string }>).find(
        (c) => c.commandType === 'FleetRun',
      );
      if (coordinator) {
        last = (await this.run(`spacetraders container logs ${coordinator.id}`)).stdout;
        if (last.includes(text)) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    assert.fail(`no "${text}" in the coordinator's logs within ${seconds} s:\n${last}`);
  },
);

Then(
  'within {int} seconds a ship of {string} other than {string} has transferred cargo in the sandbox',
  { timeout: 200_000 },
  async function (this: PlayerWorld, seconds: number, agent: string, commandShip: string) {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const response = await fetch(`${this.sandbox!.adminUrl}/stats`);
      const { actions } = (await response.json()) as { actions: Record<string, Record<string, number>> };
      const givers = Object.entries(actions.transferredUnits ?? {}).filter(
        ([ship, units]) => ship.startsWith(`${agent}-`) && ship !== commandShip && units > 0,
      );
      if (givers.length > 0) return;
      assert.ok(Date.now() < deadline, `no ship of ${agent} transferred any unit within ${seconds} s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  },
);
