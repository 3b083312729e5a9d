import { inject, injectable } from 'inversify';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { toShipView, type ShipView } from './ship-view.js';

/** The player's ships, fresh from the server (and cached for planning). */
export class ListShips extends Query<ShipView[]> {
  readonly player?: string;

  constructor(props: { player?: string } = {}) {
    super();
    this.player = props.player;
  }
}

@injectable()
export class ListShipsHandler implements RequestHandler<ListShips> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.ShipRepository) private readonly ships: ShipRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: ListShips): Promise<ShipView[]> {
    const player = this.players.resolve(request.player);
    const ships = await this.api.listShips(player.token);
    const now = this.clock.now();
    for (const ship of ships) this.ships.save(player.agentSymbol, ship, now);
    return ships.map((ship) => toShipView(ship, now));
  }
}
