import type { Player } from '../../domain/player/player.js';
import type { Clock } from '../../ports/clock.js';
import { systemOf } from '../ships/ship-symbol.js';

/** What the reader needs of one kind of place (a market, a shipyard): read it, tell prices, store and find reads. */
export interface ObservationSource<Listing, Observation extends Listing & { observedAt: number }> {
  /** The place as the server shows it now. */
  fetch(player: Player, waypoint: string): Promise<Listing>;
  /** Whether the read shows prices (one of the player's ships is there, the server's own rule). */
  hasPrices(listing: Listing): boolean;
  record(player: Player, systemSymbol: string, observation: Observation): void;
  latest(player: Player, waypoint: string): Observation | undefined;
}

/**
 * Reads a place and keeps what it showed: a read with prices is stored as an observation; a read
 * without is the public listing only.
 */
export class ObservationReader<Listing, Observation extends Listing & { observedAt: number }> {
  constructor(
    private readonly source: ObservationSource<Listing, Observation>,
    private readonly clock: Clock,
  ) {}

  /** The place now: an observation (stored) when it shows prices, else the public listing. */
  async read(player: Player, waypoint: string): Promise<{ observation: Observation } | { listing: Listing }> {
    const listing = await this.source.fetch(player, waypoint);
    if (!this.source.hasPrices(listing)) return { listing };
    const observation = { ...listing, observedAt: this.clock.now() } as Observation;
    this.source.record(player, systemOf(waypoint), observation);
    return { observation };
  }

  latest(player: Player, waypoint: string): Observation | undefined {
    return this.source.latest(player, waypoint);
  }

  /** The best that is known: live with a ship there (stored), else the last stored observation, else the listing. */
  async best(player: Player, waypoint: string): Promise<{ known: Observation | Listing; live: boolean }> {
    const read = await this.read(player, waypoint);
    if ('observation' in read) return { known: read.observation, live: true };
    return { known: this.latest(player, waypoint) ?? read.listing, live: false };
  }
}
