import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { requireShipSymbol } from '../ships/ship-symbol.js';
import { requireSystemSymbol } from '../systems/system-symbol.js';
import { type TradePlan, TradePlanning } from './trade-planning.js';

/** The most rows `trade plan` lists. */
const MAX_LIMIT = 1_000;

/**
 * The best trades from stored market data for a ship (by default the player's first ship with a
 * hold): buy at A, sell at B, or A→B→C, ranked by expected credits per hour. Reads only the ship
 * (and the agent's credits) from the server.
 */
export class PlanTrades extends Query<TradePlan> {
  readonly ship?: string;
  readonly system?: string;
  readonly limit: number;
  readonly player?: string;

  constructor(props: { ship?: string; system?: string; limit?: number; player?: string }) {
    super();
    ({ ship: this.ship, system: this.system, player: this.player } = props);
    this.limit = props.limit ?? 10;
  }

  override validate(): void {
    if (this.ship !== undefined) requireShipSymbol(this.ship);
    if (this.system !== undefined) requireSystemSymbol(this.system);
    if (!Number.isInteger(this.limit) || this.limit < 1 || this.limit > MAX_LIMIT)
      throw new ValidationError(`--limit must be a whole number from 1 to ${MAX_LIMIT}, got ${this.limit}`);
  }
}

@injectable()
export class PlanTradesHandler implements RequestHandler<PlanTrades> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TradePlanning) private readonly planning: TradePlanning,
  ) {}

  async handle(request: PlanTrades): Promise<TradePlan> {
    const player = this.players.resolve(request.player);
    const ship = request.ship
      ? await this.api.getShip(player.token, request.ship.toUpperCase())
      : (await this.api.listShips(player.token)).find((s) => s.cargo.capacity > 0);
    if (!ship) throw new DomainRuleError('none of your ships has a cargo hold: name one with --ship', 'NO_SHIP');
    const agent = await this.api.getMyAgent(player.token);
    return this.planning.plan(player, ship, {
      limit: request.limit,
      credits: agent.credits,
      ...(request.system ? { system: request.system.toUpperCase() } : {}),
    });
  }
}
