import type { Player } from '../../domain/player.js';
import type { Clock } from '../../ports/clock.js';
import type { PlayerRepository, SettingsRepository } from '../../ports/player-repository.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { ShipDto, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { resolvePlayer } from '../player/resolve-player.js';

/** What every ship command needs: the acting player, the ship as the server sees it now, and a way to store changes. */
export class ShipAction {
  constructor(
    readonly api: SpaceTradersApi,
    private readonly players: PlayerRepository,
    private readonly settings: SettingsRepository,
    private readonly ships: ShipRepository,
    readonly clock: Clock,
  ) {}

  async load(playerSymbol: string | undefined, shipSymbol: string): Promise<{ player: Player; ship: ShipDto }> {
    const player = resolvePlayer(this.players, this.settings, playerSymbol);
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
