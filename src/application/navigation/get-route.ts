import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../domain/errors.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { RouteProgress, RouteRepository } from '../../ports/route-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { ShipQuery } from '../ships/ship-action.js';

/** The last route a ship was sent on, and how far along it got. */
export class GetRoute extends ShipQuery<RouteProgress> {}

@injectable()
export class GetRouteHandler implements RequestHandler<GetRoute> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.RouteRepository) private readonly routes: RouteRepository,
  ) {}

  async handle(request: GetRoute): Promise<RouteProgress> {
    const player = this.players.resolve(request.player);
    const progress = this.routes.find(player.agentSymbol, request.shipSymbol.toUpperCase());
    if (!progress) throw new NotFoundError(`ship ${request.shipSymbol.toUpperCase()} has not been sent anywhere yet`);
    return progress;
  }
}
