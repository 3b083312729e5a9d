import type { Ship } from '../../domain/fleet/ship.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { Logger } from '../../ports/logger.js';
import { JettisonCargo } from '../ships/jettison-cargo.js';

/** Jettisons each lot in turn (one JettisonCargo each), counting the units; the ship as its hold now is. */
export async function jettisonGoods(
  mediator: Mediator,
  logger: Logger,
  agent: string,
  ship: Ship,
  lots: ReadonlyArray<{ symbol: string; units: number }>,
  report: { unitsJettisoned: number },
): Promise<Ship> {
  for (const lot of lots) {
    const command = new JettisonCargo({ shipSymbol: ship.symbol, good: lot.symbol, units: lot.units, player: agent });
    const result = await mediator.send(command);
    report.unitsJettisoned += lot.units;
    ship = ship.withCargo(result.cargo);
    logger.info({ good: lot.symbol, units: lot.units }, `jettisoned ${lot.units} ${lot.symbol}`);
  }
  return ship;
}
