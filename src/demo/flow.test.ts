import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Players } from '../application/player/players.js';
import { createApp } from '../composition-root.js';
import { loadDefaults, resolveConfig } from '../config/config.js';
import { startSandbox } from '../sandbox/index.js';
import { playDemo } from './flow.js';
import { silentLogger } from '../test-support/agent-mother.js';

const ACCOUNT = 'demo-test-account';
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the demo (npm run demo)', () => {
  it("earns offline: scouts, fulfils the starting contract, buys a ship, and the books balance with the server's credits", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spacetraders-demo-test-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // The demo's world (seed 13), with game time much faster than the demo's so the test is quick.
    const sandbox = await startSandbox({ port: 0, seed: 13, timeScale: 1000, accountToken: ACCOUNT });
    cleanups.push(() => sandbox.close());
    const config = resolveConfig(
      loadDefaults(),
      { HOME: dir },
      { apiUrl: sandbox.baseUrl, db: join(dir, 'demo.db'), accountToken: ACCOUNT },
    );
    const app = createApp(config, { logger: silentLogger });
    cleanups.push(() => app.close());
    const lines: string[] = [];

    const outcome = await playDemo(
      { mediator: app.mediator, events: app.events, say: (line = '') => lines.push(line) },
      { agent: 'NOVA-DEMO', faction: 'COSMIC', accountToken: ACCOUNT },
    );

    const world = sandbox.server.game.world;
    const fulfilled = Object.values(world.contracts).filter((c) => c.owner === 'NOVA-DEMO' && c.contract.fulfilled);
    expect(fulfilled.map((c) => c.contract.id)).toEqual(outcome.fulfilled);
    expect(outcome.fulfilled).toHaveLength(1);
    expect(world.ships[outcome.shipBought]).toBeDefined();
    expect(Object.keys(world.ships).filter((s) => s.startsWith('NOVA-DEMO-'))).toHaveLength(3);
    expect(outcome.unexplained).toBe(0);
    expect(outcome.creditsAfter).toBe(world.agents['NOVA-DEMO']!.credits);
    const output = lines.join('\n');
    expect(output).toMatch(/read X1-PJ7-A1: market \d+ goods, shipyard \d+ ship types/);
    expect(output).toMatch(/^ {2}CONTRACT +13,290$/m);
    expect(output).toContain('unexplained: 0');
    expect(output).toMatch(/^net worth .*\(\+[\d,]+\)$/m);
    expect(output).not.toContain(app.container.get(Players).resolve('NOVA-DEMO').token);
  }, 60_000);
});
