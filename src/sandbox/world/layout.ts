import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { newGood } from '../markets/economy.js';
import { TRADE_GOODS } from './catalog.js';
import { GameError } from './errors.js';
import { emptyWorld, type MarketGoodState, type TradeType, type WaypointState, type WorldState } from './world.js';

type S = components['schemas'];

/** A hand-written universe for tests and experiments (POST /_sandbox/layout; example: features/support/layouts/navigation.json). */
export interface Layout {
  systems: Array<{
    symbol: string;
    x?: number;
    y?: number;
    waypoints: Array<{
      symbol: string;
      type?: S['WaypointType'];
      x: number;
      y: number;
      orbits?: string;
      traits?: S['WaypointTraitSymbol'][];
      /** FUEL purchase price per market unit; the waypoint then sells fuel (and is a marketplace). */
      fuel?: number;
      exports?: string[];
      imports?: string[];
      exchange?: string[];
      shipyard?: S['ShipType'][];
      /** Jump gate: the gate waypoints it connects to. */
      gate?: string[];
      underConstruction?: boolean;
      /** A construction site's bill: trade symbol -> units required (implies underConstruction). */
      construction?: Record<string, number>;
    }>;
  }>;
  /** Faction symbol -> headquarters waypoint. Default: every recruiting faction at the first waypoint. */
  factions?: Record<string, string>;
}

/** A layout's goods all trade 20 units at a time (manufactured goods' tv, ECONOMY.md §1), at MODERATE supply. */
const LAYOUT_TRADE_VOLUME = 20;
/** A layout's FUEL: an exchange good at the purchase price the layout names; tv 100 (sandbox's choice). */
const LAYOUT_FUEL_TRADE_VOLUME = 100;

const FACTION_NAMES: Record<string, string> = {
  COSMIC: 'Cosmic Engineers',
  VOID: 'Voidfarers',
  GALACTIC: 'Galactic Alliance',
  QUANTUM: 'Quantum Federation',
  DOMINION: 'Stellar Dominion',
};

export function worldFromLayout(layout: Layout, seed: number, resetDate: string, now: number): WorldState {
  if (!layout || !Array.isArray(layout.systems) || layout.systems.length === 0)
    throw new GameError(422, 422, 'layout needs a non-empty "systems" array');
  const world = emptyWorld(seed, resetDate);
  for (const system of layout.systems) {
    world.systems[system.symbol] = {
      symbol: system.symbol,
      sectorSymbol: system.symbol.split('-')[0] ?? 'X1',
      type: 'ORANGE_STAR',
      x: system.x ?? 0,
      y: system.y ?? 0,
      waypoints: [],
      factions: [],
    };
    for (const w of system.waypoints) {
      const goods: Record<string, MarketGoodState> = {};
      const add = (symbols: string[] | undefined, type: TradeType) => {
        for (const symbol of symbols ?? [])
          goods[symbol] = newGood(type, TRADE_GOODS[symbol]?.basePrice ?? 100, LAYOUT_TRADE_VOLUME, now);
      };
      add(w.exports, 'EXPORT');
      add(w.imports, 'IMPORT');
      add(w.exchange, 'EXCHANGE');
      if (w.fuel !== undefined) goods.FUEL = newGood('EXCHANGE', w.fuel, LAYOUT_FUEL_TRADE_VOLUME, now);
      const hasMarket = Object.keys(goods).length > 0;
      const traits = [...(w.traits ?? [])];
      if (hasMarket && !traits.includes('MARKETPLACE')) traits.push('MARKETPLACE');
      if (w.shipyard && !traits.includes('SHIPYARD')) traits.push('SHIPYARD');
      const waypoint: WaypointState = {
        symbol: w.symbol,
        systemSymbol: system.symbol,
        type: w.type ?? (w.gate ? 'JUMP_GATE' : 'PLANET'),
        x: w.x,
        y: w.y,
        orbitals: [],
        traits,
        isUnderConstruction: w.underConstruction ?? w.construction !== undefined,
        ...(w.orbits ? { orbits: w.orbits } : {}),
        ...(hasMarket ? { market: goods } : {}),
        ...(w.shipyard ? { shipyard: w.shipyard } : {}),
        ...(w.gate ? { gate: [...w.gate] } : {}),
        ...(w.construction
          ? {
              construction: {
                isComplete: false,
                materials: Object.entries(w.construction).map(([tradeSymbol, required]) => ({
                  tradeSymbol: tradeSymbol as S['TradeSymbol'],
                  required,
                  fulfilled: 0,
                })),
              },
            }
          : {}),
      };
      world.waypoints[w.symbol] = waypoint;
      world.systems[system.symbol]!.waypoints.push(w.symbol);
    }
  }
  for (const waypoint of Object.values(world.waypoints)) {
    if (waypoint.orbits) world.waypoints[waypoint.orbits]?.orbitals.push(waypoint.symbol);
  }
  const first = layout.systems[0]!.waypoints[0]?.symbol;
  const factions = layout.factions ?? Object.fromEntries(Object.keys(FACTION_NAMES).map((f) => [f, first]));
  for (const [symbol, hq] of Object.entries(factions)) {
    if (!hq || !world.waypoints[hq])
      throw new GameError(422, 422, `faction ${symbol}: headquarters ${hq} is not in the layout`);
    world.factions[symbol] = {
      symbol: symbol as S['FactionSymbol'],
      name: FACTION_NAMES[symbol] ?? symbol,
      headquarters: hq,
    };
    world.waypoints[hq]!.faction ??= symbol as S['FactionSymbol'];
    const system = world.systems[world.waypoints[hq]!.systemSymbol]!;
    if (!system.factions.includes(symbol as S['FactionSymbol'])) system.factions.push(symbol as S['FactionSymbol']);
  }
  return world;
}
