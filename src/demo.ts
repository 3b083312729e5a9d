/**
 * `npm run demo`: the whole bot offline. Starts the sandbox server in this process, opens a fresh
 * SQLite file, and plays through the mediator exactly as the CLI would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetRecentEvents } from './application/events/get-recent-events.js';
import { NavigateShip } from './application/navigation/navigate-ship.js';
import { PlanRoute } from './application/navigation/plan-route.js';
import { ListShips } from './application/ships/list-ships.js';
import { ListWaypoints } from './application/systems/list-waypoints.js';
import { describeRoute, duration } from './cli/route.js';
import { ListPlayers } from './application/player/list-players.js';
import { RegisterPlayer } from './application/player/register-player.js';
import { UpdatePlayerMetadata } from './application/player/update-player-metadata.js';
import { createApp } from './composition-root.js';
import { loadDefaults, resolveConfig } from './config/config.js';
import { reportError } from './cli/errors.js';
import { creditsSpentText } from './cli/progress.js';
import { startSandbox } from './sandbox/index.js';

function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

async function demo(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-demo-'));
  const sandbox = await startSandbox({ port: 0, seed: 7, timeScale: 100 });
  const config = resolveConfig(
    loadDefaults(),
    { HOME: dir },
    { apiUrl: sandbox.baseUrl, db: join(dir, 'demo.db'), logLevel: 'warn', accountToken: 'demo-account-token' },
  );
  const app = createApp(config);
  try {
    say(`sandbox: ${sandbox.baseUrl} (seed 7, travel 100x faster, real rate limit)`);
    say(`database: ${config.dbPath}`);
    say();

    say('$ spacetraders player register --agent NOVA-DEMO --faction COSMIC');
    const player = await app.mediator.send(
      new RegisterPlayer({ agentSymbol: 'NOVA-DEMO', faction: 'COSMIC', accountToken: config.accountToken }),
    );
    say(
      `registered ${player.agentSymbol} (${player.faction}) at ${player.headquarters} with ${player.credits?.toLocaleString('en-US')} credits`,
    );
    say();

    say(`$ spacetraders player update NOVA-DEMO --metadata '{"role":"explorer"}'`);
    await app.mediator.send(new UpdatePlayerMetadata({ agentSymbol: 'NOVA-DEMO', metadata: { role: 'explorer' } }));
    const players = await app.mediator.send(new ListPlayers());
    say('$ spacetraders player list');
    for (const p of players)
      say(
        `${p.isDefault ? '*' : ' '} ${p.agentSymbol}  ${p.faction}  ${p.headquarters}  ${p.credits?.toLocaleString('en-US')} credits  ${JSON.stringify(p.metadata)}`,
      );
    say();

    say('$ spacetraders ship list');
    const ships = await app.mediator.send(new ListShips({}));
    for (const ship of ships)
      say(
        `  ${ship.symbol}  ${ship.role}  ${ship.location}  ${ship.status}  fuel ${ship.fuel.current}/${ship.fuel.capacity}`,
      );
    const command = ships.find((ship) => ship.role === 'COMMAND')!;
    say();

    say(`$ spacetraders system waypoints ${command.system} --trait MARKETPLACE`);
    const waypoints = await app.mediator.send(new ListWaypoints({ systemSymbol: command.system }));
    for (const w of waypoints.filter((w) => w.traits.includes('MARKETPLACE')))
      say(`  ${w.symbol.padEnd(12)} ${w.type.padEnd(16)} (${w.x}, ${w.y})  ${w.sellsFuel ? 'sells fuel' : 'no fuel'}`);
    // Put the ship far from home with little fuel (through the sandbox's admin API), so the trip
    // needs the planner: where to refuel, and which mode each leg can afford.
    const home = waypoints.find((w) => w.symbol === command.location)!;
    const away = (from: { x: number; y: number }, candidates: typeof waypoints) =>
      candidates.reduce((best, w) =>
        Math.hypot(w.x - from.x, w.y - from.y) > Math.hypot(best.x - from.x, best.y - from.y) ? w : best,
      );
    const start = away(
      home,
      waypoints.filter((w) => !w.sellsFuel),
    );
    const far = away(start, waypoints);
    await fetch(`${sandbox.adminUrl}/ships/${command.symbol}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ waypoint: start.symbol, status: 'IN_ORBIT', fuel: 40 }),
    });
    say(`(sandbox admin: ${command.symbol} moved to ${start.symbol} with 40 of ${command.fuel.capacity} fuel)`);
    say(`$ spacetraders route plan ${command.symbol} ${far.symbol}`);
    say(describeRoute(await app.mediator.send(new PlanRoute({ shipSymbol: command.symbol, destination: far.symbol }))));
    say();

    say(`$ spacetraders ship navigate ${command.symbol} ${far.symbol}`);
    const following = [
      app.events.on('ShipDeparted', ({ payload: p }) =>
        say(`  ${p.from} -> ${p.to} at ${p.mode}, ${p.fuel} fuel left`),
      ),
      app.events.on('ShipRefueled', ({ payload: p }) =>
        say(`  refuelled at ${p.waypoint}: +${p.fuelAdded} fuel (now ${p.fuel}) ${creditsSpentText(p.creditsSpent)}`),
      ),
      app.events.on('ShipArrived', ({ payload: p }) => say(`  arrived at ${p.waypoint} (leg ${p.leg}/${p.legs})`)),
    ];
    const started = Date.now();
    const trip = await app.mediator.send(new NavigateShip({ shipSymbol: command.symbol, destination: far.symbol }));
    for (const stop of following) stop();
    say(
      `${trip.ship.symbol} is ${trip.ship.status} at ${trip.ship.location} with ${trip.ship.fuel.current}/${trip.ship.fuel.capacity} fuel: ${trip.legsFlown} legs, planned ${duration(trip.route.totalSeconds)} of game time, ${((Date.now() - started) / 1000).toFixed(1)} s here`,
    );
    say();

    say('$ spacetraders events --limit 12');
    for (const event of await app.mediator.send(new GetRecentEvents({ limit: 12 })))
      say(`  ${event.occurredAt}  ${event.type.padEnd(21)} ${JSON.stringify(event.payload)}`);
  } finally {
    app.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

demo().catch((error) => {
  process.exitCode = reportError(error);
});
