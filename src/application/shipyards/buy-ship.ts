import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import type { Player } from '../../domain/player/player.js';
import { describeAge, observationAgeSeconds } from '../../domain/market/market.js';
import { currentContext, currentUnitOfWork } from '../../mediator/context.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import { ApiError, OutcomeUnknownError, ServerUnavailableError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { ShipyardRepository } from '../../ports/shipyard-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { currentContainer } from '../containers/container-scope.js';
import { Players } from '../player/players.js';
import { requireWaypointSymbol } from '../ships/ship-symbol.js';
import { type PendingPurchase, type PurchaseResult, ShipPurchases, type ShipPurchaseView } from './ship-purchases.js';
import { Shipyards } from './shipyards.js';

export type { ShipPurchaseView } from './ship-purchases.js';

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

@injectable()
export class BuyShipHandler implements RequestHandler<BuyShip> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(Shipyards) private readonly shipyards: Shipyards,
    @inject(TOKENS.ShipyardRepository) private readonly observations: ShipyardRepository,
    @inject(TOKENS.ShipRepository) private readonly ships: ShipRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(ShipPurchases) private readonly purchases: ShipPurchases,
  ) {}

  async handle(request: BuyShip): Promise<ShipPurchaseView> {
    const player = this.players.resolve(request.player);
    const type = request.shipType;
    // A daemon job buying this ship, resumed after a crash: the purchase it made is booked, not made again.
    const job = currentContext()?.depth === 0 ? currentContainer()?.containerId : undefined;
    const done = job ? this.purchases.bookedFor(job) : undefined;
    if (done) return done;
    // A purchase a crash left unrecorded is booked first; the same purchase asked again is that one.
    const earlier = await this.purchases.settle(player);
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
    const pending = { type, yard, fleet: fleet.map((ship) => ship.symbol), job };
    await this.purchases.begin(player, pending);
    return this.purchases.book(player, pending, await this.send(player, pending));
  }

  /**
   * The purchase, sent once. A lost answer is settled by reading back, never by sending again: the
   * fleet (a ship that was not there before) and the shipyard's own record of the sale (this agent,
   * this type, after the newest SHIP row of the ledger) give the ship and its price; no new ship means it was not bought.
   * A refusal by the game clears the pending record; anything else leaves it for the next purchase.
   */
  private async send(player: Player, pending: PendingPurchase): Promise<PurchaseResult> {
    const { type, yard } = pending;
    try {
      return await this.api.buyShip(player.token, type, yard);
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) {
        if (error instanceof ApiError) await this.purchases.forget(player);
        throw error;
      }
      const settled = await this.purchases.readBack(player, pending).catch(() => undefined);
      if (settled === 'NOT_BOUGHT') {
        await this.purchases.forget(player);
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
}
