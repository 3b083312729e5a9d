import { distance, jumpCooldownSeconds, type Point } from './flight-mode.js';
import type { NavSystem, NavWaypoint } from './route.js';

/**
 * The planner's map: waypoints by index, grouped by system, with their fuel stations and working
 * gates resolved to indexes once, so searches work on numbers and typed arrays.
 */
export class RouteMap {
  readonly points: readonly Point[];
  /** System id of each waypoint. */
  readonly systemOf: Int32Array;
  /** Waypoints of each system id. */
  readonly members: ReadonlyArray<readonly number[]>;
  /** Fuel stations of each system id. */
  readonly stations: ReadonlyArray<readonly number[]>;
  /** 1 where the waypoint sells fuel. */
  readonly fuelSold: Uint8Array;
  /** Working gates of each system id: waypoints a jump leaves from or lands on. */
  readonly gates: ReadonlyArray<readonly number[]>;
  /** Galaxy position of each system id; undefined when unknown (no warps to or from it). */
  readonly systemPoints: ReadonlyArray<Point | undefined>;
  /** Where a warp into each system id may usefully land: its fuel stations and gates. */
  readonly landings: ReadonlyArray<readonly number[]>;
  /** Per waypoint: the gates it jumps to (in other systems on the map) and each jump's cooldown. */
  readonly jumps: ReadonlyArray<ReadonlyArray<{ to: number; seconds: number }>>;
  /** Symbol to index, built once lookups are frequent (or jumps need it): until then a scan. */
  private index: Map<string, number> | undefined;
  private lookups = 0;
  private intoWaypoints: Array<readonly Jump[]> | undefined;
  private intoSystems: Array<readonly Jump[]> | undefined;

  constructor(
    readonly waypoints: readonly NavWaypoint[],
    systems: readonly NavSystem[] = [],
  ) {
    this.points = waypoints;
    const placed = new Map(systems.map((s) => [s.symbol, s]));
    const ids = new Map<string, number>();
    const systemOf = new Int32Array(waypoints.length);
    const members: number[][] = [];
    waypoints.forEach((w, i) => {
      let id = ids.get(w.systemSymbol);
      if (id === undefined) {
        id = members.length;
        ids.set(w.systemSymbol, id);
        members.push([]);
      }
      systemOf[i] = id;
      members[id]!.push(i);
    });
    const index = waypoints.some((w) => w.jumpsTo?.length) ? this.symbolIndex() : undefined;
    this.jumps = waypoints.map((w) => {
      if (!w.jumpsTo?.length || !index) return NO_JUMPS;
      const out: Array<{ to: number; seconds: number }> = [];
      for (const gate of w.jumpsTo ?? []) {
        const to = index.get(gate);
        if (to === undefined || waypoints[to]!.systemSymbol === w.systemSymbol) continue;
        const a = placed.get(w.systemSymbol);
        const b = placed.get(waypoints[to]!.systemSymbol);
        out.push({ to, seconds: jumpCooldownSeconds(a && b ? distance(a, b) : 0) });
      }
      return out;
    });
    this.systemOf = systemOf;
    this.members = members;
    this.fuelSold = new Uint8Array(waypoints.length);
    for (let i = 0; i < waypoints.length; i++) if (waypoints[i]!.sellsFuel) this.fuelSold[i] = 1;
    this.stations = members.map((list) => list.filter((i) => waypoints[i]!.sellsFuel));
    const gate = new Uint8Array(waypoints.length);
    this.jumps.forEach((out, i) => {
      if (out.length > 0) gate[i] = 1;
      for (const jump of out) gate[jump.to] = 1;
    });
    this.gates = members.map((list) => list.filter((i) => gate[i]));
    const symbols = [...ids.keys()];
    this.systemPoints = symbols.map((symbol) => placed.get(symbol));
    // A warp's length depends on the systems alone, so landing anywhere but where the ship refuels,
    // jumps on or ends (the destination, added by the search) is never faster than landing there.
    // A system with neither can still be a stepping stone for another warp: any one waypoint will do.
    this.landings = members.map((list) => {
      const useful = list.filter((i) => gate[i] || this.fuelSold[i]);
      return useful.length > 0 ? useful : list.slice(0, 1);
    });
  }

  indexOf(symbol: string): number | undefined {
    if (this.index || ++this.lookups > SCANNED_LOOKUPS) return this.symbolIndex().get(symbol);
    // The last waypoint of that symbol, as the index keeps.
    for (let i = this.waypoints.length - 1; i >= 0; i--) if (this.waypoints[i]!.symbol === symbol) return i;
    return undefined;
  }

  private symbolIndex(): Map<string, number> {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.waypoints.length; i++) this.index.set(this.waypoints[i]!.symbol, i);
    }
    return this.index;
  }

  /** The jumps reversed, per waypoint they land on: where they leave from and their cooldowns (kept). */
  get jumpsIntoWaypoints(): ReadonlyArray<readonly Jump[]> {
    this.intoWaypoints ??= this.reversedJumps(this.points.length, (waypoint) => waypoint);
    return this.intoWaypoints;
  }

  /** The jumps reversed between systems: per system, the systems jumps into it leave from (kept). */
  get jumpsIntoSystems(): ReadonlyArray<readonly Jump[]> {
    this.intoSystems ??= this.reversedJumps(this.members.length, (waypoint) => this.systemOf[waypoint]!);
    return this.intoSystems;
  }

  private reversedJumps(places: number, at: (waypoint: number) => number): Array<readonly Jump[]> {
    const into = new Array<Jump[]>(places).fill(NO_JUMPS_INTO as Jump[]);
    for (let from = 0; from < this.jumps.length; from++) {
      for (const jump of this.jumps[from]!) {
        const place = at(jump.to);
        if (into[place] === NO_JUMPS_INTO) into[place] = [];
        into[place]!.push({ from: at(from), seconds: jump.seconds });
      }
    }
    return into;
  }
}

/** A jump reversed: where it leaves from, and its cooldown. */
interface Jump {
  from: number;
  seconds: number;
}

/** A planner asks for its start and destination on every plan: a map kept for more plans builds its index. */
const SCANNED_LOOKUPS = 4;
const NO_JUMPS: ReadonlyArray<{ to: number; seconds: number }> = [];
const NO_JUMPS_INTO: readonly Jump[] = [];
