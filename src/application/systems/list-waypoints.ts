import { inject, injectable } from 'inversify';
import { Query, type RequestHandler } from '../../mediator/request.js';
import { Players } from '../player/players.js';
import { marketSellsFuel, SystemMap } from './system-map.js';
import { requireSystemSymbol } from './system-symbol.js';

export interface WaypointView {
  symbol: string;
  type: string;
  x: number;
  y: number;
  traits: string[];
  sellsFuel: boolean;
  orbits: string | null;
}

/** A system's waypoints, optionally filtered by type and trait (cached per player). */
export class ListWaypoints extends Query<WaypointView[]> {
  readonly systemSymbol: string;
  readonly type?: string;
  readonly trait?: string;
  readonly player?: string;

  constructor(props: { systemSymbol: string; type?: string; trait?: string; player?: string }) {
    super();
    this.systemSymbol = props.systemSymbol;
    this.type = props.type?.toUpperCase();
    this.trait = props.trait?.toUpperCase();
    this.player = props.player;
  }

  override validate(): void {
    requireSystemSymbol(this.systemSymbol);
  }
}

@injectable()
export class ListWaypointsHandler implements RequestHandler<ListWaypoints> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(SystemMap) private readonly map: SystemMap,
  ) {}

  async handle(request: ListWaypoints): Promise<WaypointView[]> {
    const player = this.players.resolve(request.player);
    const system = await this.map.load(player, request.systemSymbol.toUpperCase());
    const markets = new Map(system.markets.map((m) => [m.symbol, m]));
    return system.waypoints
      .filter(
        (w) =>
          (!request.type || w.type === request.type) &&
          (!request.trait || w.traits.some((t) => t.symbol === request.trait)),
      )
      .map((w) => ({
        symbol: w.symbol,
        type: w.type,
        x: w.x,
        y: w.y,
        traits: w.traits.map((t) => t.symbol),
        sellsFuel: marketSellsFuel(markets.get(w.symbol)),
        orbits: w.orbits ?? null,
      }));
  }
}
