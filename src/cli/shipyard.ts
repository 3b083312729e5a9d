import type { Command } from 'commander';
import type { ShipPurchaseView } from '../application/shipyards/buy-ship.js';
import type { ShipyardView } from '../application/shipyards/shipyard-view.js';
import { describeAge } from '../domain/market/market.js';
import { table } from './output.js';
import { withApp } from './session.js';

export function registerShipyardCommands(program: Command): void {
  const shipyard = program.command('shipyard').description('what shipyards sell and buying ships');

  shipyard
    .command('list')
    .description('the ships a shipyard sells: prices live with a ship of yours there, else the last stored observation')
    .argument('<waypoint>', 'waypoint symbol, e.g. X1-AB12-C3')
    .action(async (waypoint: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ListShipyard } = await import('../application/shipyards/list-shipyard.js');
        const view = await app.mediator.send(new ListShipyard({ waypoint, player: app.config.player }));
        out.result(view, describeShipyard);
      });
    });

  shipyard
    .command('buy')
    .description('buy a ship at the cheapest known shipyard selling the type where a ship of yours is')
    .argument('<ship-type>', 'ship type, e.g. SHIP_PROBE')
    .option('--at <waypoint>', 'buy at this shipyard')
    .action(async (shipType: string, options: { at?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { BuyShip } = await import('../application/shipyards/buy-ship.js');
        const bought = await app.mediator.send(new BuyShip({ shipType, at: options.at, player: app.config.player }));
        out.result(
          bought,
          (b: ShipPurchaseView) =>
            `bought ${b.ship.symbol} (${shipType.toUpperCase()}) at ${b.waypoint} for ${b.price.toLocaleString('en-US')} credits`,
        );
      });
    });
}

function describeShipyard(y: ShipyardView): string {
  if (y.observedAt === null)
    return [
      `${y.waypoint}: no prices known; a ship of yours must be at the shipyard to see them`,
      `sells: ${y.ships.map((s) => s.type).join(', ') || '-'}`,
    ].join('\n');
  const heading = y.live
    ? `${y.waypoint}: live prices (a ship of yours is there)`
    : `${y.waypoint}: stored observation, ${describeAge(y.ageSeconds ?? 0)} old (no ship of yours is there)`;
  const ships = table(
    ['TYPE', 'PRICE', 'SUPPLY', 'SPEED', 'CARGO', 'FUEL', 'MOUNTS'],
    y.ships.map((s) => [
      s.type,
      s.purchasePrice === null ? '?' : s.purchasePrice.toLocaleString('en-US'),
      s.supply ?? '',
      String(s.engineSpeed ?? ''),
      String(s.cargoCapacity ?? ''),
      String(s.fuelCapacity ?? ''),
      s.mounts.join(',') || '-',
    ]),
  );
  return [heading, ships].join('\n');
}
