import { After, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlayerWorld } from '../support/world.js';

function daemonPid(world: PlayerWorld): number | undefined {
  const file = join(world.dir, 'daemon.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8')) : undefined;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`timed out waiting until ${what}`);
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

// Never leave a daemon behind: stop it however the scenario ended.
After(function (this: PlayerWorld) {
  const pid = daemonPid(this);
  if (!pid) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
});
