import { inject, injectable } from 'inversify';
import type { Ship } from '../../domain/fleet/ship.js';
import type { FleetRole } from '../../domain/fleet/fleet-roles.js';
import type { Player } from '../../domain/player/player.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { Clock } from '../../ports/clock.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { NegotiateContract } from '../contracts/negotiate-contract.js';
import { NavigateShip } from '../navigation/navigate-ship.js';

/**
 * The fleet's negotiator: a ship other than the command ship in the `contracts` role (a probe), kept at
 * the agent's headquarters, where it negotiates the next contract as soon as none is open.
 */
@injectable()
export class FleetNegotiator {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  find(ships: readonly Ship[], roles: Readonly<Record<string, FleetRole>>): Ship | undefined {
    return ships.find((s) => s.role !== 'COMMAND' && roles[s.symbol] === 'contracts');
  }

  /** The job that takes an idle negotiator to headquarters, or undefined when it is there already. */
  toHeadquarters(player: Player, ship: Ship): NavigateShip | undefined {
    const hq = player.snapshot().headquarters;
    if (!hq || ship.isAt(hq, this.clock.now())) return undefined;
    return new NavigateShip({ shipSymbol: ship.symbol, destination: hq, player: player.agentSymbol });
  }

  /** Negotiates the next contract when the negotiator is at headquarters and none is open; says what it did. */
  async negotiateAhead(player: Player, ship: Ship): Promise<string | undefined> {
    const hq = player.snapshot().headquarters;
    if (!hq || !ship.isAt(hq, this.clock.now())) return undefined;
    const open = (await this.api.listContracts(player.token)).filter((c) => !c.fulfilled);
    if (open.length > 0) return undefined;
    try {
      const contract = await this.mediator.send(
        new NegotiateContract({ shipSymbol: ship.symbol, player: player.agentSymbol }),
      );
      return `${ship.symbol} negotiated contract ${contract.id} at ${hq}`;
    } catch (error) {
      return `${ship.symbol} could not negotiate at ${hq}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
