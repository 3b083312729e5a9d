/**
 * `npm run demo`: the bot earning, offline, in about a minute. Starts the sandbox server in this
 * process, opens a fresh SQLite file, and plays through the mediator exactly as the CLI would: a new
 * agent scouts its home system, runs its starting contract, buys a ship and shows the ledger
 * (the story: src/demo/flow.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportError } from './cli/errors.js';
import { createApp } from './composition-root.js';
import { loadDefaults, resolveConfig } from './config/config.js';
import { playDemo } from './demo/flow.js';
import { startSandbox } from './sandbox/index.js';

/** A world whose starting contract asks for a good the home planet sells, and one hold of it. */
const SEED = 13;
/** Game time runs this many times faster (the rate limit scales with it). */
const TIME_SCALE = 25;
const AGENT = 'NOVA-DEMO';
const ACCOUNT_TOKEN = 'demo-account-token';

function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

async function demo(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-demo-'));
  try {
    const sandbox = await startSandbox({ port: 0, seed: SEED, timeScale: TIME_SCALE, accountToken: ACCOUNT_TOKEN });
    try {
      const config = resolveConfig(
        loadDefaults(),
        { HOME: dir },
        { apiUrl: sandbox.baseUrl, db: join(dir, 'demo.db'), logLevel: 'warn', accountToken: ACCOUNT_TOKEN },
      );
      const app = createApp(config);
      try {
        say(`sandbox: seed ${SEED}, game time ${TIME_SCALE}x faster (rate limit scaled); fresh database in ${dir}`);
        say();
        const outcome = await playDemo(
          { mediator: app.mediator, events: app.events, say },
          { agent: AGENT, faction: 'COSMIC', accountToken: ACCOUNT_TOKEN },
        );
        say();
        say(
          `done in ${((Date.now() - started) / 1000).toFixed(0)} s: 1 contract fulfilled, ${outcome.shipBought} bought, unexplained ${outcome.unexplained}`,
        );
      } finally {
        app.close();
      }
    } finally {
      await sandbox.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

demo().catch((error) => {
  process.exitCode = reportError(error);
});
