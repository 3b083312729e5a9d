import { inject, injectable } from 'inversify';
import { domainEvent } from '../../domain/events.js';
import type { FleetRole } from '../../domain/fleet/fleet-roles.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { MessageRegistry } from '../../mediator/message-registry.js';
import type { Command } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { JobLauncher } from '../../ports/job-launcher.js';
import type { Logger } from '../../ports/logger.js';
import { TOKENS } from '../../ports/tokens.js';

export interface FleetDecisionView {
  ship: string | null;
  role: string | null;
  command: string | null;
  container: string | null;
  reason: string;
}

/**
 * The coordinator's hands and voice: it starts (or replaces) a ship's job as a child container, claims
 * and all, as `--background` does, and records every decision with its reason (a FleetDecision event).
 */
@injectable()
export class FleetDecisions {
  constructor(
    @inject(TOKENS.MessageRegistry) private readonly messages: MessageRegistry,
    @inject(TOKENS.JobLauncher) private readonly launcher: JobLauncher,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  /** Starts the job and records why; a job the launcher refuses is recorded as not started. */
  async start(
    player: Player,
    ship: string,
    role: FleetRole,
    job: Command<unknown>,
    reason: string,
    replaces?: string,
  ): Promise<FleetDecisionView> {
    const { type, payload } = this.messages.serialize(job);
    try {
      // The ship's current job lets go of it first (claims are exclusive); one that ended meanwhile has.
      if (replaces !== undefined) await this.launcher.stop(replaces).catch(() => undefined);
      const container = await this.launcher.submit({ type, payload, player: player.agentSymbol });
      return this.decide(ship, role, type, container.id, reason);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return this.decide(ship, role, type, null, `${reason}; not started: ${why}`);
    }
  }

  decide(
    ship: string | null,
    role: string | null,
    command: string | null,
    container: string | null,
    reason: string,
  ): FleetDecisionView {
    const decision = { ship, role, command, container, reason };
    currentUnitOfWork()?.record(domainEvent('FleetDecision', decision, this.clock.now()));
    const what = command ? `${command}${container ? ` (container ${container})` : ''}` : 'no job';
    this.logger.info({ decision }, `${ship ?? 'fleet'}${role ? ` → ${role}` : ''}: ${what}; ${reason}`);
    return decision;
  }
}
