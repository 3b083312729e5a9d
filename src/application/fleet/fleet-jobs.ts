import { RESUMABLE } from '../../domain/containers/container.js';
import { shipOfClaim } from '../../domain/fleet/fleet-roles.js';
import type { ContainerStore } from '../../ports/container-store.js';

export interface ShipJob {
  container: string;
  command: string;
}

/** The unfinished container that claims each ship (a ship has at most one: claims are exclusive). */
export function jobsByShip(store: ContainerStore, player: string): Map<string, ShipJob> {
  const jobs = new Map<string, ShipJob>();
  for (const container of store.list(RESUMABLE)) {
    const state = container.snapshot();
    if (state.player !== null && state.player !== player) continue;
    for (const claim of state.claims) {
      const ship = shipOfClaim(claim);
      if (ship) jobs.set(ship, { container: state.id, command: state.commandType });
    }
  }
  return jobs;
}
