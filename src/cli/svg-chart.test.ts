import { describe, expect, it } from 'vitest';
import { elementsNamed, parseXml, textOf } from '../test-support/xml.js';
import { type ChartSeries, escapeXml, lineChartSvg, numberTicks, PLOT, timeTicks } from './svg-chart.js';

const T0 = Date.parse('2026-12-01T12:00:00Z');
const MIN = 60_000;

const series: ChartSeries[] = [
  { label: 'X1-A buy', colour: '#1c7ed6', points: [0, 10, 30].map((m, i) => ({ x: T0 + m * MIN, y: 100 + i * 7 })) },
  {
    label: 'X1-A sell',
    colour: '#1c7ed6',
    dashed: true,
    points: [0, 10, 30].map((m, i) => ({ x: T0 + m * MIN, y: 49 + i })),
  },
  { label: 'X1-B buy', colour: '#d9480f', points: [{ x: T0 + 20 * MIN, y: 130 }] },
];

function parsedChart(chartSeries = series, title = 'IRON at 2 markets') {
  return parseXml(lineChartSvg({ title, yLabel: 'credits per unit', series: chartSeries }));
}

/** The numbers of a polyline's points attribute. */
const coordinates = (points: string) =>
  points.split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);

describe('the SVG line chart', () => {
  it('is well-formed XML with an <svg> root', () => {
    const svg = lineChartSvg({ title: 'IRON', yLabel: 'credits', series });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(parsedChart().name).toBe('svg');
  });

  it('draws one polyline per series, dashed only where asked', () => {
    const lines = elementsNamed(parsedChart(), 'polyline');
    expect(lines.map((l) => l.attributes['data-series'])).toEqual(['X1-A buy', 'X1-A sell', 'X1-B buy']);
    expect(lines.map((l) => 'stroke-dasharray' in l.attributes)).toEqual([false, true, false]);
    expect(lines[0]!.attributes.stroke).toBe('#1c7ed6');
  });

  it('scales every point inside the plot area, later times further right, higher prices higher up', () => {
    const lines = elementsNamed(parsedChart(), 'polyline');
    for (const line of lines)
      for (const [x, y] of coordinates(line.attributes.points!)) {
        expect(x).toBeGreaterThanOrEqual(PLOT.left);
        expect(x).toBeLessThanOrEqual(PLOT.left + PLOT.width);
        expect(y).toBeGreaterThanOrEqual(PLOT.top);
        expect(y).toBeLessThanOrEqual(PLOT.top + PLOT.height);
      }
    const buy = coordinates(lines[0]!.attributes.points!);
    expect(buy[0]![0]).toBeLessThan(buy[1]![0]);
    expect(buy[0]![1]).toBeGreaterThan(buy[2]![1]);
    // The earliest point on the left edge, the latest on the right one.
    expect(buy[0]![0]).toBe(PLOT.left);
    expect(buy[2]![0]).toBe(PLOT.left + PLOT.width);
  });

  it('labels both axes with ticks, and has a title and a legend naming every series', () => {
    const root = parsedChart();
    const texts = elementsNamed(root, 'text');
    const byClass = (name: string) => texts.filter((t) => t.attributes.class === name).map(textOf);
    expect(byClass('title')).toEqual(['IRON at 2 markets']);
    expect(byClass('x-tick')).toEqual(['12:00', '12:05', '12:10', '12:15', '12:20', '12:25', '12:30']);
    expect(byClass('y-tick').length).toBeGreaterThanOrEqual(3);
    expect(byClass('y-tick')).toContain('100');
    expect(byClass('y-label')).toEqual(['credits per unit']);
    const legend = elementsNamed(root, 'g').filter((g) => g.attributes.class === 'legend');
    expect(legend.map(textOf)).toEqual(['X1-A buy', 'X1-A sell', 'X1-B buy']);
  });

  it('escapes text: a title or a label with markup stays text', () => {
    const root = parsedChart([{ ...series[0]!, label: `<b>"A&B's"</b>` }], 'IRON </svg> & <script>');
    const title = elementsNamed(root, 'text').find((t) => t.attributes.class === 'title')!;
    expect(textOf(title)).toBe('IRON </svg> & <script>');
    expect(elementsNamed(root, 'script')).toEqual([]);
    expect(elementsNamed(root, 'polyline')[0]!.attributes['data-series']).toBe(`<b>"A&B's"</b>`);
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('labels the time axis even when the points are a moment apart (reads within one second)', () => {
    for (const gap of [0, 300, 999, 4_000]) {
      const svg = lineChartSvg({
        title: 'close reads',
        yLabel: 'credits',
        series: [
          {
            label: 'X',
            colour: '#000',
            points: [
              { x: T0 + 250, y: 1 },
              { x: T0 + 250 + gap, y: 2 },
            ],
          },
        ],
      });
      expect(svg.match(/class="x-tick"/g)?.length ?? 0, `gap ${gap} ms`).toBeGreaterThanOrEqual(2);
    }
  });

  it('draws a single point and a flat line inside the plot, and a balance as steps', () => {
    const flat = parsedChart([{ label: 'credits', colour: '#000', step: true, points: [{ x: T0, y: 500 }] }]);
    const [[x, y]] = coordinates(elementsNamed(flat, 'polyline')[0]!.attributes.points!) as [[number, number]];
    expect(x).toBeGreaterThan(PLOT.left);
    expect(y).toBeGreaterThan(PLOT.top);
    expect(y).toBeLessThan(PLOT.top + PLOT.height);
    const steps = parsedChart([
      {
        label: 'credits',
        colour: '#000',
        step: true,
        points: [
          { x: T0, y: 100 },
          { x: T0 + MIN, y: 50 },
        ],
      },
    ]);
    const points = coordinates(elementsNamed(steps, 'polyline')[0]!.attributes.points!);
    expect(points).toHaveLength(3);
    // Holds the first value until the second moment, then drops.
    expect(points[1]![1]).toBe(points[0]![1]);
    expect(points[1]![0]).toBe(points[2]![0]);
  });
});

describe('axis ticks', () => {
  it('puts number ticks on round values covering the range', () => {
    expect(numberTicks(0, 100).map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(numberTicks(172_400, 175_100).map((t) => t.label)).toContain('173,000');
    expect(numberTicks(0.1, 0.3).every((t) => t.label.length < 6)).toBe(true);
    // A span just over a round step still gets at least four ticks.
    expect(numberTicks(53, 175).map((t) => t.value)).toEqual([60, 80, 100, 120, 140, 160]);
    expect(numberTicks(99, 201).length).toBeGreaterThanOrEqual(4);
  });

  it('puts time ticks on whole minutes, hours or days, with the date when the span crosses one', () => {
    expect(timeTicks(T0, T0 + 3 * 3600_000).map((t) => t.label)).toEqual([
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
    ]);
    expect(timeTicks(T0, T0 + 30_000).map((t) => t.label)[1]).toBe('12:00:05');
    expect(
      timeTicks(T0, T0 + 3 * 86_400_000)
        .map((t) => t.label)
        .slice(0, 2),
    ).toEqual(['12-01 12:00', '12-02 00:00']);
    expect(timeTicks(T0, T0 + 5 * 86_400_000).map((t) => t.label)).toEqual([
      '12-02',
      '12-03',
      '12-04',
      '12-05',
      '12-06',
    ]);
    expect(timeTicks(T0 + 10 * 3600_000, T0 + 14 * 3600_000)[0]!.label).toMatch(/^12-01 22:00$/);
  });
});
