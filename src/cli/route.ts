import type { Command } from 'commander';
import type { Route } from '../domain/navigation/route.js';
import { positiveNumber } from './numbers.js';
import { table, writeUserFile } from './output.js';
import { withApp } from './session.js';

export function registerRouteCommands(program: Command): void {
  const route = program.command('route').description('plan routes without flying them');
  route
    .command('plan')
    .description('dry run: legs, flight modes, fuel, refuel stops and total time to a waypoint')
    .argument('<ship>', 'ship symbol')
    .argument('<waypoint>', 'destination waypoint')
    .option('--svg <file>', 'also draw the route on a map of the system')
    .option('--credits-per-second <n>', "what a second of the ship's time is worth: weigh fuel's cost against time")
    .action(
      async (
        ship: string,
        waypoint: string,
        options: { svg?: string; creditsPerSecond?: string },
        command: Command,
      ) => {
        await withApp(command, async (app, out) => {
          const { PlanRoute } = await import('../application/navigation/plan-route.js');
          const objective =
            options.creditsPerSecond === undefined
              ? {}
              : { creditsPerSecond: positiveNumber(options.creditsPerSecond, '--credits-per-second') };
          const plan = await app.mediator.send(
            new PlanRoute({ shipSymbol: ship, destination: waypoint, player: app.config.player, ...objective }),
          );
          if (options.svg) {
            const { ListWaypoints } = await import('../application/systems/list-waypoints.js');
            const { systemMapSvg } = await import('./svg-map.js');
            const system = waypoint.toUpperCase().split('-').slice(0, 2).join('-');
            writeUserFile(
              '--svg',
              options.svg,
              systemMapSvg(
                system,
                await app.mediator.send(new ListWaypoints({ systemSymbol: system, player: app.config.player })),
                plan,
              ),
            );
          }
          out.result(plan, (p) => `${describeRoute(p)}${options.svg ? `\nwrote ${options.svg}` : ''}`);
        });
      },
    );
  route
    .command('show')
    .description('the last route a ship was sent on and how far along it is')
    .argument('<ship>', 'ship symbol')
    .action(async (ship: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { GetRoute } = await import('../application/navigation/get-route.js');
        const progress = await app.mediator.send(new GetRoute({ shipSymbol: ship, player: app.config.player }));
        out.result(
          progress,
          (p) =>
            `${p.status}: ${p.legsDone}/${p.route.legs.length} legs flown to ${p.destination}\n${describeRoute(p.route)}`,
        );
      });
    });
}

export function describeRoute(route: Route): string {
  if (route.legs.length === 0) return `${route.ship} is already at ${route.destination}`;
  const rows = route.legs.map((leg, i) => [
    String(i + 1),
    `${leg.refuelBefore ? 'refuel, ' : ''}${leg.from} -> ${leg.to}`,
    leg.warp ? `WARP ${leg.mode}` : leg.mode,
    leg.mode === 'JUMP' ? '-' : leg.distance.toFixed(1),
    String(leg.fuelCost),
    String(leg.fuelAfter),
    duration(leg.seconds),
  ]);
  return [
    table(['#', 'LEG', 'MODE', 'DIST', 'FUEL', 'LEFT', 'TIME'], rows),
    `total: ${duration(route.totalSeconds)}, ${route.totalFuel} fuel${route.fuelCredits === undefined ? '' : ` (worth about ${route.fuelCredits} credit${route.fuelCredits === 1 ? '' : 's'})`}, ${route.refuelStops} refuel stop(s)`,
  ].join('\n');
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
