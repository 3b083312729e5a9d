import { inject, injectable } from 'inversify';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import type { SystemRepository } from '../../ports/system-repository.js';
import { TOKENS } from '../../ports/tokens.js';
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
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.SystemRepository) private readonly systems: SystemRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: ListWaypoints): Promise<WaypointView[]> {
    const player = this.players.resolve(request.player);
    const system = await new SystemMap(this.api, this.systems, this.clock).load(player, request.systemSymbol.toUpperCase());
    const markets = new Map(system.markets.map((m) => [m.symbol, m]));
    return system.waypoints
      .filter((w) => (!request.type || w.type === request.type) && (!request.trait || w.traits.some((t) => t.symbol === request.trait)))
      .map((w) => ({ symbol: w.symbol, type: w.type, x: w.x, y: w.y, traits: w.traits.map((t) => t.symbol), sellsFuel: marketSellsFuel(markets.get(w.symbol)), orbits: w.orbits ?? null }));
  }
}
