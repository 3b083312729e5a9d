import { describe, expect, it } from 'vitest';
import { Player } from '../../domain/player/player.js';
import { ObservationReader, type ObservationSource } from './observation-reader.js';

interface Listing {
  waypoint: string;
  prices: number[];
}
type Observation = Listing & { observedAt: number };

const player = Player.registered(
  { symbol: 'NOVA-1', headquarters: 'X1-A-1', credits: 1, startingFaction: 'COSMIC' },
  'tok',
  1,
).player;

/** A place whose prices show only while `shipThere`, with an in-memory store of observations. */
function place() {
  const state = { shipThere: true, stored: [] as Array<{ system: string; observation: Observation }> };
  const source: ObservationSource<Listing, Observation> = {
    fetch: async (_player, waypoint) => ({ waypoint, prices: state.shipThere ? [10, 20] : [] }),
    hasPrices: (listing) => listing.prices.length > 0,
    record: (_player, system, observation) => void state.stored.push({ system, observation }),
    latest: (_player, waypoint) => state.stored.filter((s) => s.observation.waypoint === waypoint).at(-1)?.observation,
  };
  let now = 1_000;
  return { state, reader: new ObservationReader(source, { now: () => now++, sleep: async () => {} }) };
}

describe('ObservationReader', () => {
  it('reads live and stores the read when prices show, with its time and system', async () => {
    const { state, reader } = place();
    expect(await reader.best(player, 'X1-A-2')).toEqual({
      known: { waypoint: 'X1-A-2', prices: [10, 20], observedAt: 1_000 },
      live: true,
    });
    expect(state.stored).toEqual([
      { system: 'X1-A', observation: { waypoint: 'X1-A-2', prices: [10, 20], observedAt: 1_000 } },
    ]);
  });

  it('falls back to the last stored observation, then to the public listing, storing neither', async () => {
    const { state, reader } = place();
    await reader.read(player, 'X1-A-2');
    state.shipThere = false;
    expect(await reader.best(player, 'X1-A-2')).toEqual({
      known: { waypoint: 'X1-A-2', prices: [10, 20], observedAt: 1_000 },
      live: false,
    });
    expect(await reader.best(player, 'X1-A-3')).toEqual({ known: { waypoint: 'X1-A-3', prices: [] }, live: false });
    expect(state.stored).toHaveLength(1);
  });
});
