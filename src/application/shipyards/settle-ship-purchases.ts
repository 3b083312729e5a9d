import { inject, injectable } from 'inversify';
import { Command, type RequestHandler } from '../../mediator/request.js';
import { Players } from '../player/players.js';
import { ShipPurchases } from './ship-purchases.js';

/** What the settlement did, per player that had a purchase left unrecorded. */
export interface ShipPurchaseSettlement {
  /** "AGENT: SHIP_TYPE at WAYPOINT as SHIP", one per purchase booked. */
  booked: string[];
  /** "AGENT: why", one per purchase that could not be settled now (an outage) or at all (reported once). */
  failed: string[];
}

/**
 * Books every ship purchase a crash left unrecorded (sent, answer never booked), by reading back —
 * never by sending again. The daemon runs it at start, before resuming its jobs, so a coordinator that
 * does not buy again soon still finds its books balanced; the next purchase would settle it too.
 */
export class SettleShipPurchases extends Command<ShipPurchaseSettlement> {}

@injectable()
export class SettleShipPurchasesHandler implements RequestHandler<SettleShipPurchases> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(ShipPurchases) private readonly purchases: ShipPurchases,
  ) {}

  async handle(): Promise<ShipPurchaseSettlement> {
    const result: ShipPurchaseSettlement = { booked: [], failed: [] };
    for (const player of this.players.list()) {
      if (player.snapshot().tokenStale) continue;
      try {
        const settled = await this.purchases.settle(player);
        if (settled)
          result.booked.push(
            `${player.agentSymbol}: ${settled.type} at ${settled.view.waypoint} as ${settled.view.ship.symbol}`,
          );
      } catch (error) {
        result.failed.push(`${player.agentSymbol}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return result;
  }
}
