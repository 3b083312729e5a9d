import { inject, injectable } from 'inversify';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { PlayerRepository, SettingsRepository } from '../../ports/player-repository.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { resolvePlayer } from '../player/resolve-player.js';
import { requireShipSymbol } from './ship-symbol.js';
import { toShipView, type ShipView } from './ship-view.js';

/** One ship, fresh from the server. */
export class GetShip extends Query<ShipView> {
  readonly shipSymbol: string;
  readonly player?: string;

  constructor(props: { shipSymbol: string; player?: string }) {
    super();
    this.shipSymbol = props.shipSymbol;
    this.player = props.player;
  }

  override validate(): void {
    requireShipSymbol(this.shipSymbol);
  }
}

@injectable()
export class GetShipHandler implements RequestHandler<GetShip> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.PlayerRepository) private readonly players: PlayerRepository,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
    @inject(TOKENS.ShipRepository) private readonly ships: ShipRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: GetShip): Promise<ShipView> {
    const player = resolvePlayer(this.players, this.settings, request.player);
    const ship = await this.api.getShip(player.token, request.shipSymbol.toUpperCase());
    this.ships.save(player.agentSymbol, ship, this.clock.now());
    return toShipView(ship, this.clock.now());
  }
}
