import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import type { Player } from '../../domain/player/player.js';
import { type ScheduledStop, secondsUntilNextSweep } from '../../domain/scouting/scout-schedule.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import type { ShipyardRepository } from '../../ports/shipyard-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { requireSystemSymbol } from '../systems/system-symbol.js';
import { requireScoutShips, ScoutFleet, type ScoutSweep } from './scout-fleet.js';
import { ScoutTour, type SweepHalt } from './scout-tour.js';

/** The oldest an observation may be asked to get: the retention of observations (7 days). */
const MAX_AGE_LIMIT_SECONDS = 7 * 86_400;

export interface ScoutResult {
  system: string;
  rounds: number;
  visits: number;
  makespanSeconds: number;
}

/**
 * Keeps a system's market and shipyard observations fresh with some of the player's ships: each
 * sweep is planned from where the ships are, every ship flies its tour at once, reading and storing
 * each market and shipyard on the way; the next sweep waits until some observation would otherwise
 * get older than `maxAgeSeconds`. `rounds` absent: until stopped (the daemon's way).
 */
export class ScoutMarkets extends Command<ScoutResult> {
  static override readonly workClass = 'scouting' as const;
  readonly system: string;
  readonly ships: string[];
  readonly maxAgeSeconds: number;
  readonly rounds?: number;
  readonly player?: string;

  constructor(props: { system: string; ships: string[]; maxAgeSeconds?: number; rounds?: number; player?: string }) {
    super();
    this.system = props.system;
    this.ships = props.ships;
    this.maxAgeSeconds = props.maxAgeSeconds === undefined ? 900 : props.maxAgeSeconds;
    if (props.rounds !== undefined) this.rounds = props.rounds;
    this.player = props.player;
  }

  override validate(): void {
    requireSystemSymbol(this.system);
    requireScoutShips(this.ships);
    const age = this.maxAgeSeconds;
    if (typeof age !== 'number' || !Number.isFinite(age) || age < 1 || age > MAX_AGE_LIMIT_SECONDS)
      throw new ValidationError(`the maximum age must be from 1 s to 7 days, got "${age}"`);
    const rounds = this.rounds;
    if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1))
      throw new ValidationError(`the number of rounds must be a whole number from 1, got "${rounds}"`);
  }

  override claims(): string[] {
    return requireScoutShips(this.ships).map((ship) => `ship:${ship}`);
  }
}

@injectable()
export class ScoutMarketsHandler implements RequestHandler<ScoutMarkets> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(ScoutFleet) private readonly fleet: ScoutFleet,
    @inject(ScoutTour) private readonly tour: ScoutTour,
    @inject(TOKENS.MarketRepository) private readonly markets: MarketRepository,
    @inject(TOKENS.ShipyardRepository) private readonly shipyards: ShipyardRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  async handle(request: ScoutMarkets): Promise<ScoutResult> {
    const player = this.players.resolve(request.player);
    const system = request.system.toUpperCase();
    const ships = requireScoutShips(request.ships);
    const maxAge = request.maxAgeSeconds;
    const result: ScoutResult = { system, rounds: 0, visits: 0, makespanSeconds: 0 };
    let warned = false;
    while (request.rounds === undefined || result.rounds < request.rounds) {
      // Planned afresh from where the ships are: after a restart too, whatever the last sweep left.
      const sweep = await this.fleet.plan(player, system, ships);
      if (sweep.stops.length === 0) throw new DomainRuleError(`${system} has no marketplace or shipyard to scout`);
      const makespan = sweep.plan.makespanSeconds;
      const wait = secondsUntilNextSweep(this.clock.now(), maxAge, this.schedule(player, system, sweep));
      currentUnitOfWork()?.record(
        domainEvent(
          'ScoutRoundPlanned',
          {
            system,
            round: result.rounds + 1,
            ships: ships.length,
            stops: sweep.stops.length,
            makespanSeconds: makespan,
            maxAgeSeconds: maxAge,
            startsInSeconds: wait,
          },
          this.clock.now(),
        ),
      );
      await currentUnitOfWork()?.checkpoint();
      if (makespan > maxAge && !warned) {
        warned = true;
        this.logger.warn(
          { system, makespanSeconds: makespan, maxAgeSeconds: maxAge },
          `a round of ${system} takes ${makespan} s with these ships, more than the maximum age of ${maxAge} s: observations will get older`,
        );
      }
      if (wait > 0) {
        this.logger.info({ system, seconds: wait }, `every observation is fresh enough: next sweep in ${wait} s`);
        await this.clock.sleep(wait * 1000);
      }
      result.visits += await this.flySweep(player, sweep);
      result.rounds += 1;
      result.makespanSeconds = makespan;
    }
    return result;
  }

  /** Every ship flies its tour at once; the first failure stops the others at their next stop. */
  private async flySweep(player: Player, sweep: ScoutSweep): Promise<number> {
    const stops = new Map(sweep.stops.map((s) => [s.symbol, s]));
    const halt: SweepHalt = { failed: false };
    const flights = await Promise.allSettled(
      sweep.plan.tours.map((tour) =>
        this.tour.fly(
          player,
          tour.ship,
          tour.stops.map((symbol) => stops.get(symbol)!),
          halt,
        ),
      ),
    );
    const failure = flights.find((f) => f.status === 'rejected');
    if (failure) throw failure.reason;
    return flights.reduce((sum, f) => sum + (f.status === 'fulfilled' ? f.value : 0), 0);
  }

  /** When each stop was last observed (the older of its market and shipyard reads) and reached in the sweep. */
  private schedule(player: Player, system: string, sweep: ScoutSweep): ScheduledStop[] {
    const markets = new Map(this.markets.freshest(player.agentSymbol, system).map((m) => [m.waypoint, m.observedAt]));
    return sweep.stops.map((stop) => {
      const seen = [
        ...(stop.market ? [markets.get(stop.symbol) ?? null] : []),
        ...(stop.shipyard ? [this.shipyards.latest(player.agentSymbol, stop.symbol)?.observedAt ?? null] : []),
      ];
      return {
        observedAt: seen.includes(null) ? null : Math.min(...(seen as number[])),
        arrivalSeconds: sweep.arrivals.get(stop.symbol) ?? 0,
      };
    });
  }
}
