/** One line of a chart: x is epoch ms, y a number of credits. */
export interface ChartSeries {
  label: string;
  colour: string;
  dashed?: boolean;
  /** Hold each value until the next point (a balance), instead of a straight line between points (a price). */
  step?: boolean;
  points: ReadonlyArray<{ x: number; y: number }>;
}

export interface LineChart {
  title: string;
  yLabel: string;
  series: readonly ChartSeries[];
}

/** A tick on an axis: where it sits (in data units) and what it says. */
export interface Tick {
  value: number;
  label: string;
}

/** The plot area inside the picture, in pixels. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

const WIDTH = 900;
const HEIGHT = 520;
export const PLOT: PlotArea = { left: 90, top: 50, width: WIDTH - 90 - 30, height: HEIGHT - 50 - 130 };
const FONT = 'font-family="sans-serif"';
const LEGEND_COLUMNS = 2;
/** Distinct colours, one per market (a palette readable on white). */
export const PALETTE = ['#1c7ed6', '#d9480f', '#2f9e44', '#7048e8', '#e64980', '#0c8599', '#f08c00', '#495057'];

/** Text made safe for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Maps a value of [min, max] onto [from, to] (a degenerate domain maps to the middle). */
function scale(min: number, max: number, from: number, to: number): (value: number) => number {
  if (max === min) return () => (from + to) / 2;
  return (value) => from + ((value - min) / (max - min)) * (to - from);
}

/** About `count` round ticks (1, 2 or 5 times a power of ten) covering [min, max]. */
export function numberTicks(min: number, max: number, count = 6): Tick[] {
  if (max <= min) return [{ value: min, label: formatNumber(min) }];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  // At least four ticks: the next rounder step down (5 → 2 → 1 → 0.5 times a power of ten).
  while ((max - min) / step < 3) step = smallerStep(step);
  const ticks: Tick[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step)
    ticks.push({ value, label: formatNumber(Math.round(value / step) * step) });
  return ticks;
}

function smallerStep(step: number): number {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const mantissa = Math.round(step / power);
  return mantissa === 5 ? 2 * power : mantissa === 2 ? power : power / 2;
}

function formatNumber(value: number): string {
  return Number(value.toPrecision(12)).toLocaleString('en-US');
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/** Ticks on whole seconds, minutes, hours or days (UTC) covering [min, max] epoch ms, at most about `count`. */
export function timeTicks(min: number, max: number, count = 6): Tick[] {
  const step = TIME_STEPS.find((s) => (max - min) / s <= count) ?? Math.ceil((max - min) / count / DAY) * DAY;
  const withDate =
    max - min >= DAY || new Date(min).toISOString().slice(0, 10) !== new Date(max).toISOString().slice(0, 10);
  const ticks: Tick[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max; value += step) {
    const iso = new Date(value).toISOString();
    const clock = step < MINUTE ? iso.slice(11, 19) : iso.slice(11, 16);
    ticks.push({ value, label: step >= DAY ? iso.slice(5, 10) : withDate ? `${iso.slice(5, 10)} ${clock}` : clock });
  }
  return ticks;
}

/** The shortest time axis drawn (as a single point always had): several labelled ticks fall inside it. */
const MIN_TIME_SPAN = 2 * MINUTE;

/** The data's extent, padded so a single point or a flat line still has room. */
function extent(series: readonly ChartSeries[]): { x: [number, number]; y: [number, number] } {
  const points = series.flatMap((s) => s.points);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  let x: [number, number] = points.length ? [Math.min(...xs), Math.max(...xs)] : [0, MINUTE];
  let y: [number, number] = points.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  // A span shorter than MIN_TIME_SPAN (one point, or reads a moment apart) is widened around its middle,
  // so the time axis always has labelled ticks.
  if (x[1] - x[0] < MIN_TIME_SPAN) {
    const middle = (x[0] + x[1]) / 2;
    x = [middle - MIN_TIME_SPAN / 2, middle + MIN_TIME_SPAN / 2];
  }
  const pad = y[0] === y[1] ? Math.max(1, Math.abs(y[0]) * 0.05) : (y[1] - y[0]) * 0.05;
  y = [y[0] - pad, y[1] + pad];
  return { x, y };
}

/** The `points` attribute of a series' polyline: straight segments, or steps for a balance. */
function polylinePoints(series: ChartSeries, px: (x: number) => number, py: (y: number) => number): string {
  const coords: Array<[number, number]> = [];
  series.points.forEach((p, i) => {
    if (series.step && i > 0) coords.push([px(p.x), py(series.points[i - 1]!.y)]);
    coords.push([px(p.x), py(p.y)]);
  });
  return coords.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A line chart as SVG: a title, a time axis and a value axis with labelled ticks and grid lines, one
 * polyline per series (dashed where asked, a dot on every point) and a legend below.
 */
export function lineChartSvg(chart: LineChart): string {
  const { x, y } = extent(chart.series);
  const px = scale(x[0], x[1], PLOT.left, PLOT.left + PLOT.width);
  const py = scale(y[0], y[1], PLOT.top + PLOT.height, PLOT.top);
  const bottom = PLOT.top + PLOT.height;
  // Room for the legend's rows.
  const height = Math.max(HEIGHT, bottom + 62 + Math.ceil(chart.series.length / LEGEND_COLUMNS) * 18);
  const parts: string[] = [
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text class="title" x="${WIDTH / 2}" y="30" font-size="18" text-anchor="middle" ${FONT}>${escapeXml(chart.title)}</text>`,
  ];
  for (const tick of numberTicks(y[0], y[1])) {
    const ty = round(py(tick.value));
    parts.push(
      `<line x1="${PLOT.left}" y1="${ty}" x2="${PLOT.left + PLOT.width}" y2="${ty}" stroke="#e9ecef"/>`,
      `<text class="y-tick" x="${PLOT.left - 8}" y="${ty + 4}" font-size="11" text-anchor="end" ${FONT}>${escapeXml(tick.label)}</text>`,
    );
  }
  for (const tick of timeTicks(x[0], x[1])) {
    const tx = round(px(tick.value));
    parts.push(
      `<line x1="${tx}" y1="${PLOT.top}" x2="${tx}" y2="${bottom}" stroke="#f1f3f5"/>`,
      `<text class="x-tick" x="${tx}" y="${bottom + 18}" font-size="11" text-anchor="middle" ${FONT}>${escapeXml(tick.label)}</text>`,
    );
  }
  parts.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.width}" height="${PLOT.height}" fill="none" stroke="#868e96"/>`,
    `<text class="x-label" x="${PLOT.left + PLOT.width / 2}" y="${bottom + 40}" font-size="12" text-anchor="middle" ${FONT}>time (UTC)</text>`,
    `<text class="y-label" x="20" y="${PLOT.top + PLOT.height / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 20 ${PLOT.top + PLOT.height / 2})" ${FONT}>${escapeXml(chart.yLabel)}</text>`,
  );
  for (const series of chart.series) {
    const dash = series.dashed ? ' stroke-dasharray="7 5"' : '';
    parts.push(
      `<polyline class="series" data-series="${escapeXml(series.label)}" points="${polylinePoints(series, px, py)}" fill="none" stroke="${series.colour}" stroke-width="2"${dash}/>`,
      ...series.points.map(
        (p) => `<circle cx="${round(px(p.x))}" cy="${round(py(p.y))}" r="2.5" fill="${series.colour}"/>`,
      ),
    );
  }
  parts.push(...legend(chart.series, bottom + 62));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">\n${parts.join('\n')}\n</svg>\n`;
}

/** A sample line and the label of every series, in rows under the plot (a market's buy and sell side by side). */
function legend(series: readonly ChartSeries[], top: number): string[] {
  const columnWidth = (WIDTH - PLOT.left) / LEGEND_COLUMNS;
  return series.map((s, i) => {
    const x = PLOT.left + (i % LEGEND_COLUMNS) * columnWidth;
    const y = top + Math.floor(i / LEGEND_COLUMNS) * 18;
    const dash = s.dashed ? ' stroke-dasharray="7 5"' : '';
    return `<g class="legend"><line x1="${x}" y1="${y}" x2="${x + 30}" y2="${y}" stroke="${s.colour}" stroke-width="2"${dash}/><text x="${x + 38}" y="${y + 4}" font-size="12" ${FONT}>${escapeXml(s.label)}</text></g>`;
  });
}
