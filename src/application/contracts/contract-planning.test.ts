import { describe, expect, it } from 'vitest';
import type { Contract } from '../../domain/contracts/contract.js';
import { Ship } from '../../domain/fleet/ship.js';
import type { Route } from '../../domain/navigation/route.js';
import type { Player } from '../../domain/player/player.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import { shipState } from '../../test-support/ship-mother.js';
import type { RoutePlanning } from '../navigation/route-planning.js';
import type { SystemMap } from '../systems/system-map.js';
import { ContractPlanning } from './contract-planning.js';
import { aContract } from '../../test-support/contract-mother.js';

const player = { agentSymbol: 'NOVA-1', token: 't' } as Player;

/** The seed-21 contract: 53 IRON from X1-A-E (no fuel sold there) to X1-A-1, 118 fuel a way. */
const contract: Contract = aContract(
  { id: 'c1', deadline: 1e13, deadlineToAccept: 1e13, payment: { onAccepted: 4_000, onFulfilled: 22_000 } },
  { required: 53 },
);

const map = {
  load: async () => ({
    markets: [{ symbol: 'X1-A-E', exports: [{ symbol: 'IRON' }], imports: [], exchange: [] }],
    waypoints: [],
  }),
} as unknown as SystemMap;

const markets = {
  latest: () => ({ tradeGoods: [{ symbol: 'IRON', purchasePrice: 160, sellPrice: 80, tradeVolume: 60 }] }),
} as unknown as MarketRepository;

/** A burn of 35 s for 118 fuel when the tank holds it, else a 401 s crawl that drifts its last stretch. */
const routes = {
  plan: async (_: Player, ship: Ship, to: string): Promise<Route> => {
    const fuel = ship.fuel.current;
    const fast = fuel >= 118;
    const fuelAfter = fast ? fuel - 118 : 0;
    return {
      ship: ship.symbol,
      origin: ship.location(),
      destination: to,
      legs: [
        {
          from: ship.location(),
          to,
          mode: fast ? 'BURN' : 'DRIFT',
          distance: 100,
          fuelCost: fuel - fuelAfter,
          seconds: fast ? 35 : 401,
          refuelBefore: false,
          fuelAfter,
        },
      ],
      totalSeconds: fast ? 35 : 401,
      totalFuel: fuel - fuelAfter,
      refuelStops: 0,
      fuelCredits: 0,
    };
  },
} as unknown as RoutePlanning;

describe('ContractPlanning', () => {
  it('plans each flight from the tank the one before left, not from a full one', async () => {
    const ship = new Ship(shipState({ fuel: { current: 282, capacity: 400 } }, { waypointSymbol: 'X1-A-E' }));
    const evaluation = await new ContractPlanning(map, routes, markets).evaluate(player, ship, contract);
    // 282 → E>1 (164) → 1>E (46) → E>1 cannot burn: the ship drifts, as it did on seed 21.
    const flights = evaluation.plan.flatMap((s) => (s.step === 'fly' ? [s.seconds] : []));
    expect(flights).toEqual([0, 35, 35, 401]);
  });
});
