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
  return {
    site: { contractId: id, good, asteroid: o.commandShipAt, commandShip: o.commandShip, unitsToFeed },
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
}

export interface FeederAssignment {
  ship: string;
  /** The container of its current job, stopped first (claims are exclusive). */
  replaces?: string;
  reason: string;
}

/**
 * Every ship of the mining role that can mine and does not already feed this contract is pointed at it:
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
    .map((s) =>
      s.job
        ? { ship: s.symbol, replaces: s.job.container, reason: `stops its ${s.job.command} and ${why}` }
        : { ship: s.symbol, reason: why },
    );
}
