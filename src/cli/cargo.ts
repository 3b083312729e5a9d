import type { Command } from 'commander';
import type { CargoView } from '../application/ships/get-ship-cargo.js';
import type { TradeReport } from '../application/ships/ship-trade.js';
import { ValidationError } from '../domain/errors.js';
import { wholeNumber } from './numbers.js';
import { table } from './output.js';
import { withApp } from './session.js';

/** `ship cargo`, `ship buy`, `ship sell`, `ship jettison` and `ship transfer`. */
export function registerCargoCommands(ship: Command): void {
  ship
    .command('cargo')
    .description("what a ship's hold carries")
    .argument('<ship>', 'ship symbol')
    .action(async (symbol: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { GetShipCargo } = await import('../application/ships/get-ship-cargo.js');
        const cargo = await app.mediator.send(new GetShipCargo({ shipSymbol: symbol, player: app.config.player }));
        out.result(cargo, describeCargo);
      });
    });

  ship
    .command('buy')
    .description("buy a good at the ship's market (docks if needed), in lots of at most its trade volume")
    .argument('<ship>', 'ship symbol')
    .argument('<good>', 'trade good, e.g. IRON_ORE')
    .argument('<units>', 'units to buy')
    .option('--max-price <credits>', 'stop before a lot whose price per unit would be above this')
    .action(async (symbol: string, good: string, units: string, options: { maxPrice?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { BuyCargo } = await import('../application/ships/buy-cargo.js');
        const request = new BuyCargo({
          shipSymbol: symbol,
          good,
          units: wholeNumber(units, 'UNITS'),
          player: app.config.player,
          ...(options.maxPrice === undefined ? {} : { limit: wholeNumber(options.maxPrice, '--max-price') }),
        });
        out.result(await app.mediator.send(request), (r) => describeTrade(r, 'bought', '--max-price'));
      });
    });

  ship
    .command('sell')
    .description("sell a good at the ship's market (docks if needed), in lots of at most its trade volume")
    .argument('<ship>', 'ship symbol')
    .argument('<good>', 'trade good, e.g. IRON_ORE')
    .argument('[units]', 'units to sell (or --all)')
    .option('--all', 'sell everything of the good in the hold')
    .option('--min-price <credits>', 'stop before a lot whose price per unit would be below this')
    .action(
      async (
        symbol: string,
        good: string,
        units: string | undefined,
        options: { all?: boolean; minPrice?: string },
        command: Command,
      ) => {
        await withApp(command, async (app, out) => {
          if ((units === undefined) === !options.all) throw new ValidationError('give either UNITS or --all');
          const { SellCargo } = await import('../application/ships/sell-cargo.js');
          const request = new SellCargo({
            shipSymbol: symbol,
            good,
            player: app.config.player,
            ...(units === undefined ? {} : { units: wholeNumber(units, 'UNITS') }),
            ...(options.minPrice === undefined ? {} : { limit: wholeNumber(options.minPrice, '--min-price') }),
          });
          out.result(await app.mediator.send(request), (r) => describeTrade(r, 'sold', '--min-price'));
        });
      },
    );

  ship
    .command('jettison')
    .description("dump units of a good from a ship's hold into space")
    .argument('<ship>', 'ship symbol')
    .argument('<good>', 'trade good, e.g. IRON_ORE')
    .argument('<units>', 'units to jettison')
    .action(async (symbol: string, good: string, units: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { JettisonCargo } = await import('../application/ships/jettison-cargo.js');
        const request = new JettisonCargo({
          shipSymbol: symbol,
          good,
          units: wholeNumber(units, 'UNITS'),
          player: app.config.player,
        });
        out.result(
          await app.mediator.send(request),
          (r) => `${r.ship} jettisoned ${r.units} ${r.good}; hold: ${r.cargo.units}/${r.cargo.capacity}`,
        );
      });
    });

  ship
    .command('transfer')
    .description('move units of a good to another of your ships at the same waypoint')
    .argument('<from>', 'ship giving the cargo')
    .argument('<to>', 'ship taking it')
    .argument('<good>', 'trade good, e.g. IRON_ORE')
    .argument('<units>', 'units to transfer')
    .action(async (from: string, to: string, good: string, units: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { TransferCargo } = await import('../application/ships/transfer-cargo.js');
        const request = new TransferCargo({
          shipSymbol: from,
          toShip: to,
          good,
          units: wholeNumber(units, 'UNITS'),
          player: app.config.player,
        });
        out.result(
          await app.mediator.send(request),
          (r) =>
            `${r.from} transferred ${r.units} ${r.good} to ${r.to} at ${r.waypoint}; holds: ${r.from} ${r.cargo.units}/${r.cargo.capacity}, ${r.to} ${r.targetCargo.units}/${r.targetCargo.capacity}`,
        );
      });
    });
}

function describeCargo(cargo: CargoView): string {
  const heading = `hold: ${cargo.units}/${cargo.capacity}`;
  if (cargo.inventory.length === 0) return `${heading} (empty)`;
  return [
    heading,
    table(
      ['GOOD', 'UNITS'],
      cargo.inventory.map((i) => [i.symbol, String(i.units)]),
    ),
  ].join('\n');
}

const credits = (n: number) => n.toLocaleString('en-US');

function describeTrade(r: TradeReport, verb: string, flag: string): string {
  const lines = r.lots.map(
    (lot, i) =>
      `lot ${i + 1}: ${lot.units} ${r.good} at ${credits(lot.pricePerUnit)} = ${credits(lot.units * lot.pricePerUnit)}`,
  );
  lines.push(
    `${r.ship} ${verb} ${r.units} ${r.good} at ${r.waypoint} in ${r.lots.length} lot(s) for ${credits(r.totalPrice)} credits; ${credits(r.credits)} credits now`,
  );
  if (r.stoppedBecause === 'PRICE_LIMIT')
    lines.push(`stopped after ${r.units} of ${r.requested}: the price crossed ${flag}`);
  if (r.stoppedBecause === 'NO_CREDITS') lines.push(`stopped after ${r.units} of ${r.requested}: out of credits`);
  return lines.join('\n');
}
