import { inject, injectable } from 'inversify';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { PlayerRepository, SettingsRepository } from '../../ports/player-repository.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { ShipAction } from './ship-action.js';
import { requireShipSymbol } from './ship-symbol.js';
import { toDomainShip, toShipView, type ShipView } from './ship-view.js';

/** Docks a ship in orbit; a docked ship needs no call. */
export class DockShip extends Command<ShipView> {
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

  claims(): string[] {
    return [`ship:${this.shipSymbol.toUpperCase()}`];
  }
}

@injectable()
export class DockShipHandler implements RequestHandler<DockShip> {
  private readonly action: ShipAction;

  constructor(
    @inject(TOKENS.SpaceTradersApi) api: SpaceTradersApi,
    @inject(TOKENS.PlayerRepository) players: PlayerRepository,
    @inject(TOKENS.SettingsRepository) settings: SettingsRepository,
    @inject(TOKENS.ShipRepository) ships: ShipRepository,
    @inject(TOKENS.Clock) clock: Clock,
  ) {
    this.action = new ShipAction(api, players, settings, ships, clock);
  }

  async handle(request: DockShip): Promise<ShipView> {
    const { player, ship } = await this.action.load(request.player, request.shipSymbol);
    const needed = toDomainShip(ship).ensureDocked(this.action.clock.now());
    const nav = needed ? await this.action.api.dock(player.token, ship.symbol) : ship.nav;
    return toShipView(this.action.save(player, ship, { nav }), this.action.clock.now());
  }
}
