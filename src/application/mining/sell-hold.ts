import { inject, injectable } from 'inversify';
import { AppError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { chooseSaleMarket, type SaleMarket } from '../../domain/mining/sale-plan.js';
import { distance, fuelCost, SHIP_FUEL_PER_MARKET_UNIT, travelSeconds } from '../../domain/navigation/flight-mode.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { Config } from '../../ports/config.js';
import type { Logger } from '../../ports/logger.js';
import { TOKENS } from '../../ports/tokens.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { SellCargo } from '../ships/sell-cargo.js';
import { ShipAction } from '../ships/ship-action.js';
import type { HoldUnloader, UnloadContext, UnloadResult } from './hold-unloader.js';

/** A hold is sold over at most this many markets per trip (one buyer rarely takes every ore). */
const MAX_SALE_STOPS = 3;

/**
 * Sells the hold: to the market of the ship's system whose proceeds net of the trip's fuel are best
 * (or the nearest one that buys any of it), then the rest at the next, through NavigateShip and
 * SellCargo (lots, trade progress, ledger rows). Goods no market buys stay for the jettison rule.
 */
@injectable()
export class SellHold {
  constructor(
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(TOKENS.Config) private readonly config: Config,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  as(mode: 'best' | 'nearest'): HoldUnloader {
    return { unload: (context) => this.unload(context, mode) };
  }

  private async unload(context: UnloadContext, mode: 'best' | 'nearest'): Promise<UnloadResult> {
    const { player } = context;
    let ship = context.ship;
    const result: UnloadResult = { ship, unitsSold: 0, credits: 0 };
    const tried = new Set<string>();
    for (let stop = 0; stop < MAX_SALE_STOPS; stop++) {
      const markets = this.markets(ship, context).filter((m) => !tried.has(m.waypoint));
      const choice = chooseSaleMarket(ship.cargo.inventory, markets, mode);
      if (!choice) break;
      tried.add(choice.waypoint);
      this.logger.info({ market: choice.waypoint, goods: choice.goods }, `selling at ${choice.waypoint}`);
      await this.mediator.send(
        new NavigateShip({ shipSymbol: ship.symbol, destination: choice.waypoint, player: player.agentSymbol }),
      );
      for (const good of choice.goods) {
        try {
          const sale = await this.mediator.send(
            new SellCargo({ shipSymbol: ship.symbol, good, player: player.agentSymbol }),
          );
          result.unitsSold += sale.units;
          result.credits += sale.totalPrice;
        } catch (error) {
          // The listing said it trades the good but the market refuses it (or holds none now): try elsewhere.
          if (!(error instanceof AppError) || !['NOT_TRADED', 'CARGO'].includes(error.code)) throw error;
          this.logger.warn({ good, market: choice.waypoint }, `could not sell ${good}: ${error.message}`);
        }
      }
      ship = (await this.action.load({ shipSymbol: ship.symbol, player: player.agentSymbol })).ship;
      if (ship.cargo.units === 0) break;
    }
    return { ...result, ship };
  }

  private markets(ship: Ship, { site }: UnloadContext): SaleMarket[] {
    const here = site.waypoints.get(ship.location());
    const fuelPrice = this.config.planner.fuelPrice;
    return [...site.buyers].flatMap(([waypoint, buys]) => {
      const there = site.waypoints.get(waypoint);
      if (!here || !there) return [];
      const d = distance(here, there);
      return [
        {
          waypoint,
          seconds: travelSeconds(d, 'CRUISE', ship.engineSpeed),
          fuelCredits: (fuelCost(d, 'CRUISE', ship.fuel.capacity) * fuelPrice) / SHIP_FUEL_PER_MARKET_UNIT,
          buys,
          price: (good: string) => site.priceAt(waypoint, good),
        },
      ];
    });
  }
}
