import { inject, injectable } from 'inversify';
import type { Player } from '../../domain/player/player.js';
import type { NavWaypoint } from '../../domain/navigation/route.js';
import type { Clock } from '../../ports/clock.js';
import type { MarketDto, SpaceTradersApi, WaypointDto } from '../../ports/spacetraders-api.js';
import type { CachedSystem, SystemLinks, SystemRepository } from '../../ports/system-repository.js';
import { TOKENS } from '../../ports/tokens.js';

/** How long a system's waypoints, market listings and gate links are trusted before they are fetched again. */
const SYSTEM_TTL_MS = 24 * 3600_000;

/**
 * A player's map of a system: waypoints and which markets trade what (one waypoint listing plus one
 * call per marketplace), and its position and gate links; from the cache while fresh, else the API.
 */
@injectable()
export class SystemMap {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.SystemRepository) private readonly systems: SystemRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async load(player: Player, systemSymbol: string, options: { refresh?: boolean } = {}): Promise<CachedSystem> {
    const cached = this.systems.find(player.agentSymbol, systemSymbol);
    if (cached && !options.refresh && this.fresh(cached.syncedAt)) return cached;
    const waypoints = await this.api.listWaypoints(player.token, systemSymbol);
    const markets: MarketDto[] = [];
    for (const waypoint of waypoints) {
      if (waypoint.traits.some((t) => t.symbol === 'MARKETPLACE'))
        markets.push(await this.api.getMarket(player.token, systemSymbol, waypoint.symbol));
    }
    const system = { systemSymbol, waypoints, markets, syncedAt: this.clock.now() };
    this.systems.save(player.agentSymbol, system);
    return system;
  }

  /**
   * A system's position and where its gate leads: from the cache while fresh, else two or three
   * calls (the gate itself comes from the cached waypoints when they are fresh).
   */
  async links(player: Player, systemSymbol: string, options: { refresh?: boolean } = {}): Promise<SystemLinks> {
    const cached = this.systems.findLinks(player.agentSymbol, systemSymbol);
    if (cached && !options.refresh && this.fresh(cached.syncedAt)) return cached;
    const system = await this.api.getSystem(player.token, systemSymbol);
    const known = this.systems.find(player.agentSymbol, systemSymbol);
    const waypoints =
      known && this.fresh(known.syncedAt)
        ? known.waypoints
        : await this.api.listWaypoints(player.token, systemSymbol, { type: 'JUMP_GATE' });
    const gate = waypoints.find((w) => w.type === 'JUMP_GATE');
    const links: SystemLinks = { systemSymbol, x: system.x, y: system.y, syncedAt: this.clock.now() };
    if (gate) {
      const connections = gate.isUnderConstruction
        ? []
        : (await this.api.getJumpGate(player.token, systemSymbol, gate.symbol)).connections;
      links.gate = {
        symbol: gate.symbol,
        x: gate.x,
        y: gate.y,
        underConstruction: gate.isUnderConstruction,
        connections,
      };
    }
    this.systems.saveLinks(player.agentSymbol, links);
    return links;
  }

  private fresh(syncedAt: number): boolean {
    return this.clock.now() - syncedAt < SYSTEM_TTL_MS;
  }
}

/** True when the market trades FUEL — the MARKETPLACE trait alone says nothing about fuel. */
export function marketSellsFuel(market: MarketDto | undefined): boolean {
  if (!market) return false;
  return [...market.exports, ...market.exchange, ...market.imports].some((good) => good.symbol === 'FUEL');
}

/** The planner's view of a cached system. */
export function navWaypoints(
  system: CachedSystem,
  gates: ReadonlyMap<string, readonly string[]> = new Map(),
): NavWaypoint[] {
  const markets = new Map(system.markets.map((m) => [m.symbol, m]));
  return system.waypoints.map((w: WaypointDto) => ({
    symbol: w.symbol,
    systemSymbol: w.systemSymbol,
    x: w.x,
    y: w.y,
    sellsFuel: marketSellsFuel(markets.get(w.symbol)),
    ...(gates.has(w.symbol) ? { jumpsTo: gates.get(w.symbol) } : {}),
  }));
}
