import { inject, injectable } from 'inversify';
import { Query, type RequestHandler } from '../../mediator/request.js';
import { Players } from './players.js';
import type { PlayerView } from './player-view.js';

/** Every player this bot knows, oldest first. */
export class ListPlayers extends Query<PlayerView[]> {
  constructor(_props: Record<string, never> = {}) {
    super();
  }
}

@injectable()
export class ListPlayersHandler implements RequestHandler<ListPlayers> {
  constructor(@inject(Players) private readonly players: Players) {}

  async handle(): Promise<PlayerView[]> {
    return this.players.list().map((player) => this.players.view(player));
  }
}
