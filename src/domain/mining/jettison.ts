import type { CargoItem } from '../fleet/ship.js';

/**
 * What a unit of a good in the hold is worth: its best known sell price; 0 when no market in reach
 * buys it; undefined when one does but its price has not been observed (then it is kept).
 */
export type UnitWorth = (good: string) => number | undefined;

/**
 * The worth of the space one unit takes: the unit that would replace it is worth `unitValue` (the
 * expected value of a mined unit) but costs `secondsPerUnitMining` more at the asteroid, in a cycle
 * where each unit also carries `secondsPerUnitTravel` of the trip to market. Replacing pays while
 * v < unitValue − secondsPerUnitMining × (unitValue / (secondsPerUnitMining + secondsPerUnitTravel)),
 * that is v < unitValue × travel / (mining + travel).
 */
export function spaceWorth(unitValue: number, secondsPerUnitMining: number, secondsPerUnitTravel: number): number {
  const total = secondsPerUnitMining + secondsPerUnitTravel;
  if (unitValue <= 0 || total <= 0) return 0;
  return (unitValue * secondsPerUnitTravel) / total;
}

/**
 * The goods to dump: those worth less than the space they take, and those nobody in reach buys
 * (worth 0), except the goods the player keeps. A good whose worth is unknown stays.
 */
export function goodsToJettison(
  inventory: readonly CargoItem[],
  worth: UnitWorth,
  space: number,
  keep: readonly string[] = [],
): CargoItem[] {
  return inventory.filter((item) => {
    if (item.units <= 0 || keep.includes(item.symbol)) return false;
    const value = worth(item.symbol);
    if (value === undefined) return false;
    return value === 0 || value < space;
  });
}

/** What a run has seen at one asteroid: its extractions, and how many brought a good the ship kept. */
export interface AsteroidYield {
  extractions: number;
  kept: number;
}

/** Extractions at an asteroid, not one of them kept, before it counts as yielding nothing sellable (ours). */
export const EXTRACTIONS_BEFORE_MOVING_ON = 12;

/**
 * True when the asteroid yields nothing worth its space: EXTRACTIONS_BEFORE_MOVING_ON extractions there
 * and not one yield kept. Once a yield was kept the asteroid does yield something that sells, and a run of
 * jettisoned yields after it is the draw: where no market buys the common ores, two yields in three are
 * dumped, and a run of twelve starts about once in 400 extractions (a few times a day for one drone).
 */
export function yieldsNothingSellable(seen: AsteroidYield): boolean {
  return seen.kept === 0 && seen.extractions >= EXTRACTIONS_BEFORE_MOVING_ON;
}
