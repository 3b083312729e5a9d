import { inject, injectable } from 'inversify';
import { Command, type RequestHandler } from '../../mediator/request.js';
import { Players } from '../player/players.js';
import { marketSellsFuel, SystemMap } from './system-map.js';
import { requireSystemSymbol } from './system-symbol.js';

export interface SyncedSystem {
  systemSymbol: string;
  waypoints: number;
  markets: number;
  fuelStations: number;
  syncedAt: string;
}

/** Fetches a system's waypoints, markets and gate links into the local cache (always, ignoring the TTL). */
export class SyncSystem extends Command<SyncedSystem> {
  readonly systemSymbol: string;
  readonly player?: string;

  constructor(props: { systemSymbol: string; player?: string }) {
    super();
    this.systemSymbol = props.systemSymbol;
    this.player = props.player;
  }

  override validate(): void {
    requireSystemSymbol(this.systemSymbol);
  }
}

@injectable()
export class SyncSystemHandler implements RequestHandler<SyncSystem> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(SystemMap) private readonly map: SystemMap,
  ) {}

  async handle(request: SyncSystem): Promise<SyncedSystem> {
    const player = this.players.resolve(request.player);
    const system = await this.map.load(player, request.systemSymbol.toUpperCase(), { refresh: true });
    await this.map.links(player, system.systemSymbol, { refresh: true });
    return {
      systemSymbol: system.systemSymbol,
      waypoints: system.waypoints.length,
      markets: system.markets.length,
      fuelStations: system.markets.filter(marketSellsFuel).length,
      syncedAt: new Date(system.syncedAt).toISOString(),
    };
  }
}
