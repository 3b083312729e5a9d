import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import type { Player } from '../../domain/player/player.js';
import { describeAge, observationAgeSeconds } from '../../domain/market/market.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import { ApiError, OutcomeUnknownError, ServerUnavailableError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import type { SettingsRepository } from '../../ports/player-repository.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { ShipyardRepository } from '../../ports/shipyard-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { requireWaypointSymbol, systemOf } from '../ships/ship-symbol.js';
import { toShipView, type ShipView } from '../ships/ship-view.js';
import { Shipyards } from './shipyards.js';

/** What `shipyard buy` prints (the JSON keys are a contract). */
export interface ShipPurchaseView {
  ship: ShipView;
  price: number;
  waypoint: string;
}

/**
 * Buys a ship of a type at the cheapest known shipyard selling it where one of the player's ships is
 * (or at the one given): checks the credits first, never re-sends a purchase whose answer was lost,
 * and settles a purchase a crash left unrecorded before sending another.
 */
export class BuyShip extends Command<ShipPurchaseView> {
  readonly shipType: string;
  readonly at?: string;
  readonly player?: string;

  constructor(props: { shipType: string; at?: string; player?: string }) {
    super();
    this.shipType = props.shipType.toUpperCase();
    this.at = props.at?.toUpperCase();
    this.player = props.player;
  }

  override validate(): void {
    if (!/^SHIP_[A-Z_]+$/.test(this.shipType))
      throw new ValidationError(`invalid ship type "${this.shipType}": e.g. SHIP_PROBE`);
    if (this.at !== undefined) requireWaypointSymbol(this.at);
  }
}

/**
 * A purchase sent and not yet recorded, committed before it is sent: if the process dies before its
 * answer is booked (kill -9, a lost answer, a stop), the next purchase settles it first.
 */
interface PendingPurchase {
  type: string;
  yard: string;
  /** The fleet before the purchase: a ship not in it is the one bought. */
  fleet: string[];
}

const pendingKey = (agent: string) => `shipPurchase.pending.${agent}`;

type Purchase = Awaited<ReturnType<SpaceTradersApi['buyShip']>> & { readBack?: true };

@injectable()
export class BuyShipHandler implements RequestHandler<BuyShip> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(Shipyards) private readonly shipyards: Shipyards,
    @inject(TOKENS.ShipyardRepository) private readonly observations: ShipyardRepository,
    @inject(TOKENS.ShipRepository) private readonly ships: ShipRepository,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
  ) {}

  async handle(request: BuyShip): Promise<ShipPurchaseView> {
    const player = this.players.resolve(request.player);
    const type = request.shipType;
    // A purchase a crash left unrecorded is booked first; the same purchase asked again is that one.
    const earlier = await this.settlePending(player);
    if (earlier && earlier.type === type && (request.at === undefined || request.at === earlier.view.waypoint))
      return earlier.view;
    const fleet = await this.api.listShips(player.token);
    const now = this.clock.now();
    for (const ship of fleet) this.ships.save(player.agentSymbol, ship, now);
    const known = this.observations.pricesOf(player.agentSymbol, type);
    const candidates = request.at ? [request.at] : known.map((p) => p.waypoint);
    if (candidates.length === 0)
      throw new DomainRuleError(
        `no known shipyard sells ${type}: run \`spacetraders shipyard list WAYPOINT\` with a ship of yours there`,
        'NO_SHIPYARD',
      );
    const yard = candidates.find((w) => fleet.some((ship) => ship.isAt(w, now)));
    if (!yard) {
      const cheapest = known.find((p) => p.waypoint === candidates[0]);
      const price = cheapest
        ? ` (${cheapest.purchasePrice.toLocaleString('en-US')} credits, seen ${describeAge(observationAgeSeconds(cheapest.observedAt, now))} ago)`
        : '';
      throw new DomainRuleError(
        `the cheapest known shipyard selling ${type} is ${candidates[0]}${price}: a ship of yours must be there to buy`,
        'NO_SHIP_PRESENT',
      );
    }
    const read = await this.shipyards.read(player, yard);
    await currentUnitOfWork()?.checkpoint();
    const offer = 'observation' in read ? read.observation.ships.find((s) => s.type === type) : undefined;
    if ('listing' in read && !read.listing.shipTypes.includes(type))
      throw new DomainRuleError(`the shipyard at ${yard} does not sell ${type}`, 'NOT_SOLD');
    if (offer?.purchasePrice != null) {
      const { credits } = await this.api.getMyAgent(player.token);
      if (credits < offer.purchasePrice)
        throw new DomainRuleError(
          `not enough credits: ${type} costs ${offer.purchasePrice.toLocaleString('en-US')} at ${yard}, you have ${credits.toLocaleString('en-US')}`,
          'CREDITS',
        );
    }
    const pending = { type, yard, fleet: fleet.map((ship) => ship.symbol) };
    this.settings.set(pendingKey(player.agentSymbol), JSON.stringify(pending));
    await currentUnitOfWork()?.checkpoint();
    return this.book(player, pending, await this.send(player, pending));
  }

  /**
   * Books a purchase: the ship, the agent's credits, one SHIP row and the event, with its pending
   * record cleared in the same commit.
   */
  private book(player: Player, pending: PendingPurchase, result: Purchase): ShipPurchaseView {
    const { type, yard } = pending;
    const bought = this.clock.now();
    this.ships.save(player.agentSymbol, result.ship, bought);
    player.recordAgent(result.agent, bought);
    this.players.save(player);
    const { price, at } = result.transaction;
    this.ledger.record(player.agentSymbol, {
      at,
      ship: result.ship.symbol,
      kind: 'SHIP',
      good: type,
      units: 1,
      credits: -price,
      waypoint: yard,
      pricePerUnit: price,
      // Read back after a lost answer, the credits may hold other movements: no balance after then.
      balanceAfter: result.readBack ? null : result.agent.credits,
    });
    this.settings.set(pendingKey(player.agentSymbol), '');
    currentUnitOfWork()?.record(
      domainEvent('ShipPurchased', { ship: result.ship.symbol, shipType: type, waypoint: yard, price }, bought),
    );
    return { ship: toShipView(result.ship, bought), price, waypoint: yard };
  }

  /**
   * A purchase sent before and never recorded, settled by reading back (never by sending again): booked
   * when the fleet and the shipyard show it, forgotten when the fleet shows no new ship. When they
   * cannot tell, it is reported once and forgotten, so the next purchase is not blocked for good.
   */
  private async settlePending(player: Player): Promise<{ view: ShipPurchaseView; type: string } | undefined> {
    const key = pendingKey(player.agentSymbol);
    const stored = this.settings.get(key);
    if (!stored) return undefined;
    const pending = JSON.parse(stored) as PendingPurchase;
    // An outage is waited out (the error is retryable); a refusal (the yard is gone after a reset) cannot tell.
    const settled = await this.readBack(player, pending).catch((error: unknown) => {
      if (error instanceof ServerUnavailableError || !(error instanceof ApiError)) throw error;
      return undefined;
    });
    if (settled !== 'NOT_BOUGHT' && settled !== undefined) {
      const view = this.book(player, pending, settled);
      await currentUnitOfWork()?.checkpoint();
      return { view, type: pending.type };
    }
    this.settings.set(key, '');
    await currentUnitOfWork()?.checkpoint();
    // Not retryable: a job retried at once would send the next purchase without anyone having looked.
    if (settled === undefined)
      throw new DomainRuleError(
        `an earlier purchase of a ${pending.type} at ${pending.yard} was never recorded and reading back cannot tell whether it was bought: run \`spacetraders ship list\``,
        'OUTCOME_UNKNOWN',
      );
    return undefined;
  }

  /**
   * The purchase, sent once. A lost answer is settled by reading back, never by sending again: the
   * fleet (a ship that was not there before) and the shipyard's own record of the sale (this agent,
   * this type, after the newest SHIP row of the ledger) give the ship and its price; no new ship means it was not bought.
   * A refusal by the game clears the pending record; anything else leaves it for the next purchase.
   */
  private async send(player: Player, pending: PendingPurchase): Promise<Purchase> {
    const { type, yard } = pending;
    try {
      return await this.api.buyShip(player.token, type, yard);
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) {
        if (error instanceof ApiError) await this.forget(player);
        throw error;
      }
      const settled = await this.readBack(player, pending).catch(() => undefined);
      if (settled === 'NOT_BOUGHT') {
        await this.forget(player);
        throw new ServerUnavailableError(
          0,
          0,
          `the answer to the purchase of a ${type} at ${yard} was lost and the fleet shows no new ship: not bought`,
        );
      }
      if (settled) return settled;
      throw new OutcomeUnknownError(
        `the answer to the purchase of a ${type} at ${yard} was lost and it may have been bought: not sent again — run \`spacetraders ship list\``,
      );
    }
  }

  /** Clears the pending record, committed at once (the error that follows discards the unit of work). */
  private async forget(player: Player): Promise<void> {
    this.settings.set(pendingKey(player.agentSymbol), '');
    await currentUnitOfWork()?.checkpoint();
  }

  private async readBack(player: Player, pending: PendingPurchase) {
    const { type, yard } = pending;
    const known = new Set(pending.fleet);
    const fresh = (await this.api.listShips(player.token)).filter((ship) => !known.has(ship.symbol));
    if (fresh.length === 0) return 'NOT_BOUGHT' as const;
    const booked = this.ledger
      .entries(player.agentSymbol)
      .filter((e) => e.kind === 'SHIP')
      .reduce((newest, e) => Math.max(newest, e.at), Number.NEGATIVE_INFINITY);
    const shipyard = await this.api.getShipyard(player.token, systemOf(yard), yard);
    const sales = (shipyard.transactions ?? []).filter(
      (t) => t.agentSymbol === player.agentSymbol && t.shipType === type && Date.parse(t.timestamp) > booked,
    );
    if (fresh.length !== 1 || sales.length !== 1 || fresh[0]!.location() !== yard) return undefined;
    const agent = await this.api.getMyAgent(player.token);
    const transaction = { price: sales[0]!.price, at: Date.parse(sales[0]!.timestamp) };
    return { ship: fresh[0]!, agent, transaction, readBack: true as const };
  }
}
