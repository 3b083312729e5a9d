import { REFUEL, type Step } from './route-trip.js';

/**
 * The states (labels) of one route search, in parallel arrays, and the dominance rule that keeps
 * them few. A label is a (waypoint, fuel) state reached at some cost; each waypoint keeps the ids of
 * its labels that no other label dominates. A label dominates another at the same waypoint when it
 * costs no more, has at least as much fuel and is as free to jump (and, when a start cooldown makes
 * time and cost differ, has spent no more of its cost on fuel).
 */
export class Labels {
  readonly node: number[] = [];
  readonly fuel: number[] = [];
  readonly cost: number[] = [];
  readonly parent: number[] = [];
  readonly kind: number[] = [];
  readonly legDistance: number[] = [];
  readonly legSeconds: number[] = [];
  /** 1 once a label is dominated: the search skips it when it comes off the heap. */
  readonly dead: number[] = [];
  /** 1 once the route's last jump is made: the ship may not jump again. */
  readonly jumped: number[] = [];
  /** Seconds since the start (the cost less the fuel's weight). */
  readonly time: number[] = [];
  private readonly fronts: Array<number[] | undefined>;

  constructor(
    waypoints: number,
    /** Cost and time may part ways while a start cooldown is waited out with a fuel weight: see `fuelPartNoMore`. */
    private readonly waitAware: boolean,
  ) {
    this.fronts = new Array<number[] | undefined>(waypoints);
  }

  /**
   * Adds a label unless another at its waypoint dominates it, and marks dead those it dominates.
   * Returns its id, or -1 when it was dominated.
   */
  add(
    node: number,
    fuel: number,
    cost: number,
    time: number,
    parent: number,
    kind: number,
    legDistance: number,
    legSeconds: number,
    jumped: number,
  ): number {
    let front = this.fronts[node];
    if (!front) this.fronts[node] = front = [];
    for (let k = 0; k < front.length; k++) {
      const other = front[k]!;
      if (
        this.cost[other]! <= cost &&
        this.fuel[other]! >= fuel &&
        this.jumped[other]! <= jumped &&
        this.fuelPartNoMore(other, cost - time)
      )
        return -1;
    }
    let kept = 0;
    for (let k = 0; k < front.length; k++) {
      const other = front[k]!;
      if (
        this.cost[other]! >= cost &&
        this.fuel[other]! <= fuel &&
        this.jumped[other]! >= jumped &&
        this.fuelPartNoLess(other, cost - time)
      )
        this.dead[other] = 1;
      else front[kept++] = other;
    }
    front.length = kept;
    const id = this.node.length;
    this.node.push(node);
    this.fuel.push(fuel);
    this.cost.push(cost);
    this.parent.push(parent);
    this.kind.push(kind);
    this.legDistance.push(legDistance);
    this.legSeconds.push(legSeconds);
    this.dead.push(0);
    this.jumped.push(jumped);
    this.time.push(time);
    front.push(id);
    return id;
  }

  /** The steps from the start to label `id`, in order. */
  steps(id: number): Step[] {
    const chain: number[] = [];
    for (let at = id; at !== -1; at = this.parent[at]!) chain.push(at);
    chain.reverse();
    return chain.map((at) => {
      const parent = this.parent[at]!;
      return {
        node: this.node[at]!,
        from: parent === -1 ? this.node[at]! : this.node[parent]!,
        fuel: this.fuel[at]!,
        kind: this.kind[at]!,
        distance: this.legDistance[at]!,
        fuelUsed: parent === -1 || this.kind[at] === REFUEL ? 0 : this.fuel[parent]! - this.fuel[at]!,
        seconds: this.legSeconds[at]!,
      };
    });
  }

  /**
   * A wait for the start's cooldown shrinks as time passes, so with a fuel weight a label that is
   * cheaper but later is not always better: then it must also have spent no more on fuel. (Without a
   * cooldown to wait or a weight on fuel, cost alone decides.)
   */
  private fuelPartNoMore(other: number, fuelPart: number): boolean {
    return !this.waitAware || this.cost[other]! - this.time[other]! <= fuelPart;
  }

  private fuelPartNoLess(other: number, fuelPart: number): boolean {
    return !this.waitAware || this.cost[other]! - this.time[other]! >= fuelPart;
  }
}
