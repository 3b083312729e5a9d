import type { FleetRole } from './fleet-roles.js';

/*
 * The coordinator's rule for contract mining: while the command ship mines a contract's good at an
 * asteroid (the slowest contracts by far: a frigate alone takes an hour where buying takes minutes), the
 * fleet's mining ships mine that good there with it and hand it over (FeedContract). Pure.
 */

/** A contract the command ship is mining now, and where. */
export interface ContractMiningSite {
  contractId: string;
  good: string;
  asteroid: string;
  commandShip: string;
  /** Units the contract still needs beyond what the command ship holds. */
  unitsToFeed: number;
  /** Seconds the command ship alone would still mine them for (Infinity when unknown). */
  soloSeconds?: number;
}

/**
 * The contract the command ship mines now, or why none: its job runs contracts, the accepted contract
 * still needs more of its good than the command ship holds, and the command ship is at (or flying to) an
 * asteroid that yields that good — only contract mining takes it there.
 */
export function contractBeingMined(o: {
  commandShip: string;
  commandJob?: string;
  contract?: { id: string; good: string; stillRequired: number };
  /** Where the command ship is, or where it is headed when in transit. */
  commandShipAt: string;
  /** Units of the contract's good in the command ship's hold. */
  commandHolds: number;
  /** Seconds the command ship alone needs to mine a number of units of the good where it is. */
  soloSeconds?: (units: number) => number;
  /** Whether a waypoint is an asteroid that yields a good. */
  yields: (waypoint: string, good: string) => boolean;
}): { site?: ContractMiningSite; reason: string } {
  if (o.commandJob !== 'RunContracts') return { reason: 'the command ship runs no contract' };
  if (!o.contract) return { reason: 'no contract is accepted' };
  const { id, good, stillRequired } = o.contract;
  if (!o.yields(o.commandShipAt, good))
    return {
      reason: `the command ship is not mining contract ${id}'s ${good} (it is at or bound for ${o.commandShipAt})`,
    };
  const unitsToFeed = Math.max(0, stillRequired - o.commandHolds);
  if (unitsToFeed === 0)
    return { reason: `the command ship holds the ${stillRequired} ${good} contract ${id} still needs` };
  const solo = o.soloSeconds?.(unitsToFeed);
  return {
    site: {
      contractId: id,
      good,
      asteroid: o.commandShipAt,
      commandShip: o.commandShip,
      unitsToFeed,
      ...(solo !== undefined ? { soloSeconds: solo } : {}),
    },
    reason: `the command ship mines ${good} at ${o.commandShipAt} for contract ${id} (${unitsToFeed} more needed)`,
  };
}

/** A ship the coordinator may point at the contract's asteroid. */
export interface MinerView {
  symbol: string;
  role: FleetRole;
  canMine: boolean;
  /** Its running job: the command, the container, and the contract it feeds (FeedContract). */
  job?: { command: string; container: string; contractId?: string };
  /** Seconds its flight to the contract's asteroid takes (0 when there; Infinity when it has no route). */
  travelSeconds?: number;
}

/**
 * A ship is pointed at a contract's asteroid only when its flight there takes at most this share of the
 * time the command ship alone would still mine (ours): a drone is slow (speed 9 to a frigate's 30) and,
 * short of fuel, drifts — on sandbox seed 42 drones took 57–112 minutes to reach asteroids where the
 * frigate alone needed under an hour, and earned nothing meanwhile.
 */
const FEEDER_MAX_TRIP_SHARE = 0.5;

/** Whether the ship gets there in time to help; the mining ships of the fleet not sent keep their work. */
export function arrivesInTime(travelSeconds: number | undefined, soloSeconds: number | undefined): boolean {
  if (travelSeconds === undefined || soloSeconds === undefined) return true;
  return travelSeconds <= soloSeconds * FEEDER_MAX_TRIP_SHARE;
}

export interface FeederAssignment {
  ship: string;
  /** The container of its current job, stopped first (claims are exclusive). */
  replaces?: string;
  reason: string;
}

/**
 * Every ship of the mining role that can mine, does not already feed this contract and gets there in time
 * (arrivesInTime) is pointed at it:
 * a drone's MINING_LASER_I brings 3 units per cooldown, so four drones beside a frigate's 5 make the
 * contract's mining about 3.5× faster, and its sales of common ores (2–3k/h) are worth far less than the
 * command ship's contract hours it frees (100k/h and more for contracts whose goods are bought).
 */
export function feederAssignments(
  site: ContractMiningSite | undefined,
  ships: readonly MinerView[],
): FeederAssignment[] {
  if (!site) return [];
  const why = `mines ${site.good} at ${site.asteroid} and hands it to ${site.commandShip} for contract ${site.contractId} (${site.unitsToFeed} more needed): the command ship's contract hours are worth more than a drone's own sales`;
  return ships
    .filter((s) => s.role === 'mining' && s.canMine && s.symbol !== site.commandShip)
    .filter((s) => !(s.job?.command === 'FeedContract' && s.job.contractId === site.contractId))
    .filter((s) => arrivesInTime(s.travelSeconds, site.soloSeconds))
    .map((s) =>
      s.job
        ? { ship: s.symbol, replaces: s.job.container, reason: `stops its ${s.job.command} and ${why}` }
        : { ship: s.symbol, reason: why },
    );
}
