import { inject, injectable } from 'inversify';
import type { Player } from '../../domain/player/player.js';
import { Command, Query } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { ShipDto, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { requireShipSymbol } from './ship-symbol.js';

/** A command to one ship of a player's: it claims the ship while it runs in the daemon. */
export abstract class ShipCommand<TResult> extends Command<TResult> {
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

  override claims(): string[] {
    return [`ship:${this.shipSymbol.toUpperCase()}`];
  }
}

/** A question about one ship of a player's. */
export abstract class ShipQuery<TResult> extends Query<TResult> {
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

/** What every ship command needs: the acting player, the ship as the server sees it now, and a way to store changes. */
@injectable()
export class ShipAction {
  constructor(
    @inject(TOKENS.SpaceTradersApi) readonly api: SpaceTradersApi,
    @inject(Players) readonly players: Players,
    @inject(TOKENS.ShipRepository) private readonly ships: ShipRepository,
    @inject(TOKENS.Clock) readonly clock: Clock,
  ) {}

  async load(playerSymbol: string | undefined, shipSymbol: string): Promise<{ player: Player; ship: ShipDto }> {
    const player = this.players.resolve(playerSymbol);
    const ship = await this.api.getShip(player.token, shipSymbol.toUpperCase());
    return { player, ship };
  }

  /** Stores the ship, with a mutation response's parts merged in (nav, fuel, cargo...). */
  save(player: Player, ship: ShipDto, changes: Partial<ShipDto> = {}): ShipDto {
    const updated = { ...ship, ...changes };
    this.ships.save(player.agentSymbol, updated, this.clock.now());
    return updated;
  }
}
