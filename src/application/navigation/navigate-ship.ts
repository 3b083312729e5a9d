import { inject, injectable } from 'inversify';
import { ValidationError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import { FLIGHT_MODES, isFlightMode, type FlightMode } from '../../domain/navigation/flight-mode.js';
import type { Player } from '../../domain/player/player.js';
import type { Route, RouteLeg } from '../../domain/navigation/route.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { RouteRepository } from '../../ports/route-repository.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { ShipDto, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { ShipCommand } from '../ships/ship-action.js';
import { requireWaypointSymbol } from '../ships/ship-symbol.js';
import { toDomainShip, toShipView, type ShipView } from '../ships/ship-view.js';
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
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.ShipRepository) private readonly ships: ShipRepository,
    @inject(TOKENS.RouteRepository) private readonly routes: RouteRepository,
    @inject(RoutePlanning) private readonly planning: RoutePlanning,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: NavigateShip): Promise<NavigationResult> {
    const player = this.players.resolve(request.player);
    const symbol = request.shipSymbol.toUpperCase();
    const destination = request.destination.toUpperCase();
    const cached = this.ships.find(player.agentSymbol, symbol);
    if (
      cached &&
      cached.nav.waypointSymbol === destination &&
      toDomainShip(cached).statusAt(this.clock.now()) !== 'IN_TRANSIT'
    ) {
      return {
        ship: toShipView(cached, this.clock.now()),
        route: emptyRoute(symbol, destination),
        legsFlown: 0,
        arrived: true,
      };
    }

    let ship = await this.waitForArrival(player, await this.api.getShip(player.token, symbol, 'navigation'));
    const route = await this.planning.plan(player, ship, destination, {
      ...(request.mode === 'AUTO' ? {} : { modes: [request.mode as FlightMode] }),
      ...(request.creditsPerSecond === undefined ? {} : { creditsPerSecond: request.creditsPerSecond }),
    });
    const startedAt = this.clock.now();
    this.routes.save(player.agentSymbol, {
      shipSymbol: symbol,
      destination,
      route,
      legsDone: 0,
      status: 'ACTIVE',
      createdAt: startedAt,
      updatedAt: startedAt,
    });
    this.record('RoutePlanned', {
      ship: symbol,
      destination,
      legs: route.legs.length,
      plannedSeconds: route.totalSeconds,
    });
    await this.checkpoint(player, ship);

    let legsFlown = 0;
    for (const leg of route.legs) {
      ship = await this.fly(player, ship, leg);
      if (request.noWait && toDomainShip(ship).statusAt(this.clock.now()) === 'IN_TRANSIT') {
        return { ship: toShipView(ship, this.clock.now()), route, legsFlown, arrived: false };
      }
      ship = await this.waitForArrival(player, ship);
      legsFlown += 1;
      this.routes.save(player.agentSymbol, {
        shipSymbol: symbol,
        destination,
        route,
        legsDone: legsFlown,
        status: legsFlown === route.legs.length ? 'COMPLETED' : 'ACTIVE',
        createdAt: startedAt,
        updatedAt: this.clock.now(),
      });
      this.record('ShipArrived', {
        ship: symbol,
        waypoint: ship.nav.waypointSymbol,
        fuel: ship.fuel.current,
        leg: legsFlown,
        legs: route.legs.length,
      });
      await this.checkpoint(player, ship);
    }
    this.record('RouteCompleted', {
      ship: symbol,
      destination,
      legs: route.legs.length,
      seconds: Math.round((this.clock.now() - startedAt) / 1000),
    });
    await this.checkpoint(player, ship);
    return { ship: toShipView(ship, this.clock.now()), route, legsFlown, arrived: true };
  }

  /** One leg: refuel first if planned, get into orbit, set the mode, then navigate or jump. */
  private async fly(player: Player, ship: ShipDto, leg: RouteLeg): Promise<ShipDto> {
    const token = player.token;
    if (leg.refuelBefore) {
      if (toDomainShip(ship).ensureDocked(this.clock.now()))
        ship = { ...ship, nav: await this.api.dock(token, ship.symbol, 'navigation') };
      const before = ship.fuel.current;
      const refuel = await this.api.refuel(token, ship.symbol, undefined, 'navigation');
      ship = { ...ship, fuel: refuel.fuel };
      player.recordAgent(refuel.agent, this.clock.now());
      this.players.save(player);
      this.record('ShipRefueled', {
        ship: ship.symbol,
        waypoint: ship.nav.waypointSymbol,
        fuelAdded: refuel.fuel.current - before,
        fuel: refuel.fuel.current,
        creditsSpent: refuel.transaction?.totalPrice ?? 0,
      });
      await this.checkpoint(player, ship);
    }
    if (toDomainShip(ship).ensureInOrbit(this.clock.now()))
      ship = { ...ship, nav: await this.api.orbit(token, ship.symbol, 'navigation') };
    if (leg.mode === 'JUMP') {
      // A gate jump needs the previous jump's cooldown to be over.
      const cooldownEnds = ship.cooldown.expiration ? Date.parse(ship.cooldown.expiration) : 0;
      if (cooldownEnds > this.clock.now()) await this.clock.sleep(cooldownEnds - this.clock.now() + 50);
      const jump = await this.api.jump(token, ship.symbol, leg.to, 'navigation');
      ship = { ...ship, nav: jump.nav, cooldown: jump.cooldown };
      this.record('ShipJumped', {
        ship: ship.symbol,
        from: leg.from,
        to: leg.to,
        cooldownSeconds: jump.cooldown.remainingSeconds,
      });
    } else {
      if (ship.nav.flightMode !== leg.mode)
        ship = { ...ship, ...(await this.api.setFlightMode(token, ship.symbol, leg.mode, 'navigation')) };
      const moved = leg.warp
        ? await this.api.warp(token, ship.symbol, leg.to)
        : await this.api.navigate(token, ship.symbol, leg.to, 'navigation');
      ship = { ...ship, nav: moved.nav, fuel: moved.fuel };
      this.record('ShipDeparted', {
        ship: ship.symbol,
        from: leg.from,
        to: leg.to,
        mode: leg.mode,
        warp: leg.warp === true,
        fuel: moved.fuel.current,
        fuelCapacity: moved.fuel.capacity,
        arrival: moved.nav.route.arrival,
      });
    }
    await this.checkpoint(player, ship);
    return ship;
  }

  /** Sleeps until the ship's arrival time, then confirms with the server (again if clocks disagree). */
  private async waitForArrival(player: Player, ship: ShipDto): Promise<ShipDto> {
    for (
      let checks = 0;
      toDomainShip(ship).statusAt(this.clock.now()) === 'IN_TRANSIT' || ship.nav.status === 'IN_TRANSIT';
      checks++
    ) {
      const wait = Date.parse(ship.nav.route.arrival) - this.clock.now();
      await this.clock.sleep(Math.max(wait + 50, Math.min(1000, 100 * 2 ** checks)));
      ship = await this.api.getShip(player.token, ship.symbol, 'navigation');
    }
    this.ships.save(player.agentSymbol, ship, this.clock.now());
    return ship;
  }

  private record(type: string, payload: Record<string, unknown>): void {
    currentUnitOfWork()?.record(domainEvent(type, payload, this.clock.now()));
  }

  /** Commits the progress so far: a crash from here on loses nothing already flown. */
  private async checkpoint(player: Player, ship: ShipDto): Promise<void> {
    this.ships.save(player.agentSymbol, ship, this.clock.now());
    await currentUnitOfWork()?.checkpoint();
  }
}

function emptyRoute(ship: string, destination: string): Route {
  return { ship, origin: destination, destination, legs: [], totalSeconds: 0, totalFuel: 0, refuelStops: 0 };
}
