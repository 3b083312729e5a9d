import type { Command } from 'commander';
import type { NavigationResult } from '../application/navigation/navigate-ship.js';
import type { ShipView } from '../application/ships/ship-view.js';
import { ValidationError } from '../domain/errors.js';
import { describeRoute, duration } from './route.js';
import { table } from './output.js';
import { withApp } from './session.js';
import { positiveNumber } from './numbers.js';
import { creditsSpentText, followNavigation } from './progress.js';
import { registerCargoCommands } from './cargo.js';
import { registerMiningShipCommands } from './mining.js';
import { submitInBackground } from './background.js';

export function registerShipCommands(program: Command): void {
  const ship = program.command('ship').description('see and fly your ships');

  ship
    .command('list')
    .description('your ships: location, status, fuel, cargo, arrival')
    .action(async (_options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ListShips } = await import('../application/ships/list-ships.js');
        const ships = await app.mediator.send(new ListShips({ player: app.config.player }));
        out.result(ships, (list) =>
          table(
            ['SHIP', 'ROLE', 'LOCATION', 'STATUS', 'FUEL', 'CARGO', 'ETA'],
            list.map((s) => [
              s.symbol,
              s.role,
              s.location,
              s.status,
              fuel(s),
              `${s.cargo.units}/${s.cargo.capacity}`,
              s.arrivesIn > 0 ? duration(s.arrivesIn) : '',
            ]),
          ),
        );
      });
    });

  ship
    .command('info')
    .description('one ship in detail')
    .argument('<ship>', 'ship symbol, e.g. NOVA-1-1')
    .action(async (symbol: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { GetShip } = await import('../application/ships/get-ship.js');
        out.result(
          await app.mediator.send(new GetShip({ shipSymbol: symbol, player: app.config.player })),
          describeShip,
        );
      });
    });

  for (const [name, description] of [
    ['orbit', 'take a docked ship into orbit'],
    ['dock', 'dock a ship in orbit'],
  ] as const) {
    ship
      .command(name)
      .description(description)
      .argument('<ship>', 'ship symbol')
      .action(async (symbol: string, _options: unknown, command: Command) => {
        await withApp(command, async (app, out) => {
          const { OrbitShip } = await import('../application/ships/orbit-ship.js');
          const { DockShip } = await import('../application/ships/dock-ship.js');
          const request =
            name === 'orbit'
              ? new OrbitShip({ shipSymbol: symbol, player: app.config.player })
              : new DockShip({ shipSymbol: symbol, player: app.config.player });
          const view = await app.mediator.send(request);
          out.result(view, (v) => `${v.symbol} is ${v.status} at ${v.location}`);
        });
      });
  }

  ship
    .command('refuel')
    .description('dock if needed and buy fuel (to full, or --units of ship fuel)')
    .argument('<ship>', 'ship symbol')
    .option('--units <n>', 'units of ship fuel to buy')
    .action(async (symbol: string, options: { units?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { RefuelShip } = await import('../application/ships/refuel-ship.js');
        const units = parseUnits(options.units);
        const result = await app.mediator.send(
          new RefuelShip({ shipSymbol: symbol, units, player: app.config.player }),
        );
        out.result(
          result,
          (r) =>
            `${r.ship.symbol} refuelled at ${r.ship.location}: +${r.fuelAdded} fuel (${fuel(r.ship)}) ${creditsSpentText(r.creditsSpent)}; ${r.credits.toLocaleString('en-US')} left`,
        );
      });
    });

  registerCargoCommands(ship);
  registerMiningShipCommands(ship);

  ship
    .command('navigate')
    .description('fly a ship to a waypoint along the fastest route (refuel stops and jumps included)')
    .argument('<ship>', 'ship symbol')
    .argument('<waypoint>', 'destination waypoint, e.g. X1-AB12-C3')
    .option('--mode <mode>', 'auto, or force CRUISE, BURN, DRIFT or STEALTH for every leg', 'auto')
    .option('--no-wait', 'return once the first leg has departed')
    .option('--background', 'run in the daemon and return a container id at once')
    .option('--credits-per-second <n>', "what a second of the ship's time is worth: weigh fuel's cost against time")
    .action(
      async (
        symbol: string,
        waypoint: string,
        options: { mode: string; wait: boolean; background?: boolean; creditsPerSecond?: string },
        command: Command,
      ) => {
        await withApp(command, async (app, out) => {
          const { NavigateShip } = await import('../application/navigation/navigate-ship.js');
          const objective =
            options.creditsPerSecond === undefined
              ? {}
              : { creditsPerSecond: positiveNumber(options.creditsPerSecond, '--credits-per-second') };
          let player = app.config.player;
          if (options.background) {
            // The daemon runs it later: fix the player now, whatever the default player becomes.
            const { Players } = await import('../application/player/players.js');
            player = app.container.get(Players).resolve(player).agentSymbol;
          }
          const request = new NavigateShip({
            shipSymbol: symbol,
            destination: waypoint,
            mode: options.mode,
            noWait: !options.wait && !options.background,
            player,
            ...objective,
          });
          if (options.background) {
            await submitInBackground(app, out, request, player, 'navigation running');
            return;
          }
          const tty = process.stdout.isTTY;
          const stop = out.json
            ? () => {}
            : followNavigation(app.events, {
                line: out.line,
                ...(tty ? { redraw: (text: string) => void process.stdout.write(`\r\x1b[K${text}`) } : {}),
              });
          const started = Date.now();
          try {
            const result = await app.mediator.send(request);
            out.result({ ...result, elapsedSeconds: Math.round((Date.now() - started) / 1000) }, (r) =>
              summarize(r, r.elapsedSeconds),
            );
          } finally {
            stop();
          }
        });
      },
    );
}

function summarize(result: NavigationResult, elapsed: number): string {
  const s = result.ship;
  if (result.route.legs.length === 0) return `${s.symbol} is already at ${s.location} (${s.status}, fuel ${fuel(s)})`;
  if (!result.arrived)
    return `${s.symbol} departed for ${s.destination ?? result.route.destination}, arriving in ${duration(s.arrivesIn)}; run the same command again to continue the route`;
  return `${s.symbol} arrived at ${s.location} (${s.status}) with ${fuel(s)} fuel after ${result.legsFlown} leg(s) in ${duration(elapsed)}\n${describeRoute(result.route)}`;
}

function fuel(ship: ShipView): string {
  return ship.fuel.capacity === 0 ? 'no tank' : `${ship.fuel.current}/${ship.fuel.capacity}`;
}

function describeShip(s: ShipView): string {
  return [
    `ship:      ${s.symbol} (${s.role})`,
    `location:  ${s.location} in ${s.system}`,
    `status:    ${s.status}${s.destination ? ` to ${s.destination}, arriving in ${duration(s.arrivesIn)}` : ''}`,
    `mode:      ${s.flightMode}`,
    `fuel:      ${fuel(s)}`,
    `cargo:     ${s.cargo.units}/${s.cargo.capacity}`,
    `speed:     ${s.engineSpeed}`,
  ].join('\n');
}

function parseUnits(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const units = Number(text);
  if (!Number.isInteger(units) || units < 1) throw new ValidationError('--units must be a whole number of at least 1');
  return units;
}
