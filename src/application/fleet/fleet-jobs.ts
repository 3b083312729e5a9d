import { RESUMABLE } from '../../domain/containers/container.js';
import { shipOfClaim } from '../../domain/fleet/fleet-roles.js';
import type { Clock } from '../../ports/clock.js';
import type { ContainerStore } from '../../ports/container-store.js';

export interface ShipJob {
  container: string;
  command: string;
  /** The contract a FeedContract job feeds. */
  contractId?: string;
}

/** The unfinished container that claims each ship (a ship has at most one: claims are exclusive). */
export function jobsByShip(store: ContainerStore, player: string): Map<string, ShipJob> {
  const jobs = new Map<string, ShipJob>();
  for (const container of store.list(RESUMABLE)) {
    const state = container.snapshot();
    if (state.player !== null && state.player !== player) continue;
    for (const claim of state.claims) {
      const ship = shipOfClaim(claim);
      if (!ship) continue;
      const contractId = state.commandType === 'FeedContract' ? state.payload.contractId : undefined;
      jobs.set(ship, {
        container: state.id,
        command: state.commandType,
        ...(typeof contractId === 'string' ? { contractId } : {}),
      });
    }
  }
  return jobs;
}

/** While waiting for the next cycle, the coordinator looks for a ship fallen idle this often (share of the interval)… */
const IDLE_CHECK_FRACTION = 1 / 20;
/** …but not more often than this (a local read of the container store each time). */
const MIN_IDLE_CHECK_MS = 50;

/**
 * Waits out the cycle interval, or less: as soon as a job that ran when the wait began has completed (a
 * ship fell idle), so no ship waits a whole interval for work. Reads only the local container store.
 */
export async function untilAJobEnds(store: ContainerStore, clock: Clock, player: string, intervalMs: number) {
  const running = () => new Set([...jobsByShip(store, player).values()].map((job) => job.container));
  const before = running();
  const step = Math.max(MIN_IDLE_CHECK_MS, intervalMs * IDLE_CHECK_FRACTION);
  for (let waited = 0; waited < intervalMs; waited += step) {
    await clock.sleep(Math.min(step, intervalMs - waited));
    const now = running();
    // A job that failed does not wake the coordinator early: retrying at once would only fail again.
    if ([...before].some((id) => !now.has(id) && store.find(id)?.status === 'COMPLETED')) return;
  }
}
