import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import { TRADE_GOODS } from './catalog.js';
import { GameError } from './errors.js';
import type { MarketGoodState, SystemState, WaypointState, WorldState } from './world.js';

type S = components['schemas'];

const SUPPLY: S['SupplyLevel'][] = ['ABUNDANT', 'HIGH', 'MODERATE', 'LIMITED', 'SCARCE'];

function trait(symbol: S['WaypointTraitSymbol']): S['WaypointTrait'] {
  return { symbol, name: symbol, description: symbol };
}

/** The traits anyone can see: an uncharted waypoint shows only UNCHARTED until it is charted (or scanned). */
export function visibleTraits(waypoint: WaypointState): S['WaypointTraitSymbol'][] {
  return waypoint.traits.includes('UNCHARTED') ? ['UNCHARTED'] : waypoint.traits;
}

export function chartView(waypoint: WaypointState): S['Chart'] | undefined {
  return waypoint.chart ? { waypointSymbol: waypoint.symbol, ...waypoint.chart } : undefined;
}

export function waypointView(waypoint: WaypointState): S['Waypoint'] {
  return {
    ...scannedWaypointView(waypoint),
    ...(waypoint.orbits ? { orbits: waypoint.orbits } : {}),
    traits: visibleTraits(waypoint).map(trait),
    modifiers: [],
    isUnderConstruction: waypoint.isUnderConstruction,
  };
}

/** A waypoint as a sensor array sees it: every trait, charted or not. */
export function scannedWaypointView(waypoint: WaypointState): S['ScannedWaypoint'] {
  const chart = chartView(waypoint);
  return {
    symbol: waypoint.symbol,
    type: waypoint.type,
    systemSymbol: waypoint.systemSymbol,
    x: waypoint.x,
    y: waypoint.y,
    orbitals: waypoint.orbitals.map((symbol) => ({ symbol })),
    ...(waypoint.faction ? { faction: { symbol: waypoint.faction } } : {}),
    traits: waypoint.traits.map(trait),
    ...(chart ? { chart } : {}),
  };
}

export function systemWaypointView(waypoint: WaypointState): S['SystemWaypoint'] {
  return {
    symbol: waypoint.symbol,
    type: waypoint.type,
    x: waypoint.x,
    y: waypoint.y,
    orbitals: waypoint.orbitals.map((symbol) => ({ symbol })),
    ...(waypoint.orbits ? { orbits: waypoint.orbits } : {}),
  };
}

export function systemView(world: WorldState, system: SystemState): S['System'] {
  return {
    symbol: system.symbol,
    sectorSymbol: system.sectorSymbol,
    type: system.type,
    x: system.x,
    y: system.y,
    waypoints: system.waypoints.map((symbol) => systemWaypointView(world.waypoints[symbol]!)),
    factions: system.factions.map((symbol) => ({ symbol })),
  };
}

/** Price of a good now: pressure above 0 means scarce (dearer), below 0 abundant (cheaper). */
export function prices(good: MarketGoodState): { purchasePrice: number; sellPrice: number; supply: S['SupplyLevel'] } {
  const mid = good.basePrice * (1 + good.pressure);
  const spread = good.type === 'EXCHANGE' ? 0.04 : good.type === 'EXPORT' ? 0.08 : 0.12;
  const level = Math.max(0, Math.min(4, Math.round((good.pressure + 0.5) * 4)));
  return {
    purchasePrice: Math.max(1, Math.round(mid * (1 + spread))),
    sellPrice: Math.max(1, Math.round(mid * (1 - spread))),
    supply: SUPPLY[level]!,
  };
}

export function marketView(waypoint: WaypointState, withPrices: boolean): S['Market'] {
  const goods = Object.entries(waypoint.market ?? {});
  const listed = (type: string) =>
    goods
      .filter(([, good]) => good.type === type)
      .map(([symbol]) => ({
        symbol: symbol as S['TradeSymbol'],
        name: TRADE_GOODS[symbol]?.name ?? symbol,
        description: symbol,
      }));
  const view: S['Market'] = {
    symbol: waypoint.symbol,
    exports: listed('EXPORT'),
    imports: listed('IMPORT'),
    exchange: listed('EXCHANGE'),
  };
  if (withPrices) {
    view.transactions = [];
    view.tradeGoods = goods.map(([symbol, good]) => {
      const { purchasePrice, sellPrice, supply } = prices(good);
      return {
        symbol: symbol as S['TradeSymbol'],
        type: good.type,
        tradeVolume: good.tradeVolume,
        supply,
        activity: 'GROWING',
        purchasePrice,
        sellPrice,
      };
    });
  }
  return view;
}

export function routePoint(waypoint: WaypointState): S['ShipNavRouteWaypoint'] {
  return {
    symbol: waypoint.symbol,
    type: waypoint.type,
    systemSymbol: waypoint.systemSymbol,
    x: waypoint.x,
    y: waypoint.y,
  };
}

export function paged<T>(items: T[], query: URLSearchParams): { data: T[]; meta: S['Meta'] } {
  const page = Number(query.get('page') ?? '1');
  const limit = Number(query.get('limit') ?? '10');
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(limit) || limit < 1 || limit > 20) {
    throw new GameError(400, 400, 'Invalid pagination: page must be >= 1 and limit from 1 to 20.');
  }
  return { data: items.slice((page - 1) * limit, page * limit), meta: { total: items.length, page, limit } };
}
