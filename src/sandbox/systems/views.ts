import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { SystemState, WaypointState, WorldState } from '../world/world.js';

type S = components['schemas'];

function trait(symbol: S['WaypointTraitSymbol']): S['WaypointTrait'] {
  return { symbol, name: symbol, description: symbol };
}

/** The traits anyone can see: an uncharted waypoint shows only UNCHARTED until it is charted (or scanned). */
export function visibleTraits(waypoint: WaypointState): S['WaypointTraitSymbol'][] {
  return waypoint.traits.includes('UNCHARTED') ? ['UNCHARTED'] : waypoint.traits;
}

function chartView(waypoint: WaypointState): S['Chart'] | undefined {
  return waypoint.chart ? { waypointSymbol: waypoint.symbol, ...waypoint.chart } : undefined;
}

/** A waypoint as anyone sees it; `modifiers` are its present ones (an over-mined asteroid's: fleet/instability.ts). */
export function waypointView(waypoint: WaypointState, modifiers: S['WaypointModifier'][] = []): S['Waypoint'] {
  return {
    ...scannedWaypointView(waypoint),
    ...(waypoint.orbits ? { orbits: waypoint.orbits } : {}),
    traits: visibleTraits(waypoint).map(trait),
    modifiers,
    isUnderConstruction: waypoint.isUnderConstruction,
  };
}

/** A waypoint as a sensor array sees it: every trait, charted or not. */
export function scannedWaypointView(waypoint: WaypointState): S['ScannedWaypoint'] {
  const chart = chartView(waypoint);
  return {
    ...routePoint(waypoint),
    orbitals: waypoint.orbitals.map((symbol) => ({ symbol })),
    ...(waypoint.faction ? { faction: { symbol: waypoint.faction } } : {}),
    traits: waypoint.traits.map(trait),
    ...(chart ? { chart } : {}),
  };
}

function systemWaypointView(waypoint: WaypointState): S['SystemWaypoint'] {
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

export function routePoint(waypoint: WaypointState): S['ShipNavRouteWaypoint'] {
  return {
    symbol: waypoint.symbol,
    type: waypoint.type,
    systemSymbol: waypoint.systemSymbol,
    x: waypoint.x,
    y: waypoint.y,
  };
}
