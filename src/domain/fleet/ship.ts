import { DomainRuleError } from '../errors.js';

export type NavStatus = 'DOCKED' | 'IN_ORBIT' | 'IN_TRANSIT';

/** Where a ship is, or is headed, as the server last reported it. */
export interface ShipNav {
  status: NavStatus;
  systemSymbol: string;
  waypointSymbol: string;
  flightMode: string;
  /** The last route's origin and destination waypoints (the ship's own waypoint when it never moved). */
  origin: string;
  destination: string;
  /** Epoch ms. */
  departureTime: number;
  /** Epoch ms. */
  arrival: number;
}

export interface ShipFuel {
  current: number;
  capacity: number;
}

export interface CargoItem {
  symbol: string;
  units: number;
}

export interface ShipCargo {
  capacity: number;
  units: number;
  inventory: CargoItem[];
}

export interface ShipState {
  symbol: string;
  role: string;
  nav: ShipNav;
  fuel: ShipFuel;
  cargo: ShipCargo;
  engineSpeed: number;
  /** Epoch ms when the cooldown (of the last jump, survey, extraction...) ends; 0 when none. */
  cooldownUntil: number;
  /** Installed module and mount symbols, e.g. MODULE_WARP_DRIVE_I, MOUNT_MINING_LASER_I. */
  modules: string[];
  mounts: string[];
}

/**
 * A ship and its navigation state machine:
 *   DOCKED --orbit--> IN_ORBIT --dock--> DOCKED
 *   IN_ORBIT --navigate--> IN_TRANSIT --(arrival time passes)--> IN_ORBIT at the destination
 * Arrival is lazy, as on the server: a ship whose arrival time has passed is in orbit there.
 * Immutable: a change (a mutation's response) gives a new ship.
 */
export class Ship {
  private readonly state: ShipState;

  constructor(state: ShipState) {
    this.state = structuredClone(state);
  }

  get symbol(): string {
    return this.state.symbol;
  }

  get role(): string {
    return this.state.role;
  }

  get nav(): Readonly<ShipNav> {
    return { ...this.state.nav };
  }

  get fuel(): Readonly<ShipFuel> {
    return { ...this.state.fuel };
  }

  get cargo(): Readonly<ShipCargo> {
    return structuredClone(this.state.cargo);
  }

  /** Units of a good in the hold (0 when none). */
  unitsOf(good: string): number {
    return this.state.cargo.inventory.find((item) => item.symbol === good)?.units ?? 0;
  }

  /** Room left in the hold. */
  get cargoSpace(): number {
    return this.state.cargo.capacity - this.state.cargo.units;
  }

  get engineSpeed(): number {
    return this.state.engineSpeed;
  }

  snapshot(): ShipState {
    return structuredClone(this.state);
  }

  /** The ship's status at a moment: in transit until the arrival time, then in orbit there. */
  statusAt(now: number): NavStatus {
    const { nav } = this.state;
    return nav.status === 'IN_TRANSIT' && now >= nav.arrival ? 'IN_ORBIT' : nav.status;
  }

  /** The waypoint the ship is at, or is headed for while in transit. */
  location(): string {
    return this.state.nav.waypointSymbol;
  }

  /** True when the ship is at the waypoint and not travelling. */
  isAt(waypoint: string, now: number): boolean {
    return this.location() === waypoint && this.statusAt(now) !== 'IN_TRANSIT';
  }

  secondsToArrival(now: number): number {
    return this.statusAt(now) === 'IN_TRANSIT' ? Math.ceil((this.state.nav.arrival - now) / 1000) : 0;
  }

  /**
   * Whether a navigation must still wait for this ship: in transit by the clock, or by the server's
   * last word (its clock may be behind ours; only a fresh read confirms the arrival).
   */
  awaitingArrival(now: number): boolean {
    return this.statusAt(now) === 'IN_TRANSIT' || this.state.nav.status === 'IN_TRANSIT';
  }

  /** Seconds left of the ship's cooldown (0 when none). */
  cooldownSecondsLeft(now: number): number {
    return Math.max(0, Math.ceil((this.state.cooldownUntil - now) / 1000));
  }

  get cooldownUntil(): number {
    return this.state.cooldownUntil;
  }

  /** A probe or solar ship: no tank, travels without fuel. */
  get needsFuel(): boolean {
    return this.state.fuel.capacity > 0;
  }

  /** A warp drive lets it travel between systems where no gate leads. */
  /** Installed mount symbols, e.g. MOUNT_MINING_LASER_II. */
  get mounts(): readonly string[] {
    return [...this.state.mounts];
  }

  get canWarp(): boolean {
    return this.state.modules.some((module) => module.startsWith('MODULE_WARP_DRIVE'));
  }

  /** Whether an orbit call is needed before navigating (false when already in orbit). */
  ensureInOrbit(now: number): boolean {
    this.refuseInTransit(now, 'orbit');
    return this.statusAt(now) === 'DOCKED';
  }

  /** Whether a dock call is needed before refuelling or trading (false when already docked). */
  ensureDocked(now: number): boolean {
    this.refuseInTransit(now, 'dock');
    return this.statusAt(now) === 'IN_ORBIT';
  }

  withNav(nav: ShipNav): Ship {
    return new Ship({ ...this.state, nav });
  }

  withFuel(fuel: ShipFuel): Ship {
    return new Ship({ ...this.state, fuel });
  }

  /** After a navigation, warp or flight-mode change: the server's nav and tank. */
  moved(result: { nav: ShipNav; fuel: ShipFuel }): Ship {
    return new Ship({ ...this.state, nav: result.nav, fuel: result.fuel });
  }

  /** After a purchase, sale or jettison: the server's hold. */
  withCargo(cargo: ShipCargo): Ship {
    return new Ship({ ...this.state, cargo });
  }

  withCooldownUntil(cooldownUntil: number): Ship {
    return new Ship({ ...this.state, cooldownUntil });
  }

  private refuseInTransit(now: number, action: string): void {
    if (this.statusAt(now) === 'IN_TRANSIT') {
      throw new DomainRuleError(
        `ship ${this.symbol} is in transit to ${this.state.nav.destination} for ${this.secondsToArrival(now)} more seconds; cannot ${action}`,
        'IN_TRANSIT',
      );
    }
  }
}

/** True when a stored value has the shape of a ship's state (older caches stored the API's own shape). */
export function isShipState(value: unknown): value is ShipState {
  const state = value as Partial<ShipState> | null;
  return (
    typeof state?.symbol === 'string' &&
    typeof state.nav?.arrival === 'number' &&
    typeof state.fuel?.capacity === 'number' &&
    Array.isArray(state.cargo?.inventory) &&
    Array.isArray(state.modules) &&
    Array.isArray(state.mounts)
  );
}
