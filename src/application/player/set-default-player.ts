import { inject, injectable } from 'inversify';
import { domainEvent } from '../../domain/events.js';
import { normalizeAgentSymbol } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from './players.js';
import type { PlayerView } from './player-view.js';

/** Makes a player the one later commands act for when no --player is given. */
export class SetDefaultPlayer extends Command<PlayerView> {
  readonly agentSymbol: string;

  constructor(props: { agentSymbol: string }) {
    super();
    this.agentSymbol = props.agentSymbol;
  }

  override validate(): void {
    normalizeAgentSymbol(this.agentSymbol);
  }
}

@injectable()
export class SetDefaultPlayerHandler implements RequestHandler<SetDefaultPlayer> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: SetDefaultPlayer): Promise<PlayerView> {
    const player = this.players.resolve(request.agentSymbol);
    this.players.setDefault(player.agentSymbol);
    currentUnitOfWork()?.record(
      domainEvent('DefaultPlayerChanged', { agentSymbol: player.agentSymbol }, this.clock.now()),
    );
    return this.players.view(player);
  }
}
