import { inject, injectable } from 'inversify';
import { normalizeAgentSymbol } from '../../domain/player/player.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import { Players } from './players.js';
import type { PlayerView } from './player-view.js';

/** One player, by symbol or the default. */
export class GetPlayer extends Query<PlayerView> {
  readonly agentSymbol?: string;

  constructor(props: { agentSymbol?: string } = {}) {
    super();
    this.agentSymbol = props.agentSymbol;
  }

  override validate(): void {
    if (this.agentSymbol !== undefined) normalizeAgentSymbol(this.agentSymbol);
  }
}

@injectable()
export class GetPlayerHandler implements RequestHandler<GetPlayer> {
  constructor(@inject(Players) private readonly players: Players) {}

  async handle(request: GetPlayer): Promise<PlayerView> {
    const player = this.players.resolve(request.agentSymbol);
    return this.players.view(player);
  }
}
