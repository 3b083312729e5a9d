import { inject, injectable } from 'inversify';
import { ValidationError } from '../../domain/errors.js';
import { type DomainEvent, domainEvent, type EventPayloads, type EventType } from '../../domain/events.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { type LedgerEntry, ledgerEntryFor } from '../../domain/market/ledger.js';
import { FLIGHT_MODES, isFlightMode, type FlightMode } from '../../domain/navigation/flight-mode.js';
import type { Player } from '../../domain/player/player.js';
import type { Route, RouteLeg } from '../../domain/navigation/route.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import type { RouteRepository } from '../../ports/route-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { mayHaveHappened, ShipAction, ShipCommand } from '../ships/ship-action.js';
import { requireWaypointSymbol } from '../ships/ship-symbol.js';
import type { ShipView } from '../ships/ship-view.js';
import { requireCreditsPerSecond, RoutePlanning } from './route-planning.js';

export interface NavigationResult {
  ship: ShipView;
  route: Route;
  legsFlown: number;
  arrived: boolean;
}

/**
 * Flies a ship to a waypoint along the fastest plan: orbit or dock as needed, set each leg's
 * flight mode, navigate, wait for arrival (sleeping, never polling in a loop), refuel at the
 * planned stops, jump through gates. Progress is committed after every step, and the plan is
 * always made from where the ship really is, so running the same command again after a crash or
 * Ctrl-C resumes the trip without flying any leg twice.
 */
export class NavigateShip extends ShipCommand<NavigationResult> {
  readonly destination: string;
  /** 'auto' lets the planner choose per leg; a mode forces it for every leg. */
  readonly mode: string;
  /** Return once the first leg has departed instead of waiting for arrival. */
  readonly noWait: boolean;
  /** What a second of the ship's time is worth: weighs fuel's cost against time. */
  readonly creditsPerSecond?: number;

  constructor(props: {
    shipSymbol: string;
    destination: string;
    player?: string;
    mode?: string;
    noWait?: boolean;
    creditsPerSecond?: number;
  }) {
    super(props);
    this.destination = props.destination;
    this.mode = (props.mode ?? 'auto').toUpperCase();
    this.noWait = props.noWait ?? false;
    if (props.creditsPerSecond !== undefined) this.creditsPerSecond = props.creditsPerSecond;
  }

  override validate(): void {
    super.validate();
    requireWaypointSymbol(this.destination);
    if (this.mode !== 'AUTO' && !isFlightMode(this.mode))
      throw new ValidationError(`unknown flight mode "${this.mode}" (use auto, ${FLIGHT_MODES.join(', ')})`);
    requireCreditsPerSecond(this.creditsPerSecond);
  }
}

@injectable()
export class NavigateShipHandler implements RequestHandler<NavigateShip> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(TOKENS.RouteRepository) private readonly routes: RouteRepository,
    @inject(RoutePlanning) private readonly planning: RoutePlanning,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(Players) private readonly players: Players,
  ) {}

  async handle(request: NavigateShip): Promise<NavigationResult> {
    // Whether to move at all, and how, rests on a fresh read of the ship: never on the cache.
    const loaded = await this.action.load(request, 'navigation');
    const player = loaded.player;
    let ship = await this.waitForArrival(player, loaded.ship);
    const destination = request.destination.toUpperCase();
    if (ship.isAt(destination, this.clock.now())) {
      return { ship: this.action.view(ship), route: emptyRoute(ship.symbol, destination), legsFlown: 0, arrived: true };
    }

    const route = await this.planning.plan(player, ship, destination, {
      ...(request.mode === 'AUTO' ? {} : { modes: [request.mode as FlightMode] }),
      creditsPerSecond: request.creditsPerSecond,
    });
    const startedAt = this.clock.now();
    const progress = (legsDone: number) =>
      this.routes.save(player.agentSymbol, {
        shipSymbol: ship.symbol,
        destination,
        route,
        legsDone,
        status: legsDone === route.legs.length ? 'COMPLETED' : 'ACTIVE',
        createdAt: startedAt,
        updatedAt: this.clock.now(),
      });
    progress(0);
    this.record('RoutePlanned', {
      ship: ship.symbol,
      destination,
      legs: route.legs.length,
      plannedSeconds: route.totalSeconds,
    });
    await this.checkpoint(player, ship);

    let legsFlown = 0;
    for (const leg of route.legs) {
      ship = await this.fly(player, ship, leg);
      if (request.noWait && ship.statusAt(this.clock.now()) === 'IN_TRANSIT') {
        return { ship: this.action.view(ship), route, legsFlown, arrived: false };
      }
      ship = await this.waitForArrival(player, ship);
      legsFlown += 1;
      progress(legsFlown);
      this.record('ShipArrived', {
        ship: ship.symbol,
        waypoint: ship.location(),
        fuel: ship.fuel.current,
        leg: legsFlown,
        legs: route.legs.length,
      });
      await this.checkpoint(player, ship);
    }
    this.record('RouteCompleted', {
      ship: ship.symbol,
      destination,
      legs: route.legs.length,
      seconds: Math.round((this.clock.now() - startedAt) / 1000),
    });
    await this.checkpoint(player, ship);
    return { ship: this.action.view(ship), route, legsFlown, arrived: true };
  }

  /** One leg: refuel first if planned, get into orbit, set the mode, then navigate or jump. */
  private async fly(player: Player, ship: Ship, leg: RouteLeg): Promise<Ship> {
    const token = player.token;
    if (leg.refuelBefore) {
      ship = (await this.action.refuel(player, ship, { urgency: 'navigation' })).ship;
      await this.checkpoint(player, ship);
    }
    ship = await this.action.orbit(player, ship, 'navigation');
    const departure = `${ship.symbol} may have departed for ${leg.to}`;
    if (leg.mode === 'JUMP') {
      // A gate jump needs the previous jump's cooldown to be over.
      const wait = ship.cooldownUntil - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait + 50);
      // The credits just before: if the answer is lost, the antimatter's price is what the read-back lacks.
      const before = (await this.api.getMyAgent(token)).credits;
      const jump = await mayHaveHappened(departure, ship.symbol, () =>
        this.api.jump(token, ship.symbol, leg.to, 'navigation'),
      );
      ship = ship.withNav(jump.nav).withCooldownUntil(jump.cooldownUntil);
      player.recordAgent(jump.agent, this.clock.now());
      this.players.save(player);
      // The antimatter it bought is a ledger row, committed with the ship's new position below.
      const antimatter = jump.transaction
        ? ledgerEntryFor(jump.transaction, { jump: true, balanceAfter: jump.agent.credits })
        : readBackAntimatter(ship.symbol, leg.from, before, jump.agent.credits, this.clock.now());
      if (antimatter) this.ledger.record(player.agentSymbol, antimatter);
      this.record('ShipJumped', {
        ship: ship.symbol,
        from: leg.from,
        to: leg.to,
        cooldownSeconds: jump.cooldownSeconds,
      });
    } else {
      if (ship.nav.flightMode !== leg.mode)
        ship = ship.moved(await this.api.setFlightMode(token, ship.symbol, leg.mode, 'navigation'));
      const moved = await mayHaveHappened(departure, ship.symbol, () =>
        leg.warp
          ? this.api.warp(token, ship.symbol, leg.to)
          : this.api.navigate(token, ship.symbol, leg.to, 'navigation'),
      );
      ship = ship.moved(moved);
      this.record('ShipDeparted', {
        ship: ship.symbol,
        from: leg.from,
        to: leg.to,
        mode: leg.mode,
        warp: leg.warp === true,
        fuel: moved.fuel.current,
        fuelCapacity: moved.fuel.capacity,
        arrival: new Date(moved.nav.arrival).toISOString(),
      });
    }
    await this.checkpoint(player, ship);
    return ship;
  }

  /** Sleeps until the ship's arrival time, then confirms with the server (again if clocks disagree). */
  private async waitForArrival(player: Player, ship: Ship): Promise<Ship> {
    for (let checks = 0; ship.awaitingArrival(this.clock.now()); checks++) {
      const wait = ship.nav.arrival - this.clock.now();
      await this.clock.sleep(Math.max(wait + 50, Math.min(1000, 100 * 2 ** checks)));
      ship = await this.api.getShip(player.token, ship.symbol, 'navigation');
    }
    return this.action.save(player, ship);
  }

  private record<K extends EventType>(type: K, payload: EventPayloads[K]): void {
    // An EventOf<K> is the member of the DomainEvent union for K (TypeScript cannot see it for a generic K).
    currentUnitOfWork()?.record(domainEvent(type, payload, this.clock.now()) as DomainEvent);
  }

  /** Commits the progress so far: a crash from here on loses nothing already flown. */
  private async checkpoint(player: Player, ship: Ship): Promise<void> {
    this.action.save(player, ship);
    await currentUnitOfWork()?.checkpoint();
  }
}

function emptyRoute(ship: string, destination: string): Route {
  return { ship, origin: destination, destination, legs: [], totalSeconds: 0, totalFuel: 0, refuelStops: 0 };
}

/**
 * The ANTIMATTER row of a jump whose answer was lost (confirmed by reading the ship back): the server's
 * record of it is gone (a gate's market lists it only while a ship of ours is there, and the ship has
 * left), so its price is the credits read just before the jump less the credits read back after it.
 * Exact unless another of the agent's movements fell between the two reads; then the row keeps the
 * read-back balance, and the ledger shows the overlap as unexplained rather than hide it. Nothing is
 * recorded when the credits did not drop.
 */
function readBackAntimatter(ship: string, gate: string, before: number, after: number, at: number): LedgerEntry | null {
  const spent = before - after;
  if (spent <= 0) return null;
  return {
    at,
    ship,
    kind: 'ANTIMATTER',
    good: 'ANTIMATTER',
    units: 1,
    credits: -spent,
    waypoint: gate,
    pricePerUnit: spent,
    balanceAfter: after,
  };
}
