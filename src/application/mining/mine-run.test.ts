import { describe, expect, it } from 'vitest';
import { DomainRuleError } from '../../domain/errors.js';
import { type CargoItem, Ship } from '../../domain/fleet/ship.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { Request } from '../../mediator/request.js';
import type { Logger } from '../../ports/logger.js';
import type { SpaceTradersApi, WaypointDto } from '../../ports/spacetraders-api.js';
import type { SurveyRepository } from '../../ports/survey-repository.js';
import type { TradeProgressStore } from '../../ports/trade-progress.js';
import { shipState } from '../../test-support/ship-mother.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { JettisonCargo } from '../ships/jettison-cargo.js';
import type { ShipAction } from '../ships/ship-action.js';
import type { DeliverHold } from './deliver-hold.js';
import type { HandToHauler } from './hand-to-hauler.js';
import { MineRun, MineRunHandler } from './mine-run.js';
import type { MiningOps } from './mining-ops.js';
import type { MiningSite, MiningSites } from './mining-site.js';
import type { SellHold } from './sell-hold.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function waypoint(symbol: string, type: string, x: number, traits: string[] = []): WaypointDto {
  return { symbol, type, x, y: 0, traits: traits.map((t) => ({ symbol: t })) } as unknown as WaypointDto;
}

/** Two common-metal asteroids; the one market buys ICE_WATER only (the ores nobody buys, as in a sandbox seed). */
const site: MiningSite = {
  system: 'X1-A',
  waypoints: new Map(
    [
      waypoint('X1-A-1', 'PLANET', 0),
      waypoint('X1-A-2', 'ASTEROID', 10, ['COMMON_METAL_DEPOSITS']),
      waypoint('X1-A-3', 'ASTEROID', 80, ['COMMON_METAL_DEPOSITS']),
    ].map((w) => [w.symbol, w]),
  ),
  buyers: new Map([['X1-A-1', new Set(['ICE_WATER'])]]),
  bestPrice: (g) => (g === 'ICE_WATER' ? 20 : undefined),
  value: (g) => (g === 'ICE_WATER' ? 20 : 0),
  priceAt: (_w, g) => (g === 'ICE_WATER' ? 20 : undefined),
  worth: (g) => (g === 'ICE_WATER' ? 20 : 0),
};

/** A drone at X1-A-1 whose extractions bring `yields` one after the other; the sale empties the hold. */
function drone(yields: Array<[string, number]>) {
  let ship = new Ship(
    shipState({
      symbol: 'NOVA-1-2',
      cargo: { capacity: 15, units: 0, inventory: [] },
      mounts: ['MOUNT_MINING_LASER_I'],
    }),
  );
  const cargo = (inventory: CargoItem[]) => ({
    capacity: 15,
    units: inventory.reduce((sum, i) => sum + i.units, 0),
    inventory: inventory.filter((i) => i.units > 0),
  });
  const at: string[] = [];
  const player = { agentSymbol: 'NOVA-1', token: 't' };
  const action = { load: async () => ({ player, ship }) } as unknown as ShipAction;
  const ops = {
    extract: async () => {
      const [good, units] = yields.shift() ?? ['IRON_ORE', 3];
      at.push(ship.location());
      const held = ship.cargo.inventory.find((i) => i.symbol === good)?.units ?? 0;
      ship = ship.withCargo(
        cargo([...ship.cargo.inventory.filter((i) => i.symbol !== good), { symbol: good, units: held + units }]),
      );
      return { ship, extraction: { ship: ship.symbol, good, units } };
    },
  } as unknown as MiningOps;
  const mediator = {
    send: async (request: Request<unknown>) => {
      if (request instanceof NavigateShip) {
        const nav = { ...ship.snapshot().nav, waypointSymbol: request.destination, destination: request.destination };
        ship = new Ship({ ...ship.snapshot(), nav, cargo: ship.cargo });
      }
      if (request instanceof JettisonCargo) {
        ship = ship.withCargo(cargo(ship.cargo.inventory.filter((i) => i.symbol !== request.good)));
        return { cargo: ship.cargo };
      }
      return {};
    },
  } as unknown as Mediator;
  const selling = {
    as: () => ({
      unload: async () => {
        const units = ship.cargo.units;
        ship = ship.withCargo(cargo([]));
        return { ship, unitsSold: units, credits: units * 20 };
      },
    }),
  } as unknown as SellHold;
  const handler = new MineRunHandler(
    mediator,
    action,
    ops,
    { load: async () => site } as unknown as MiningSites,
    selling,
    {} as DeliverHold,
    {} as HandToHauler,
    {} as SpaceTradersApi,
    { usable: () => [] } as unknown as SurveyRepository,
    { find: () => undefined, save: () => {} } as unknown as TradeProgressStore,
    { now: () => Date.now(), sleep: async () => {} },
    quiet,
  );
  return { handler, at };
}

describe('MineRun', () => {
  it('mines on through a long run of jettisoned ores once the asteroid has yielded something that sells', async () => {
    // One ICE_WATER, then twenty ore pulls nobody buys (a dozen in a row is the draw where two in three are ores).
    const yields: Array<[string, number]> = [['ICE_WATER', 1], ...Array(20).fill(['IRON_ORE', 3]), ['ICE_WATER', 14]];
    const { handler, at } = drone(yields);
    const report = await handler.handle(new MineRun({ shipSymbol: 'NOVA-1-2', player: 'NOVA-1', maxTrips: 1 }));
    expect(report).toMatchObject({ asteroid: 'X1-A-2', trips: 1, extractions: 22, unitsSold: 15, unitsJettisoned: 60 });
    expect(new Set(at)).toEqual(new Set(['X1-A-2']));
  });

  it('moves on to another asteroid when not one yield of this one was worth keeping, and fails when none is left', async () => {
    const { handler, at } = drone([]);
    const run = handler.handle(new MineRun({ shipSymbol: 'NOVA-1-2', player: 'NOVA-1', maxTrips: 1 }));
    await expect(run).rejects.toThrow(DomainRuleError);
    await expect(run).rejects.toMatchObject({ code: 'NOTHING_TO_SELL' });
    expect(at.filter((w) => w === 'X1-A-2')).toHaveLength(12);
    expect(at.filter((w) => w === 'X1-A-3')).toHaveLength(12);
  });
});
