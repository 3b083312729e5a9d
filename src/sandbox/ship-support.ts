import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import { TRADE_GOODS } from './catalog.js';
import type { SandboxClock } from './clock.js';
import { GameError } from './errors.js';
import type { Game } from './game.js';
import type { ShipState } from './world.js';

type S = components['schemas'];

/** Cargo, cooldown and equipment rules that many ship operations share. */

export function addCargo(ship: S['Ship'], symbol: string, units: number): void {
  const item = ship.cargo.inventory.find((i) => i.symbol === symbol);
  if (item) item.units += units;
  else
    ship.cargo.inventory.push({
      symbol: symbol as S['TradeSymbol'],
      name: TRADE_GOODS[symbol]?.name ?? symbol,
      description: symbol,
      units,
    });
  ship.cargo.units += units;
}

/** Throws (changing nothing) unless the ship holds `units` of `symbol`: `code` 4218 by default, as jettison and delivery answer. */
export function checkCargo(ship: S['Ship'], symbol: string, units: number, code = 4218): void {
  const held = ship.cargo.inventory.find((i) => i.symbol === symbol)?.units ?? 0;
  if (held >= units) return;
  const message =
    code === 4218
      ? `Ship ${ship.symbol} does not have ${units} units of ${symbol}.`
      : `Failed to update ship cargo. Ship ${ship.symbol} cargo does not contain ${units} unit(s) of ${symbol}. Ship has ${held} unit(s) of ${symbol}.`;
  throw new GameError(400, code, message, {
    shipSymbol: ship.symbol,
    tradeSymbol: symbol,
    cargoUnits: held,
    unitsToRemove: units,
  });
}

export function removeCargo(ship: S['Ship'], symbol: string, units: number, code = 4218): void {
  checkCargo(ship, symbol, units, code);
  const item = ship.cargo.inventory.find((i) => i.symbol === symbol)!;
  item.units -= units;
  ship.cargo.units -= units;
  ship.cargo.inventory = ship.cargo.inventory.filter((i) => i.units > 0);
}

/** Throws 4217 unless the ship has room for `units` more. */
export function checkRoom(ship: S['Ship'], symbol: string, units: number, capacity = ship.cargo.capacity): void {
  if (ship.cargo.units + units > capacity) {
    throw new GameError(400, 4217, `Ship ${ship.symbol} cargo would exceed its capacity of ${capacity}.`, {
      shipSymbol: ship.symbol,
      tradeSymbol: symbol,
      cargoUnits: units,
      cargoCapacity: capacity,
    });
  }
}

/** The 4000 error if the ship is still cooling down from its last extraction, scan, jump... */
export function mustBeCool(game: Game, state: ShipState): void {
  const now = game.clock.now();
  if (state.cooldownUntil > now) throw game.cooldownError(state, now);
}

export function startCooldown(clock: SandboxClock, state: ShipState, seconds: number): S['Cooldown'] {
  const now = clock.now();
  state.cooldownTotal = seconds;
  state.cooldownUntil = now + clock.scaled(seconds * 1000);
  return {
    shipSymbol: state.ship.symbol,
    totalSeconds: seconds,
    remainingSeconds: Math.ceil(clock.scaled(seconds * 1000) / 1000),
    expiration: new Date(state.cooldownUntil).toISOString(),
  };
}

/** The installed mounts whose symbol starts with `prefix`, e.g. MOUNT_GAS_SIPHON. */
export function mountsOf(ship: S['Ship'], prefix: string): S['ShipMount'][] {
  return ship.mounts.filter((m) => m.symbol.startsWith(prefix));
}

/** The cooldown the extraction-like actions share: 60 s plus 10 s per unit of power of the mounts used (MECHANICS.md). */
export function mountCooldownSeconds(mounts: S['ShipMount'][]): number {
  return 60 + 10 * mounts.reduce((sum, m) => sum + (m.requirements.power ?? 0), 0);
}
