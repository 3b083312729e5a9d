import { inject, injectable } from 'inversify';
import { canMine } from '../../domain/contracts/mining-estimate.js';
import type { Ship } from '../../domain/fleet/ship.js';
import {
  COMMON_MINED_GOODS,
  choosePurchase,
  type PurchaseChoice,
  roleForType,
  type ShipOffer,
} from '../../domain/fleet/fleet-plan.js';
import { creditsPerHour, type FleetRole, HOUR_MS } from '../../domain/fleet/fleet-roles.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import { Shipyards } from '../shipyards/shipyards.js';
import { SystemMap } from '../systems/system-map.js';
import type { Player } from '../../domain/player/player.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import type { ShipyardRepository } from '../../ports/shipyard-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { NoKnownPriceError } from '../contracts/contract-planning.js';
import { EvaluateContract } from '../contracts/evaluate-contract.js';
import { PlanTrades } from '../trading/plan-trades.js';

/** Shipyard prices older than this are read again when a ship of ours is at the yard (prices drift with sales). */
const SHIPYARD_PRICES_MAX_AGE_MS = 3_600_000;

/** Ship types the coordinator knows how to value and put to work. */
const BUYABLE_TYPES = ['SHIP_PROBE', 'SHIP_MINING_DRONE', 'SHIP_LIGHT_SHUTTLE', 'SHIP_LIGHT_HAULER'];

export interface ContractOutlook {
  accepted: boolean;
  none: boolean;
  creditsPerHour?: number;
  /** The offer's good has no known price yet (contract run reads the nearest market first). */
  unpriced?: boolean;
  /** The offer's goods are best mined (the evaluation's source): the fleet's mining ships can feed it. */
  mined?: boolean;
  /** For a mined offer: the asteroid its evaluation mines at, and the seconds the ship alone mines there. */
  minedAt?: { asteroid: string; soloSeconds: number };
  note: string;
}

/** What the coordinator's rules need, read from stored observations and a few live reads. */
@injectable()
export class FleetInputs {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(TOKENS.MarketRepository) private readonly markets: MarketRepository,
    @inject(TOKENS.ShipyardRepository) private readonly shipyards: ShipyardRepository,
    @inject(Shipyards) private readonly shipyardReader: Shipyards,
    @inject(SystemMap) private readonly map: SystemMap,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** Mean best sell price of the common ores in the system (0 when none is observed). */
  minedUnitValue(player: Player, system: string): number {
    const prices = COMMON_MINED_GOODS.map((good) =>
      Math.max(0, ...this.markets.latestOfGood(player.agentSymbol, good, system).map((o) => o.good.sellPrice)),
    ).filter((price) => price > 0);
    return prices.length === 0 ? 0 : prices.reduce((sum, p) => sum + p, 0) / prices.length;
  }

  /** Markets of the system with a stored observation. */
  knownMarkets(player: Player, system: string): number {
    return this.markets.freshest(player.agentSymbol, system).length;
  }

  /** Marketplaces of the system (as charted) never observed with prices. */
  async unobservedMarkets(player: Player, system: string): Promise<number> {
    const seen = new Set(this.markets.freshest(player.agentSymbol, system).map((m) => m.waypoint));
    const charted = (await this.map.load(player, system)).waypoints;
    return charted.filter((w) => w.traits.some((t) => t.symbol === 'MARKETPLACE') && !seen.has(w.symbol)).length;
  }

  /** The best trade route's credits per hour for the ship (0 when none, or when planning fails). */
  async bestTrade(player: Player, ship: Ship): Promise<number> {
    if (ship.cargo.capacity === 0) return 0;
    try {
      const plan = await this.mediator.send(
        new PlanTrades({ ship: ship.symbol, limit: 1, player: player.agentSymbol }),
      );
      return Math.max(0, plan.rows[0]?.creditsPerHour ?? 0);
    } catch {
      return 0;
    }
  }

  /** The cheapest known offer of each type the coordinator values, at a shipyard where a ship of ours is. */
  offers(player: Player, ships: readonly Ship[], now: number): ShipOffer[] {
    const offers: ShipOffer[] = [];
    for (const shipType of BUYABLE_TYPES) {
      const here = this.shipyards
        .pricesOf(player.agentSymbol, shipType)
        .filter((p) => ships.some((ship) => ship.isAt(p.waypoint, now)))
        .sort((a, b) => a.purchasePrice - b.purchasePrice)[0];
      if (here) offers.push({ shipType, waypoint: here.waypoint, price: here.purchasePrice });
    }
    return offers;
  }

  /**
   * Reads the shipyard where a ship of ours is when its prices were never stored or are older than
   * SHIPYARD_PRICES_MAX_AGE_MS (one request each), so a fresh agent knows its offers from the first cycle.
   */
  async readShipyardsWhereShipsAre(player: Player, ships: readonly Ship[]): Promise<void> {
    const now = this.clock.now();
    const yards = new Set<string>();
    for (const ship of ships) {
      if (ship.statusAt(now) === 'IN_TRANSIT') continue;
      const system = await this.map.load(player, ship.nav.systemSymbol);
      const here = system.waypoints.find((w) => w.symbol === ship.location());
      if (here?.traits.some((t) => t.symbol === 'SHIPYARD')) yards.add(here.symbol);
    }
    for (const yard of yards) {
      const latest = this.shipyards.latest(player.agentSymbol, yard);
      if (latest && now - latest.observedAt < SHIPYARD_PRICES_MAX_AGE_MS) continue;
      await this.shipyardReader.read(player, yard).catch(() => undefined);
    }
  }

  /** The purchase that pays back soonest (choosePurchase), with this cycle's estimates, and the role it gets. */
  purchaseByPayback(
    player: Player,
    offers: ShipOffer[],
    ships: readonly Ship[],
    roleOf: (ship: Ship) => FleetRole,
    o: {
      minedUnitValue: number;
      trade: number;
      command: Ship;
      credits: number;
      reserve: number;
      unobserved: number;
      contractsRunning: boolean;
    },
  ): { choice?: PurchaseChoice & { role: FleetRole }; reason: string } {
    const now = this.clock.now();
    const purchase = choosePurchase(
      offers,
      {
        minedUnitValue: o.minedUnitValue,
        tradeCreditsPerHourPerUnit: o.command.cargo.capacity > 0 ? o.trade / o.command.cargo.capacity : 0,
        miners: ships.filter((s) => roleOf(s) === 'mining').length,
        traders: ships.filter((s) => roleOf(s) === 'trading').length,
        probes: ships.filter((s) => roleOf(s) === 'scout').length,
        marketplaces: this.knownMarkets(player, o.command.nav.systemSymbol),
        unobserved: o.unobserved,
        ...(o.contractsRunning
          ? {
              contractCreditsPerHour: creditsPerHour(
                this.ledger.entries(player.agentSymbol, now - HOUR_MS),
                now,
                o.command.symbol,
              ),
            }
          : {}),
      },
      o.credits,
      o.reserve,
    );
    return purchase.choice
      ? { choice: { ...purchase.choice, role: roleForType(purchase.choice.shipType) }, reason: purchase.reason }
      : { reason: purchase.reason };
  }

  canMine(ship: Ship): boolean {
    return canMine(ship.mounts);
  }

  /** The contract situation for the ship: one accepted to finish, an offer and what it is worth, or none. */
  async contracts(player: Player, ship: Ship): Promise<ContractOutlook> {
    const open = (await this.api.listContracts(player.token)).filter((c) => !c.fulfilled);
    if (open.some((c) => c.accepted)) return { accepted: true, none: false, note: 'accepted' };
    const offer = open[0];
    if (!offer) return { accepted: false, none: true, note: 'none' };
    try {
      const evaluation = await this.mediator.send(
        new EvaluateContract({ contractId: offer.id, shipSymbol: ship.symbol, player: player.agentSymbol }),
      );
      const mined = evaluation.source === 'mine';
      const soloSeconds = evaluation.plan.reduce((sum, step) => sum + (step.step === 'mine' ? step.seconds : 0), 0);
      return {
        accepted: false,
        none: false,
        creditsPerHour: Math.round(evaluation.creditsPerHour),
        mined,
        ...(mined ? { minedAt: { asteroid: evaluation.sourceWaypoint, soloSeconds } } : {}),
        note: 'offer',
      };
    } catch (error) {
      const unpriced = error instanceof NoKnownPriceError;
      return { accepted: false, none: false, unpriced, note: error instanceof Error ? error.message : String(error) };
    }
  }
}
