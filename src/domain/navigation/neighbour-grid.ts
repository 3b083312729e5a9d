import { LEG_OVERHEAD_SECONDS } from './flight-mode.js';

const NONE = new Int32Array(0);
/** Points per cell the grid aims at. */
const PER_CELL = 4;
/** Below this many points a scan of them all is as cheap as the grid (and building none is cheaper). */
const SMALL = 64;

/**
 * Points (a search's candidate stops) in a uniform grid, so a leg's search can look only at those
 * within reach of where it leaves from. `within` lists them by position in the original arrays,
 * ascending: the search then takes them in the same order as a scan of them all would.
 */
export class NeighbourGrid {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Per cell, where its points start in `items` (one more entry for the end). */
  private readonly start: Int32Array;
  /** Positions of the points, cell by cell, ascending within a cell. */
  private readonly items: Int32Array;
  private readonly found: Int32Array;
  /** One bit per point, all clear between calls. */
  private readonly marks: Int32Array;

  constructor(
    private readonly xs: Float64Array,
    private readonly ys: Float64Array,
  ) {
    const count = xs.length;
    if (count < SMALL) {
      // A few points are scanned: no grid for them.
      this.minX = this.minY = this.cell = this.cols = this.rows = 0;
      this.start = this.items = this.found = this.marks = NONE;
      return;
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < count; k++) {
      minX = Math.min(minX, xs[k]!);
      maxX = Math.max(maxX, xs[k]!);
      minY = Math.min(minY, ys[k]!);
      maxY = Math.max(maxY, ys[k]!);
    }
    const side = Math.ceil(Math.sqrt(count / PER_CELL));
    const extent = Math.max(maxX - minX, maxY - minY);
    this.minX = minX;
    this.minY = minY;
    this.cell = extent > 0 ? extent / side : 1;
    this.cols = Math.floor((maxX - minX) / this.cell) + 1;
    this.rows = Math.floor((maxY - minY) / this.cell) + 1;
    const cellOf = new Int32Array(count);
    this.start = new Int32Array(this.cols * this.rows + 1);
    for (let k = 0; k < count; k++) {
      cellOf[k] = this.column(xs[k]!) + this.cols * this.row(ys[k]!);
      this.start[cellOf[k]! + 1]! += 1;
    }
    for (let c = 0; c < this.cols * this.rows; c++) this.start[c + 1]! += this.start[c]!;
    this.items = new Int32Array(count);
    const next = this.start.slice(0, -1);
    for (let k = 0; k < count; k++) this.items[next[cellOf[k]!]!++] = k;
    this.found = new Int32Array(count);
    this.marks = new Int32Array((count >> 5) + 1);
  }

  /**
   * The positions of the points within `radius` of (x, y), ascending; undefined when the cells to
   * look at are most of the grid, or there is no grid (a scan of every point is then as cheap). The
   * list is reused by the next call.
   */
  within(x: number, y: number, radius: number): Int32Array | undefined {
    if (!(radius < Infinity) || this.items.length === 0) return undefined;
    const c0 = Math.max(0, this.column(x - radius));
    const c1 = Math.min(this.cols - 1, this.column(x + radius));
    const r0 = Math.max(0, this.row(y - radius));
    const r1 = Math.min(this.rows - 1, this.row(y + radius));
    if (c1 < c0 || r1 < r0) return this.found.subarray(0, 0);
    if (2 * (c1 - c0 + 1) * (r1 - r0 + 1) > this.cols * this.rows) return undefined;
    const { xs, ys, items, start, found, marks } = this;
    const squared = radius * radius;
    // Mark the points in a bitmap, then read it in order: ascending, with no sort.
    let low = marks.length;
    let high = -1;
    for (let r = r0; r <= r1; r++) {
      for (let c = r * this.cols + c0, last = r * this.cols + c1; c <= last; c++) {
        for (let at = start[c]!, end = start[c + 1]!; at < end; at++) {
          const k = items[at]!;
          const dx = xs[k]! - x;
          const dy = ys[k]! - y;
          if (dx * dx + dy * dy <= squared) {
            const word = k >> 5;
            marks[word]! |= 1 << (k & 31);
            if (word < low) low = word;
            if (word > high) high = word;
          }
        }
      }
    }
    let count = 0;
    for (let word = low; word <= high; word++) {
      let bits = marks[word]!;
      marks[word] = 0;
      while (bits !== 0) {
        const lowest = bits & -bits;
        found[count++] = (word << 5) | (31 - Math.clz32(lowest));
        bits ^= lowest;
      }
    }
    return found.subarray(0, count);
  }

  private column(x: number): number {
    return Math.floor((x - this.minX) / this.cell);
  }

  private row(y: number): number {
    return Math.floor((y - this.minY) / this.cell);
  }
}

/**
 * How far a leg can go and still be queued, in any of the modes (by their rates), with `spare` fuel
 * above the reserve (Infinity for a ship without a tank) and `slack` seconds left under the bound:
 * a unit more, for rounding. A leg of u rounded units (its distance under u + ½) costs max(1, ρu)
 * fuel, and takes round(u·μ/speed + 15) ≥ u·μ/speed + 14.5 seconds, which must stay under the slack.
 */
export function legReach(
  spare: number,
  slack: number,
  fuelRates: Float64Array,
  navigateRates: Float64Array,
  engineSpeed: number,
): number {
  if (spare < 1) return 0;
  let reach = 0;
  for (let m = 0; m < navigateRates.length; m++) {
    let far = ((slack - LEG_OVERHEAD_SECONDS + 0.5) * engineSpeed) / navigateRates[m]! + 0.5;
    if (fuelRates[m]! > 0) far = Math.min(far, Math.floor(spare / fuelRates[m]!) + 0.5);
    reach = Math.max(reach, far);
  }
  return reach + 1;
}
