/**
 * `npm run demo`: the whole bot offline. Starts the sandbox server in this process, opens a fresh
 * SQLite file, and plays through the mediator exactly as the CLI would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetRecentEvents } from './application/events/get-recent-events.js';
import { ListPlayers } from './application/player/list-players.js';
import { RegisterPlayer } from './application/player/register-player.js';
import { UpdatePlayerMetadata } from './application/player/update-player-metadata.js';
import { createApp } from './composition-root.js';
import { loadDefaults, resolveConfig } from './config/config.js';
import { reportError } from './cli/errors.js';
import { startSandbox } from './sandbox/index.js';

function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

async function demo(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-demo-'));
  const sandbox = await startSandbox({ port: 0, seed: 7, timeScale: 50 });
  const config = resolveConfig(loadDefaults(), { HOME: dir }, { apiUrl: sandbox.baseUrl, db: join(dir, 'demo.db'), logLevel: 'warn', accountToken: 'demo-account-token' });
  const app = createApp(config);
  try {
    say(`sandbox: ${sandbox.baseUrl} (seed 7, travel 50x faster, real rate limit)`);
    say(`database: ${config.dbPath}`);
    say();

    say('$ spacetraders player register --agent NOVA-DEMO --faction COSMIC');
    const player = await app.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-DEMO', faction: 'COSMIC', accountToken: config.accountToken }));
    say(`registered ${player.agentSymbol} (${player.faction}) at ${player.headquarters} with ${player.credits?.toLocaleString('en-US')} credits`);
    say();

    say(`$ spacetraders player update NOVA-DEMO --metadata '{"role":"explorer"}'`);
    await app.mediator.send(new UpdatePlayerMetadata({ agentSymbol: 'NOVA-DEMO', metadata: { role: 'explorer' } }));
    const players = await app.mediator.send(new ListPlayers());
    say('$ spacetraders player list');
    for (const p of players) say(`${p.isDefault ? '*' : ' '} ${p.agentSymbol}  ${p.faction}  ${p.headquarters}  ${p.credits?.toLocaleString('en-US')} credits  ${JSON.stringify(p.metadata)}`);
    say();

    say('$ spacetraders events');
    for (const event of await app.mediator.send(new GetRecentEvents({ limit: 10 }))) say(`${event.occurredAt}  ${event.type}  ${JSON.stringify(event.payload)}`);
  } finally {
    app.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

demo().catch((error) => {
  process.exitCode = reportError(error);
});
