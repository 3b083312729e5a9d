import { depositShare } from '../../domain/contracts/mining-estimate.js';
import { DomainRuleError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { type AsteroidCandidate, bestAsteroid, depositGoods } from '../../domain/mining/asteroid.js';
import { isMinable } from '../../domain/mining/extraction.js';
import { spaceWorth } from '../../domain/mining/jettison.js';
import { expectedUnitValue, type StoredSurvey } from '../../domain/mining/survey.js';
import { distance, travelSeconds } from '../../domain/navigation/flight-mode.js';
import type { MiningSite } from './mining-site.js';

/*
 * Estimates for planning before the ship's own figures are known (ours, from ECONOMY.md §3 and the
 * sandbox): a cooldown of about 70 s per extraction and a handful of units each. They scale every
 * asteroid alike, so they weigh mining time against travel time, never one asteroid against another.
 */
const ESTIMATED_COOLDOWN_SECONDS = 70;
const ESTIMATED_UNITS_PER_EXTRACTION = 5;

function cruiseSeconds(site: MiningSite, from: string, to: string, engineSpeed: number): number | undefined {
  const a = site.waypoints.get(from);
  const b = site.waypoints.get(to);
  if (!a || !b) return undefined;
  return from === to ? 0 : travelSeconds(distance(a, b), 'CRUISE', engineSpeed);
}

/** Seconds from a waypoint to the nearest market that trades any of the goods (0 when none is known). */
function secondsToBuyer(site: MiningSite, from: string, goods: readonly string[], engineSpeed: number): number {
  const times = [...site.buyers]
    .filter(([, buys]) => goods.some((g) => buys.has(g)))
    .map(([market]) => cruiseSeconds(site, from, market, engineSpeed))
    .filter((s): s is number => s !== undefined);
  return times.length > 0 ? Math.min(...times) : 0;
}

/** Seconds of extraction to fill the ship's hold, by the estimates above. */
function fillSeconds(ship: Ship): number {
  return (ship.cargo.capacity / ESTIMATED_UNITS_PER_EXTRACTION) * ESTIMATED_COOLDOWN_SECONDS;
}

/**
 * The asteroid of the ship's system that pays best for it (domain scoring over stored prices, deposit
 * traits and travel), never one to avoid; the nearest minable waypoint when none has a known deposit trait.
 */
export function chooseAsteroid(ship: Ship, site: MiningSite, avoid: ReadonlySet<string> = new Set()): string {
  const here = ship.location();
  const minable = [...site.waypoints.values()].filter((w) => isMinable(w.type) && !avoid.has(w.symbol));
  const candidates: AsteroidCandidate[] = minable.map((w) => {
    const traits = w.traits.map((t) => t.symbol as string);
    return {
      waypoint: w.symbol,
      traits,
      secondsFromShip: cruiseSeconds(site, here, w.symbol, ship.engineSpeed) ?? 0,
      secondsToMarket: secondsToBuyer(site, w.symbol, depositGoods(traits), ship.engineSpeed),
    };
  });
  const best = bestAsteroid(candidates, site.value, {
    capacity: ship.cargo.capacity,
    fillSeconds: fillSeconds(ship),
  });
  if (best) return best.waypoint;
  const nearest = [...candidates].sort((a, b) => a.secondsFromShip - b.secondsFromShip)[0];
  if (!nearest)
    throw new DomainRuleError(`no asteroid known in ${ship.nav.systemSymbol}: give one with --at`, 'NO_ASTEROID');
  return nearest.waypoint;
}

/**
 * The asteroid to move on to when the run leaves the ones to avoid: the best of the others whose known
 * deposits some market of the system trades; '' when none is left.
 */
export function nextAsteroid(ship: Ship, site: MiningSite, avoid: ReadonlySet<string>): string {
  const unsellable = [...site.waypoints.keys()].filter((w) => {
    const goods = depositGoods(site.waypoints.get(w)?.traits.map((t) => t.symbol as string) ?? []);
    return goods.length > 0 && goods.every((g) => site.worth(g) === 0);
  });
  try {
    return chooseAsteroid(ship, site, new Set([...avoid, ...unsellable]));
  } catch (error) {
    if (error instanceof DomainRuleError && error.code === 'NO_ASTEROID') return '';
    throw error;
  }
}

/**
 * What the space a unit takes is worth at the asteroid: the expected value of a mined unit (the best
 * usable survey's deposits, else the asteroid's deposit traits), weighed by mining against travel time.
 */
export function spaceWorthAt(ship: Ship, site: MiningSite, asteroid: string, surveys: readonly StoredSurvey[]): number {
  const traits = site.waypoints.get(asteroid)?.traits.map((t) => t.symbol as string) ?? [];
  const values = [
    expectedUnitValue(depositGoods(traits), site.value),
    ...surveys.map((s) => expectedUnitValue(s.deposits, site.value)),
  ];
  const unitValue = Math.max(...values);
  const mining = ESTIMATED_COOLDOWN_SECONDS / ESTIMATED_UNITS_PER_EXTRACTION;
  const trip = 2 * secondsToBuyer(site, asteroid, depositGoods(traits), ship.engineSpeed);
  return spaceWorth(unitValue, mining, trip / Math.max(1, ship.cargo.capacity));
}

/** True when the waypoint is an asteroid whose deposit traits list the good. */
export function yieldsGood(site: MiningSite, asteroid: string, good: string): boolean {
  const w = site.waypoints.get(asteroid);
  return !!w && isMinable(w.type) && depositGoods(w.traits.map((t) => t.symbol as string)).includes(good);
}

/**
 * The asteroid of the system to mine one good at (for a contract): the one whose deposits list it most
 * often (its share of the deposit table), then the nearest to `from`; never one to avoid.
 */
export function asteroidYielding(
  site: MiningSite,
  from: string,
  good: string,
  avoid: ReadonlySet<string> = new Set(),
): string {
  const here = site.waypoints.get(from);
  const far = (w: { x: number; y: number }) => (here ? distance(here, w) : 0);
  const best = [...site.waypoints.values()]
    .filter((w) => !avoid.has(w.symbol) && yieldsGood(site, w.symbol, good))
    .map((w) => ({
      w,
      share: depositShare(
        good,
        w.traits.map((t) => t.symbol as string),
      ),
    }))
    .sort((a, b) => b.share - a.share || far(a.w) - far(b.w))[0];
  if (!best) throw new DomainRuleError(`no asteroid of ${site.system} is known to yield ${good}`, 'NO_SOURCE');
  return best.w.symbol;
}

/** Refuses an asteroid whose known deposits no market of the system trades. */
export function requireSomeBuyer(site: MiningSite, asteroid: string): void {
  const goods = depositGoods(site.waypoints.get(asteroid)?.traits.map((t) => t.symbol as string) ?? []);
  if (goods.length > 0 && goods.every((g) => site.worth(g) === 0))
    throw new DomainRuleError(
      `no known market of ${site.system} trades what ${asteroid} yields (${[...new Set(goods)].join(', ')})`,
      'NOTHING_TO_SELL',
    );
}
