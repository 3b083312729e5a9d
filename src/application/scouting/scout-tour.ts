import { inject, injectable } from 'inversify';
import { domainEvent } from '../../domain/events.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import { TOKENS } from '../../ports/tokens.js';
import { Markets } from '../markets/markets.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { Shipyards } from '../shipyards/shipyards.js';
import type { ScoutStop } from './scout-fleet.js';

/** Tells the ships of one sweep to stop at their next stop once one of them has failed. */
export interface SweepHalt {
  failed: boolean;
}

/**
 * One ship's part of a sweep: fly to each stop in turn (the navigation use case: planned from
 * where the ship really is, committed leg by leg), read the market and the shipyard there (stored
 * as observations), and commit the visit before the next leg.
 */
@injectable()
export class ScoutTour {
  constructor(
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(Markets) private readonly markets: Markets,
    @inject(Shipyards) private readonly shipyards: Shipyards,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  /** Flies the tour and returns the number of stops visited; on a failure, halts the other ships too. */
  async fly(player: Player, ship: string, stops: readonly ScoutStop[], halt: SweepHalt): Promise<number> {
    let visited = 0;
    try {
      for (const stop of stops) {
        if (halt.failed) break;
        await this.mediator.send(
          new NavigateShip({ shipSymbol: ship, destination: stop.symbol, player: player.agentSymbol }),
        );
        await this.visit(player, ship, stop);
        visited += 1;
      }
    } catch (error) {
      halt.failed = true;
      throw error;
    }
    return visited;
  }

  private async visit(player: Player, ship: string, stop: ScoutStop): Promise<void> {
    const goods = stop.market ? await this.readMarket(player, ship, stop.symbol) : null;
    const shipTypes = stop.shipyard ? await this.readShipyard(player, ship, stop.symbol) : null;
    const read = [
      goods === null ? '' : `market ${goods} goods`,
      shipTypes === null ? '' : `shipyard ${shipTypes} ship types`,
    ].filter(Boolean);
    this.logger.info(
      { ship, waypoint: stop.symbol, goods, shipTypes },
      `${ship} at ${stop.symbol}: ${read.join(', ')}`,
    );
    const unitOfWork = currentUnitOfWork();
    unitOfWork?.record(
      domainEvent('WaypointScouted', { ship, waypoint: stop.symbol, goods, shipTypes }, this.clock.now()),
    );
    await unitOfWork?.checkpoint();
  }

  private async readMarket(player: Player, ship: string, waypoint: string): Promise<number> {
    const read = await this.markets.read(player, waypoint);
    if ('observation' in read) return read.observation.tradeGoods.length;
    this.logger.warn({ ship, waypoint }, `${waypoint} showed no prices although ${ship} is there`);
    return 0;
  }

  private async readShipyard(player: Player, ship: string, waypoint: string): Promise<number> {
    const read = await this.shipyards.read(player, waypoint);
    if ('observation' in read) return read.observation.ships.length;
    this.logger.warn({ ship, waypoint }, `the shipyard at ${waypoint} showed no prices although ${ship} is there`);
    return 0;
  }
}
