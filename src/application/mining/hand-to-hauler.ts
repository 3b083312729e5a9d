import { inject, injectable } from 'inversify';
import { AppError } from '../../domain/errors.js';
import type { CargoItem, Ship } from '../../domain/fleet/ship.js';
import { HAULER_WAIT_COOLDOWNS, type HaulerState, minerMove } from '../../domain/mining/hauling.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import { ApiError, OutcomeUnknownError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import { TOKENS } from '../../ports/tokens.js';
import { ShipAction } from '../ships/ship-action.js';
import { TransferCargo } from '../ships/transfer-cargo.js';
import type { HoldUnloader, UnloadContext, UnloadResult } from './hold-unloader.js';

/** The cooldown assumed when the run has not timed one yet (a restart with a full hold): the real
 * server's shortest extraction cooldown by our model, 60 s + 10 s for a laser of power 1. */
const DEFAULT_COOLDOWN_MS = 70_000;

/** A full miner polls its hauler this many times per cooldown while it waits (ours). */
const POLLS_PER_COOLDOWN = 4;

/** A miner whose hauler looked ready but refused this many transfers in a row unloads itself (ours). */
const MAX_REFUSALS = 3;

/**
 * The server's refusals of a transfer that mean "the hauler is not ready after all" (it left, docked,
 * filled up or went into transit since it was read): 4234 location, 4271 dock/orbit, 4217 room, 4214
 * in transit; and our own checks' codes for the same. The miner reads both again and goes on waiting.
 */
const NOT_READY_API = new Set([4214, 4217, 4234, 4271]);
const NOT_READY_RULES = new Set(['IN_TRANSIT', 'NOT_AT_WAYPOINT', 'CARGO']);

/**
 * `mine run --hauler H`: a full miner hands what it keeps to the hauler H when H waits at the same
 * asteroid with room (TransferCargo: no credits move, so no ledger row); it waits for H at most
 * HAULER_WAIT_COOLDOWNS of its own extraction cooldowns (until H's arrival when H is headed here), then
 * unloads itself with the run's usual unloader (sell, or deliver) rather than idle. The miner follows H's
 * dock/orbit status, never the other way round: H belongs to another job. A transfer whose answer is lost
 * is settled by reading the miner's hold back — the units are gone or they are not — so none is sent twice.
 */
@injectable()
export class HandToHauler {
  constructor(
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  to(hauler: string, fallback: HoldUnloader): HoldUnloader {
    return { unload: (context) => this.unload(context, hauler.toUpperCase(), fallback) };
  }

  private async unload(context: UnloadContext, hauler: string, fallback: HoldUnloader): Promise<UnloadResult> {
    const { player, site } = context;
    let ship = context.ship;
    const asteroid = context.asteroid ?? ship.location();
    const cooldownMs = context.cooldownMs && context.cooldownMs > 0 ? context.cooldownMs : DEFAULT_COOLDOWN_MS;
    const waitingSince = this.clock.now();
    let transferred = 0;
    let refused = 0;
    let announced = false;
    for (;;) {
      // Waiting reads are the least urgent requests (the rate limiter serves them last).
      const other = (await this.action.load({ shipSymbol: hauler, player: player.agentSymbol }, 'background')).ship;
      const now = this.clock.now();
      const move = minerMove({
        asteroid,
        hauler: haulerState(other, now),
        inventory: ship.cargo.inventory,
        worth: site.worth,
        waitingSince,
        now,
        maxWaitMs: HAULER_WAIT_COOLDOWNS * cooldownMs,
        pollMs: cooldownMs / POLLS_PER_COOLDOWN,
      });
      if (move.kind === 'fallback' || refused >= MAX_REFUSALS) {
        const reason = move.kind === 'fallback' ? move.reason : `it refused ${refused} transfers`;
        this.logger.warn({ hauler }, `no room on ${hauler} after waiting (${reason}): unloading ${ship.symbol} itself`);
        const done = await fallback.unload({ ...context, ship });
        return { ...done, unitsTransferred: transferred };
      }
      if (move.kind === 'wait') {
        if (!announced) this.logger.info({ hauler }, `hold full: waiting for ${hauler} at ${asteroid}`);
        announced = true;
        await this.clock.sleep(Math.max(0, move.untilMs - now));
        continue;
      }
      const moved = await this.handOver(player, ship, other, move.items);
      ship = moved.ship;
      transferred += moved.units;
      if (moved.units > 0 && ship.cargoSpace > 0) {
        await currentUnitOfWork()?.checkpoint();
        return { ship, unitsSold: 0, credits: 0, unitsTransferred: transferred };
      }
      refused += 1;
      await this.clock.sleep(cooldownMs / POLLS_PER_COOLDOWN);
    }
  }

  /** Matches the hauler's dock/orbit status, then transfers each item; stops at the first refusal. */
  private async handOver(player: Player, ship: Ship, hauler: Ship, items: CargoItem[]) {
    const now = this.clock.now();
    ship =
      hauler.statusAt(now) === 'DOCKED' ? await this.action.dock(player, ship) : await this.action.orbit(player, ship);
    let units = 0;
    for (const item of items) {
      const before = ship.unitsOf(item.symbol);
      try {
        const done = await this.mediator.send(
          new TransferCargo({
            shipSymbol: ship.symbol,
            toShip: hauler.symbol,
            good: item.symbol,
            units: item.units,
            player: player.agentSymbol,
          }),
        );
        ship = ship.withCargo(done.cargo);
        units += item.units;
        this.logger.info(
          { hauler: hauler.symbol, good: item.symbol, units: item.units },
          `handed ${item.units} ${item.symbol} to ${hauler.symbol} (its hold ${done.targetCargo.units}/${done.targetCargo.capacity})`,
        );
      } catch (error) {
        if (error instanceof OutcomeUnknownError) {
          // The answer was lost: the miner's hold says whether the units left it (a failed read throws,
          // and the restarted run reads the hold afresh).
          ship = (await this.action.load({ shipSymbol: ship.symbol, player: player.agentSymbol })).ship;
          const gone = before - ship.unitsOf(item.symbol);
          this.logger.warn({ good: item.symbol }, `transfer answer lost: ${gone} of ${item.units} left the hold`);
          units += Math.max(0, gone);
          if (gone < item.units) break;
          continue;
        }
        if (!notReady(error)) throw error;
        this.logger.info(
          { hauler: hauler.symbol },
          `${hauler.symbol} could not take ${item.symbol}: ${(error as Error).message}`,
        );
        ship = (await this.action.load({ shipSymbol: ship.symbol, player: player.agentSymbol })).ship;
        break;
      }
    }
    return { ship, units };
  }
}

function notReady(error: unknown): boolean {
  if (error instanceof ApiError) return NOT_READY_API.has(error.apiCode);
  return error instanceof AppError && NOT_READY_RULES.has(error.code);
}

function haulerState(ship: Ship, now: number): HaulerState {
  return {
    location: ship.location(),
    status: ship.awaitingArrival(now) ? 'IN_TRANSIT' : ship.statusAt(now),
    destination: ship.nav.destination,
    arrival: ship.nav.arrival,
    room: ship.cargoSpace,
  };
}
