import { inject, injectable } from 'inversify';
import { domainEvent } from '../../domain/events.js';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { Command, Query } from '../../mediator/request.js';
import { OutcomeUnknownError } from '../../ports/api-errors.js';
import { ledgerEntryFor } from '../../domain/market/ledger.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { SpaceTradersApi, Urgency } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { requireShipSymbol } from './ship-symbol.js';
import { toShipView, type ShipView } from './ship-view.js';

/** Which ship a request is about, and for which player (the default player when absent). */
export interface ShipTarget {
  shipSymbol: string;
  player?: string;
}

/** A command to one ship of a player's: it claims the ship while it runs in the daemon. */
export abstract class ShipCommand<TResult> extends Command<TResult> implements ShipTarget {
  readonly shipSymbol: string;
  readonly player?: string;

  constructor(props: ShipTarget) {
    super();
    ({ shipSymbol: this.shipSymbol, player: this.player } = props);
  }

  override validate(): void {
    requireShipSymbol(this.shipSymbol);
  }

  override claims(): string[] {
    return [`ship:${this.shipSymbol.toUpperCase()}`];
  }
}

/** A question about one ship of a player's (the same target and check as a ShipCommand). */
export abstract class ShipQuery<TResult> extends Query<TResult> implements ShipTarget {
  readonly shipSymbol: string;
  readonly player?: string;

  constructor(props: ShipTarget) {
    super();
    ({ shipSymbol: this.shipSymbol, player: this.player } = props);
  }

  override validate(): void {
    requireShipSymbol(this.shipSymbol);
  }
}

/** What a purchase of fuel did; `creditsSpent` is null when the server's answer was lost and its price unknown. */
export interface Refuelled {
  ship: Ship;
  fuelAdded: number;
  creditsSpent: number | null;
  credits: number;
}

/**
 * What every ship command needs: the acting player, the ship as the server sees it now, the moves
 * that get it docked or into orbit, and a way to store changes. A move is skipped only when the
 * ship passed in (a fresh read, or the server's answer to the previous step) says it is not needed.
 */
@injectable()
export class ShipAction {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.ShipRepository) private readonly ships: ShipRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
  ) {}

  /** The acting player and the ship fresh from the server: every decision that follows rests on this read. */
  async load(target: ShipTarget, urgency?: Urgency): Promise<{ player: Player; ship: Ship }> {
    const player = this.players.resolve(target.player);
    const ship = await this.api.getShip(player.token, target.shipSymbol.toUpperCase(), urgency);
    return { player, ship };
  }

  /** Docks the ship unless it already is. */
  async dock(player: Player, ship: Ship, urgency?: Urgency): Promise<Ship> {
    if (!ship.ensureDocked(this.clock.now())) return ship;
    return this.save(player, ship.withNav(await this.api.dock(player.token, ship.symbol, urgency)));
  }

  /** Takes the ship into orbit unless it already is. */
  async orbit(player: Player, ship: Ship, urgency?: Urgency): Promise<Ship> {
    if (!ship.ensureInOrbit(this.clock.now())) return ship;
    return this.save(player, ship.withNav(await this.api.orbit(player.token, ship.symbol, urgency)));
  }

  /** Docks if needed and buys fuel: to full, or `units`. Records ShipRefueled, the agent's credits and a FUEL ledger row. */
  async refuel(player: Player, ship: Ship, options: { units?: number; urgency?: Urgency } = {}): Promise<Refuelled> {
    const docked = await this.dock(player, ship, options.urgency);
    const waypoint = docked.location();
    const result = await mayHaveHappened(`${ship.symbol} may have bought fuel at ${waypoint}`, ship.symbol, () =>
      this.api.refuel(player.token, ship.symbol, options.units, options.urgency),
    );
    const refuelled = this.save(player, docked.withFuel(result.fuel));
    player.recordAgent(result.agent, this.clock.now());
    this.players.save(player);
    const fuelAdded = result.fuel.current - ship.fuel.current;
    const creditsSpent = result.transaction ? result.transaction.totalPrice : null;
    // The books: a FUEL row from the server's own record, in the same unit of work as the tank.
    if (result.transaction)
      this.ledger.record(
        player.agentSymbol,
        ledgerEntryFor(result.transaction, { refuel: true, balanceAfter: result.agent.credits }),
      );
    currentUnitOfWork()?.record(
      domainEvent(
        'ShipRefueled',
        { ship: ship.symbol, waypoint, fuelAdded, fuel: result.fuel.current, creditsSpent },
        this.clock.now(),
      ),
    );
    return { ship: refuelled, fuelAdded, creditsSpent, credits: result.agent.credits };
  }

  /** Stores the ship as it now is (a cache for views) and returns it. */
  save(player: Player, ship: Ship): Ship {
    this.ships.save(player.agentSymbol, ship, this.clock.now());
    return ship;
  }

  view(ship: Ship): ShipView {
    return toShipView(ship, this.clock.now());
  }
}

/**
 * Runs a move or a spend; when its outcome is unknown (answer lost, read-back failed) says so in
 * the player's terms — what may have happened and how to check — instead of guessing.
 */
export async function mayHaveHappened<T>(what: string, shipSymbol: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof OutcomeUnknownError)
      throw new OutcomeUnknownError(`${what}; run \`spacetraders ship info ${shipSymbol}\``);
    throw error;
  }
}
