import { After, Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { CommandResult, PlayerWorld } from '../support/world.js';

/** The results of commands a scenario ran side by side. */
const racers = new WeakMap<PlayerWorld, CommandResult[]>();
/** A server that took the sandbox's place and never answers, with the connections it holds. */
const silent = new WeakMap<PlayerWorld, { server: Server; sockets: Set<Socket> }>();

function daemonPid(world: PlayerWorld): number | undefined {
  const file = `${world.dbPath}.daemon.pid`;
  return existsSync(file) ? Number(readFileSync(file, 'utf8')) : undefined;
}

/** Daemon processes started for a database of this scenario's folder (Linux /proc), by pid. */
function daemonProcesses(world: PlayerWorld, dbPath?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!args.includes('--foreground')) continue;
      if (readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.startsWith('Z')) continue; // a zombie is dead
    } catch {
      continue; // gone meanwhile
    }
    const db = args[args.indexOf('--db') + 1] ?? '';
    if (dbPath ? db === dbPath : db.startsWith(world.dir)) pids.push(Number(entry));
  }
  return pids;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`timed out waiting until ${what}`);
}

/** Ships the sandbox sold to an agent (its SHIP credit movements). */
async function shipPurchases(world: PlayerWorld, agent: string): Promise<number> {
  const stats = (await (await fetch(`${world.sandbox!.adminUrl}/stats`)).json()) as {
    actions: Record<string, Record<string, number>>;
  };
  return stats.actions.transactions?.[`${agent}:SHIP`] ?? 0;
}

async function containers(world: PlayerWorld): Promise<Array<{ id: string; status: string }>> {
  const result = await world.run('spacetraders container list --json');
  assert.equal(result.exitCode, 0, result.stderr);
  return JSON.parse(result.stdout);
}

Then('the container finishes as {string}', async function (this: PlayerWorld, status: string) {
  await until(`the last container is ${status}`, async () => (await containers(this)).at(-1)?.status === status);
});

Then("the last container's logs contain {string}", async function (this: PlayerWorld, text: string) {
  const last = (await containers(this)).at(-1)!;
  const result = await this.run(`spacetraders container logs ${last.id}`);
  assert.ok(result.stdout.includes(text), `no "${text}" in:\n${result.stdout}`);
});

Then('{string} fails because no daemon runs', async function (this: PlayerWorld, command: string) {
  const result = await this.run(command);
  assert.equal(result.exitCode, 1);
  assert.match(result.stderr, /no daemon is running/);
});

When(
  'the sandbox has applied {int} navigation for {string}',
  async function (this: PlayerWorld, count: number, ship: string) {
    await until(`${count} navigation(s) were applied`, async () => {
      const stats = (await (await fetch(`${this.sandbox!.adminUrl}/stats`)).json()) as {
        actions: Record<string, Record<string, number>>;
      };
      return (stats.actions.navigate?.[ship] ?? 0) >= count;
    });
  },
);

When('the daemon is killed with SIGKILL', async function (this: PlayerWorld) {
  const pid = daemonPid(this);
  assert.ok(pid, 'no daemon pid file');
  process.kill(pid, 'SIGKILL');
  await until('the daemon is gone', async () => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  });
});

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

When('the sandbox is killed', async function (this: PlayerWorld) {
  await this.sandbox!.close();
});

When('the sandbox hangs: it takes every connection and never answers', async function (this: PlayerWorld) {
  const port = this.sandbox!.port;
  await this.sandbox!.close();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  silent.set(this, { server, sockets });
});

When('the daemon has been retrying for {int} second(s)', async function (this: PlayerWorld, seconds: number) {
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
});

Then(
  '{string} ends the daemon process within {int} seconds',
  async function (this: PlayerWorld, command: string, seconds: number) {
    const pid = daemonPid(this);
    assert.ok(pid, 'no daemon pid file');
    const started = Date.now();
    const result = await this.run(command);
    assert.equal(result.exitCode, 0, result.stderr);
    await until('the daemon process is gone', async () => gone(pid), 20_000);
    const took = (Date.now() - started) / 1000;
    assert.ok(took <= seconds, `the daemon took ${took.toFixed(1)} s to exit`);
  },
);

Given(
  /^the sandbox holds the next "(GET|POST|PATCH) ([^"]+)" for (\d+) seconds? before applying it$/,
  async function (this: PlayerWorld, method: string, path: string, seconds: string) {
    const response = await fetch(`${this.sandbox!.adminUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method, path, count: 1, delayMs: Number(seconds) * 1000 }),
    });
    assert.equal(response.status, 200);
  },
);

When('the sandbox has received the held request', async function (this: PlayerWorld) {
  // The sandbox runs in this process: a fault is dropped from its list once a request has taken it.
  const injector = this.sandbox!.server.faults as unknown as { faults: unknown[] };
  await until('the held request arrived', async () => injector.faults.length === 0);
});

When(
  /^the sandbox has applied (\d+) ship purchases? for "([^"]+)"$/,
  async function (this: PlayerWorld, count: string, agent: string) {
    await until(
      `${count} ship purchase(s) were applied`,
      async () => (await shipPurchases(this, agent)) >= Number(count),
    );
  },
);

Then(
  /^the sandbox applied (\d+) ship purchases? for "([^"]+)"$/,
  async function (this: PlayerWorld, count: string, agent: string) {
    assert.equal(await shipPurchases(this, agent), Number(count));
  },
);

Then('SIGTERM ends the daemon process within {int} seconds', async function (this: PlayerWorld, seconds: number) {
  const pid = daemonPid(this);
  assert.ok(pid, 'no daemon pid file');
  const started = Date.now();
  process.kill(pid, 'SIGTERM');
  await until('the daemon process is gone', async () => gone(pid), 30_000);
  const took = (Date.now() - started) / 1000;
  assert.ok(took <= seconds, `the daemon took ${took.toFixed(1)} s to exit`);
});

When('I run {string} twice at once', async function (this: PlayerWorld, command: string) {
  racers.set(this, await Promise.all([this.run(command), this.run(command)]));
});

Then('one of them succeeds and the other fails naming the running daemon', async function (this: PlayerWorld) {
  const results = racers.get(this) ?? [];
  const winners = results.filter((r) => r.exitCode === 0);
  const losers = results.filter((r) => r.exitCode !== 0);
  assert.equal(winners.length, 1, `expected one start to succeed: ${JSON.stringify(results)}`);
  assert.equal(losers.length, 1);
  const pid = daemonPid(this);
  assert.equal(losers[0]!.exitCode, 1);
  assert.equal(losers[0]!.stderr, `error: a daemon is already running for ${this.dbPath} (pid ${pid})\n`);
});

Then('exactly one daemon process serves the database', async function (this: PlayerWorld) {
  // The losing start's own daemon process gives up at once; give it a moment, then count.
  await until('only one daemon process is left', async () => daemonProcesses(this, this.dbPath).length === 1, 10_000);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  assert.deepEqual(daemonProcesses(this, this.dbPath), [daemonPid(this)]);
});

Then(
  'the databases {string} and {string} each list only their own container, run by their own daemon',
  async function (this: PlayerWorld, first: string, second: string) {
    const [a, b] = [this.expand(first), this.expand(second)];
    const listed = async (db: string) => {
      const result = await this.run(`spacetraders --db ${db} container list --json`);
      assert.equal(result.exitCode, 0, result.stderr);
      return JSON.parse(result.stdout) as Array<{ id: string; status: string }>;
    };
    await until('both containers completed', async () =>
      [...(await listed(a)), ...(await listed(b))].every((c) => c.status === 'COMPLETED'),
    );
    const [inA, inB] = [await listed(a), await listed(b)];
    assert.equal(inA.length, 1, JSON.stringify(inA));
    assert.equal(inB.length, 1, JSON.stringify(inB));
    assert.notEqual(inA[0]!.id, inB[0]!.id);
    const pid = async (db: string) =>
      (JSON.parse((await this.run(`spacetraders --db ${db} daemon status --json`)).stdout) as { pid: number }).pid;
    const [pidA, pidB] = [await pid(a), await pid(b)];
    assert.notEqual(pidA, pidB);
    assert.deepEqual(daemonProcesses(this, a), [pidA]);
    assert.deepEqual(daemonProcesses(this, b), [pidB]);
  },
);

Then("reading the last container's logs into a closed pipe ends quietly", async function (this: PlayerWorld) {
  const last = (await containers(this)).at(-1)!;
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [join(process.cwd(), 'bin', 'spacetraders.js'), 'container', 'logs', last.id],
      {
        env: this.env(),
      },
    );
    child.stdout.destroy(); // the reader is gone before the first line is written (`| grep -q`)
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
  assert.deepEqual(result, { code: 0, stderr: '' });
});

Then('the daemon log has a line {string}', function (this: PlayerWorld, text: string) {
  const log = readFileSync(`${this.dbPath}.daemon.log`, 'utf8');
  assert.ok(log.includes(text), `no "${text}" in the daemon log`);
});

Then('the daemon log holds no line below the {string} level', function (this: PlayerWorld, level: string) {
  const minimum = { debug: 20, info: 30, warn: 40, error: 50 }[level] ?? 0;
  const lines = readFileSync(`${this.dbPath}.daemon.log`, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'));
  const below = lines.filter((l) => (JSON.parse(l) as { level: number }).level < minimum);
  assert.deepEqual(below, []);
});

// Never leave a daemon behind: stop every daemon of this scenario's folder however it ended.
After(async function (this: PlayerWorld) {
  const hung = silent.get(this);
  if (hung) {
    for (const socket of hung.sockets) socket.destroy();
    await new Promise((resolve) => hung.server.close(resolve));
  }
  for (const pid of new Set([daemonPid(this), ...daemonProcesses(this)])) {
    if (!pid) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
