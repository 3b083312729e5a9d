import type { Command } from 'commander';
import type { Route } from '../domain/navigation/route.js';
import { ValidationError } from '../domain/errors.js';
import { table, writeUserFile } from './output.js';
import { withApp } from './session.js';

export function registerSystemCommands(program: Command): void {
  const system = program.command('system').description('systems and their waypoints');
  system
    .command('waypoints')
    .description("a system's waypoints (cached locally for a day)")
    .argument('<system>', 'system symbol, e.g. X1-AB12')
    .option('--type <type>', 'only this waypoint type, e.g. PLANET')
    .option('--trait <trait>', 'only waypoints with this trait, e.g. MARKETPLACE')
    .action(async (symbol: string, options: { type?: string; trait?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ListWaypoints } = await import('../application/systems/list-waypoints.js');
        const waypoints = await app.mediator.send(
          new ListWaypoints({
            systemSymbol: symbol,
            type: options.type,
            trait: options.trait,
            player: app.config.player,
          }),
        );
        out.result(waypoints, (list) =>
          list.length === 0
            ? 'no waypoints match'
            : table(
                ['WAYPOINT', 'TYPE', 'X', 'Y', 'FUEL', 'TRAITS'],
                list.map((w) => [
                  w.symbol,
                  w.type,
                  String(w.x),
                  String(w.y),
                  w.sellsFuel ? 'yes' : '',
                  w.traits.join(','),
                ]),
              ),
        );
      });
    });
  system
    .command('map')
    .description('draw a system as SVG, optionally with a planned route')
    .argument('<system>', 'system symbol')
    .requiredOption('--out <file>', 'where to write the SVG')
    .option('--route <ship:waypoint>', 'also plan and draw this route, e.g. NOVA-1-1:X1-AB12-C3')
    .action(async (symbol: string, options: { out: string; route?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ListWaypoints } = await import('../application/systems/list-waypoints.js');
        const { systemMapSvg } = await import('./svg-map.js');
        const waypoints = await app.mediator.send(
          new ListWaypoints({ systemSymbol: symbol, player: app.config.player }),
        );
        let route: Route | undefined;
        if (options.route) {
          const [ship, destination] = options.route.split(':');
          if (!ship || !destination) throw new ValidationError('--route takes SHIP:WAYPOINT, e.g. NOVA-1-1:X1-AB12-C3');
          const { PlanRoute } = await import('../application/navigation/plan-route.js');
          route = await app.mediator.send(new PlanRoute({ shipSymbol: ship, destination, player: app.config.player }));
        }
        writeUserFile('--out', options.out, systemMapSvg(symbol.toUpperCase(), waypoints, route));
        out.result(
          { file: options.out, waypoints: waypoints.length, legs: route?.legs.length ?? 0 },
          (r) => `wrote ${r.file}: ${r.waypoints} waypoints${route ? `, ${r.legs} leg(s)` : ''}`,
        );
      });
    });

  system
    .command('sync')
    .description("fetch a system's waypoints and markets again")
    .argument('<system>', 'system symbol')
    .action(async (symbol: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { SyncSystem } = await import('../application/systems/sync-system.js');
        const synced = await app.mediator.send(new SyncSystem({ systemSymbol: symbol, player: app.config.player }));
        out.result(
          synced,
          (s) =>
            `synced ${s.systemSymbol}: ${s.waypoints} waypoints, ${s.markets} markets, ${s.fuelStations} selling fuel`,
        );
      });
    });
}
