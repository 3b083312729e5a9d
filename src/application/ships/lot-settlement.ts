import { inject, injectable } from 'inversify';
import type { Ship } from '../../domain/fleet/ship.js';
import type { TradeSide } from '../../domain/market/lots.js';
import type { MarketTrade } from '../../domain/market/market.js';
import type { Player } from '../../domain/player/player.js';
import type { Ledger } from '../../ports/ledger.js';
import type { SettingsRepository } from '../../ports/player-repository.js';
import type { AgentDto, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';

/** The kinds of ledger row that come from a market's own record, with the server's timestamp. */
const MARKET_KINDS = new Set(['PURCHASE', 'SALE', 'FUEL', 'ANTIMATTER']);

/** A lot sent and not yet booked: which trade sent it, and what it asked for. */
export interface LotInFlight {
  tradeId: string;
  side: TradeSide;
  good: string;
  units: number;
  /** Where it was sent: its market's record can be read only with the ship there. */
  waypoint: string;
}

/** What reading back a lot whose answer never came showed. */
export type SettledLot =
  | { applied: true; transaction: MarketTrade; agent: AgentDto; ship: Ship }
  | { applied: false; ship: Ship }
  | { applied: 'unknown'; ship: Ship };

/**
 * Settles a lot that was sent and whose answer was lost (or whose daemon died with it in flight) by
 * reading the state back, never by sending it again: the market's list of recent transactions is
 * the server's own record. The lot was applied when that list shows this ship's trade of the good,
 * side and units after the newest market row the ledger holds for the ship (server timestamps on both
 * sides); it was not when there is none and either the hold is as it was before the lot, or the list
 * reaches back past that row (so it would show the trade). Anything else stays unknown.
 */
@injectable()
export class LotSettlement {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
  ) {}

  /**
   * Marks the ship's lot in flight (null: none), in the caller's unit of work: per ship, so a lot
   * sent by a trade that is never resumed as such (one step of a contract or trade run, which starts
   * a new trade when its container restarts) is still settled by the next trade of that ship.
   */
  mark(player: Player, shipSymbol: string, lot: LotInFlight | null): void {
    this.settings.set(lotKey(player.agentSymbol, shipSymbol), lot ? JSON.stringify(lot) : '');
  }

  /** The ship's lot in flight, if one is marked. */
  inFlight(player: Player, shipSymbol: string): LotInFlight | undefined {
    const stored = this.settings.get(lotKey(player.agentSymbol, shipSymbol));
    return stored ? (JSON.parse(stored) as LotInFlight) : undefined;
  }

  /** `heldBefore`: units of the good in the hold before the lot was sent, when known. */
  async settle(
    player: Player,
    shipSymbol: string,
    lot: { side: TradeSide; good: string; units: number; heldBefore?: number; waypoint?: string },
  ): Promise<SettledLot> {
    const ship = await this.api.getShip(player.token, shipSymbol);
    if (lot.waypoint !== undefined && ship.location() !== lot.waypoint) return { applied: 'unknown', ship };
    const market = await this.api.getMarket(player.token, ship.nav.systemSymbol, ship.location());
    const type = lot.side === 'BUY' ? 'PURCHASE' : 'SELL';
    const booked = this.ledger
      .entries(player.agentSymbol)
      .filter((e) => e.ship === shipSymbol && MARKET_KINDS.has(e.kind))
      .reduce((newest, e) => Math.max(newest, e.at), Number.NEGATIVE_INFINITY);
    const listed = (market.transactions ?? []).map(
      (t): MarketTrade => ({
        waypoint: t.waypointSymbol,
        ship: t.shipSymbol,
        good: t.tradeSymbol,
        type: t.type as MarketTrade['type'],
        units: t.units,
        pricePerUnit: t.pricePerUnit,
        totalPrice: t.totalPrice,
        at: Date.parse(t.timestamp),
      }),
    );
    const ours = listed.filter(
      (t) => t.ship === shipSymbol && t.good === lot.good && t.type === type && t.units === lot.units && t.at > booked,
    );
    if (ours.length === 1)
      return { applied: true, transaction: ours[0]!, agent: await this.api.getMyAgent(player.token), ship };
    if (ours.length > 1) return { applied: 'unknown', ship };
    const holdUnchanged = lot.heldBefore !== undefined && ship.unitsOf(lot.good) === lot.heldBefore;
    const listReachesBack = listed.some((t) => t.at <= booked);
    return { applied: holdUnchanged || listReachesBack ? false : 'unknown', ship };
  }
}

function lotKey(agentSymbol: string, shipSymbol: string): string {
  return `lot-in-flight:${agentSymbol}:${shipSymbol}`;
}
