import { inject, injectable } from 'inversify';
import { ConflictError, ValidationError } from '../../domain/errors.js';
import type { DomainEvent } from '../../domain/events.js';
import { normalizeAgentSymbol, Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from './players.js';
import { FACTION_SYMBOLS } from './factions.js';
import type { PlayerView } from './player-view.js';

export interface RegisterPlayerProps {
  agentSymbol: string;
  /** Register a new agent in this faction (needs accountToken). */
  faction?: string;
  accountToken?: string;
  /** Import an existing agent with its agent token instead of registering. */
  agentToken?: string;
  /** Register again (after a server reset) an agent this bot already knows. */
  reregister?: boolean;
}

/** Adds an agent to this bot: a new one via POST /register, or an existing one by its token. */
export class RegisterPlayer extends Command<PlayerView> {
  readonly agentSymbol: string;
  readonly faction?: string;
  readonly accountToken?: string;
  readonly agentToken?: string;
  readonly reregister: boolean;

  constructor(props: RegisterPlayerProps) {
    super();
    this.agentSymbol = props.agentSymbol;
    this.faction = props.faction?.toUpperCase();
    this.accountToken = props.accountToken;
    this.agentToken = props.agentToken;
    this.reregister = props.reregister ?? false;
  }

  override validate(): void {
    normalizeAgentSymbol(this.agentSymbol);
    if (this.agentToken !== undefined) {
      if (this.agentToken.trim() === '') throw new ValidationError('the agent token is empty');
      if (this.faction)
        throw new ValidationError('give either --token (import an agent) or --faction (register a new one), not both');
      return;
    }
    if (!this.faction)
      throw new ValidationError('a new agent needs --faction (e.g. COSMIC), or import one with --token');
    if (!FACTION_SYMBOLS.includes(this.faction)) {
      throw new ValidationError(`unknown faction "${this.faction}" (known: ${FACTION_SYMBOLS.join(', ')})`);
    }
    if (!this.accountToken?.trim()) {
      throw new ValidationError(
        'registering a new agent needs the account token: set SPACETRADERS_ACCOUNT_TOKEN or pass --account-token (- reads it from stdin)',
      );
    }
  }
}

@injectable()
export class RegisterPlayerHandler implements RequestHandler<RegisterPlayer> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
  ) {}

  async handle(request: RegisterPlayer): Promise<PlayerView> {
    const symbol = normalizeAgentSymbol(request.agentSymbol);
    const existing = this.players.find(symbol);
    if (existing && !request.reregister)
      throw new ConflictError(`agent ${symbol} is already registered here (see: spacetraders player info ${symbol})`);

    let player: Player;
    let event: DomainEvent;
    let credits: number;
    if (request.agentToken !== undefined) {
      const agent = await this.importAgent(symbol, request.agentToken);
      ({ player, event } = Player.imported(agent, request.agentToken, this.clock.now()));
      credits = agent.credits;
    } else {
      const result = await this.api.register(request.accountToken!, symbol, request.faction!);
      credits = result.agent.credits;
      if (existing) {
        player = existing;
        event = existing.reregistered(result.agent, result.token, this.clock.now());
      } else {
        ({ player, event } = Player.registered(result.agent, result.token, this.clock.now()));
      }
    }
    this.players.save(player);
    // The books reconcile from the credits the agent had when the bot first saw it.
    this.ledger.recordBaseline(symbol, { at: this.clock.now(), credits });
    currentUnitOfWork()?.record(event);
    if (!this.players.defaultSymbol()) this.players.setDefault(symbol);
    return this.players.view(player);
  }

  private async importAgent(symbol: string, token: string) {
    const agent = await this.api.getMyAgent(token);
    if (agent.symbol !== symbol) throw new ConflictError(`that token belongs to agent ${agent.symbol}, not ${symbol}`);
    return agent;
  }
}
