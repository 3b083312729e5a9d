import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import type { PlayerWorld } from '../support/world.js';

interface SurveyOut {
  signature: string;
  waypoint: string;
  deposits: string[];
}

/** The survey a scenario noted, substituted for `<noted survey>` in command lines. */
const noted = new WeakMap<PlayerWorld, SurveyOut>();

function withSurvey(world: PlayerWorld, command: string): string {
  const survey = noted.get(world);
  return survey ? command.replaceAll('<noted survey>', survey.signature) : command;
}

async function stats(world: PlayerWorld): Promise<Record<string, Record<string, number>>> {
  const response = await fetch(`${world.sandbox!.adminUrl}/stats`);
  return ((await response.json()) as { actions: Record<string, Record<string, number>> }).actions;
}

Then(
  'the output lists at least one survey of {string} and I note the first',
  function (this: PlayerWorld, waypoint: string) {
    const { exitCode, stdout, stderr } = this.lastResult;
    assert.equal(exitCode, 0, stderr);
    const report = JSON.parse(stdout) as { surveys: SurveyOut[] };
    assert.ok(report.surveys.length > 0, stdout);
    for (const survey of report.surveys) assert.equal(survey.waypoint, waypoint);
    noted.set(this, report.surveys[0]!);
  },
);

When('I run {string} with the noted survey', async function (this: PlayerWorld, command: string) {
  await this.run(withSurvey(this, command));
});

When(
  'I run {string} with the noted survey, counting the requests the sandbox answers',
  async function (this: PlayerWorld, command: string) {
    const requests = async () =>
      ((await (await fetch(`${this.sandbox!.adminUrl}/stats`)).json()) as { requests: number }).requests;
    const before = await requests();
    await this.run(withSurvey(this, command));
    this.requestsCounted = (await requests()) - before;
  },
);

Then('the extraction used the noted survey and yielded one of its deposits', function (this: PlayerWorld) {
  const { exitCode, stdout, stderr } = this.lastResult;
  assert.equal(exitCode, 0, stderr);
  const report = JSON.parse(stdout) as { survey: string; good: string; units: number };
  const survey = noted.get(this)!;
  assert.equal(report.survey, survey.signature);
  assert.ok(survey.deposits.includes(report.good), `${report.good} is not among ${survey.deposits.join(', ')}`);
});

Then(
  /^the sandbox applied (\d+) extractions? for "([^"]+)"$/,
  async function (this: PlayerWorld, count: string, ship: string) {
    assert.equal((await stats(this)).extract?.[ship] ?? 0, Number(count));
  },
);

Given('the sandbox clock moves {int} hours ahead', async function (this: PlayerWorld, hours: number) {
  const response = await fetch(`${this.sandbox!.adminUrl}/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: hours * 3_600_000 }),
  });
  assert.equal(response.status, 200, await response.text());
});

Then(
  'the mining run extracted a full hold of {int} units and sold what it did not jettison',
  async function (this: PlayerWorld, capacity: number) {
    const report = JSON.parse(this.lastResult.stdout) as {
      extractions: number;
      unitsExtracted: number;
      unitsJettisoned: number;
      unitsSold: number;
      credits: number;
    };
    assert.ok(report.unitsExtracted - report.unitsJettisoned >= capacity, JSON.stringify(report));
    assert.ok(report.unitsSold > 0 && report.credits > 0, JSON.stringify(report));
    assert.equal((await stats(this)).extract?.['NOVA-1-1'], report.extractions);
  },
);

Then(
  "the ledger's SALE rows for {string} add up to the run's credits",
  async function (this: PlayerWorld, ship: string) {
    const run = JSON.parse(this.lastResult.stdout) as { credits: number };
    const result = await this.run('spacetraders ledger --json');
    assert.equal(result.exitCode, 0, result.stderr);
    const ledger = JSON.parse(result.stdout) as { entries: Array<{ ship: string; kind: string; credits: number }> };
    const sales = ledger.entries.filter((e) => e.kind === 'SALE' && e.ship === ship);
    assert.ok(sales.length > 0, 'no SALE rows');
    assert.equal(
      sales.reduce((sum, e) => sum + e.credits, 0),
      run.credits,
    );
  },
);

When(
  'the sandbox has applied {int} extractions for {string}',
  async function (this: PlayerWorld, count: number, ship: string) {
    const deadline = Date.now() + 30_000;
    while (((await stats(this)).extract?.[ship] ?? 0) < count) {
      assert.ok(Date.now() < deadline, `fewer than ${count} extractions were applied in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  },
);

Then(
  'the ledger of {string} has SALE rows for {string}',
  async function (this: PlayerWorld, player: string, ship: string) {
    const result = await this.run(`spacetraders --player ${player} ledger --json`);
    assert.equal(result.exitCode, 0, result.stderr);
    const ledger = JSON.parse(result.stdout) as { entries: Array<{ ship: string; kind: string }> };
    assert.ok(
      ledger.entries.some((e) => e.kind === 'SALE' && e.ship === ship),
      result.stdout,
    );
  },
);

Then('every container finishes as {string}', async function (this: PlayerWorld, status: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const result = await this.run('spacetraders container list --json');
    assert.equal(result.exitCode, 0, result.stderr);
    const list = JSON.parse(result.stdout) as Array<{ id: string; status: string }>;
    if (list.length > 0 && list.every((c) => c.status === status)) return;
    assert.ok(Date.now() < deadline, `containers not all ${status} in 60 s: ${result.stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
});

Then(
  'the sandbox applied at least {int} transfer(s) from {string}',
  async function (this: PlayerWorld, count: number, ship: string) {
    assert.ok(((await stats(this)).transfer?.[ship] ?? 0) >= count);
  },
);

Then(
  "the ledger's SALE rows for {string} sell every unit the sandbox moved from {string}, and the miner sold nothing",
  async function (this: PlayerWorld, hauler: string, miner: string) {
    const moved = (await stats(this)).transferredUnits?.[miner] ?? 0;
    assert.ok(moved > 0, 'the sandbox moved nothing');
    const result = await this.run('spacetraders ledger --json');
    assert.equal(result.exitCode, 0, result.stderr);
    const entries = (JSON.parse(result.stdout) as { entries: Array<{ ship: string; kind: string; units: number }> })
      .entries;
    const sold = entries.filter((e) => e.kind === 'SALE' && e.ship === hauler).reduce((sum, e) => sum + e.units, 0);
    assert.equal(sold, moved);
    assert.deepEqual(
      entries.filter((e) => e.ship === miner && e.kind === 'SALE'),
      [],
    );
  },
);

Then(
  'the sandbox applied one transfer from {string} more than the events record: the one whose answer was lost',
  async function (this: PlayerWorld, miner: string) {
    const events = await this.run('spacetraders events --json --limit 10000');
    assert.equal(events.exitCode, 0, events.stderr);
    const recorded = (JSON.parse(events.stdout) as Array<{ type: string; payload: Record<string, unknown> }>).filter(
      (e) => e.type === 'CargoTransferred' && e.payload.from === miner,
    ).length;
    assert.equal((await stats(this)).transfer?.[miner] ?? 0, recorded + 1);
  },
);

Then('the sandbox has {string} with an empty hold', async function (this: PlayerWorld, ship: string) {
  const state = (await (await fetch(`${this.sandbox!.adminUrl}/state`)).json()) as {
    ships: Record<string, { ship: { cargo: { units: number } } }>;
  };
  assert.equal(state.ships[ship]?.ship.cargo.units, 0);
});
