import { DomainRuleError } from '../errors.js';

export type NavStatus = 'DOCKED' | 'IN_ORBIT' | 'IN_TRANSIT';

export interface ShipNav {
  status: NavStatus;
  systemSymbol: string;
  waypointSymbol: string;
  flightMode: string;
  origin: string;
  destination: string;
  /** Epoch ms. */
  departureTime: number;
  /** Epoch ms. */
  arrival: number;
}

export interface ShipState {
  symbol: string;
  role: string;
  nav: ShipNav;
  fuel: { current: number; capacity: number };
  cargo: { capacity: number; units: number };
  engineSpeed: number;
  /** Epoch ms when the cooldown ends (0 when none). */
  cooldownUntil: number;
}

/**
 * A ship and its navigation state machine:
 *   DOCKED --orbit--> IN_ORBIT --dock--> DOCKED
 *   IN_ORBIT --navigate--> IN_TRANSIT --(arrival time passes)--> IN_ORBIT at the destination
 * Arrival is lazy, as on the server: a ship whose arrival time has passed is in orbit there.
 */
export class Ship {
  constructor(private state: ShipState) {}

  get symbol(): string {
    return this.state.symbol;
  }

  snapshot(): ShipState {
    return structuredClone(this.state);
  }

  /** Where the ship is, or is headed, and in which status, at a moment. */
  statusAt(now: number): NavStatus {
    const { nav } = this.state;
    return nav.status === 'IN_TRANSIT' && now >= nav.arrival ? 'IN_ORBIT' : nav.status;
  }

  location(): string {
    return this.state.nav.waypointSymbol;
  }

  secondsToArrival(now: number): number {
    return this.statusAt(now) === 'IN_TRANSIT' ? Math.ceil((this.state.nav.arrival - now) / 1000) : 0;
  }

  get fuel(): { current: number; capacity: number } {
    return { ...this.state.fuel };
  }

  /** A probe or solar ship: no tank, travels without fuel. */
  get needsFuel(): boolean {
    return this.state.fuel.capacity > 0;
  }

  get engineSpeed(): number {
    return this.state.engineSpeed;
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

  private refuseInTransit(now: number, action: string): void {
    if (this.statusAt(now) === 'IN_TRANSIT') {
      throw new DomainRuleError(
        `ship ${this.symbol} is in transit to ${this.state.nav.destination} for ${this.secondsToArrival(now)} more seconds; cannot ${action}`,
        'IN_TRANSIT',
      );
    }
  }
}
