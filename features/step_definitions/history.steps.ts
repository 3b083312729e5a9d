import { Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { PlayerWorld } from '../support/world.js';

interface History {
  good: string;
  markets: Array<{
    waypoint: string;
    points: Array<{ at: string; purchasePrice: number; sellPrice: number; supply: string; tradeVolume: number }>;
  }>;
}

Then(
  'the history of {string} at {string} has {int} points, oldest first, each with its prices and supply',
  function (this: PlayerWorld, good: string, waypoint: string, count: number) {
    const history = JSON.parse(this.lastResult.stdout) as History;
    assert.equal(history.good, good);
    const market = history.markets.find((m) => m.waypoint === waypoint);
    assert.ok(market, `no history at ${waypoint}: ${this.lastResult.stdout}`);
    assert.equal(market.points.length, count);
    const times = market.points.map((p) => Date.parse(p.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.ok(times[0]! < times.at(-1)!, 'the reads have the same time');
    for (const point of market.points) {
      assert.ok(point.purchasePrice > point.sellPrice, `buy ${point.purchasePrice} not above sell ${point.sellPrice}`);
      assert.match(point.supply, /^(SCARCE|LIMITED|MODERATE|HIGH|ABUNDANT)$/);
      assert.equal(point.tradeVolume, 20);
    }
  },
);

Then(
  '{string} in my folder is an SVG chart with {int} lines titled {string}',
  function (this: PlayerWorld, file: string, lines: number, title: string) {
    const svg = readFileSync(`${this.dir}/${file}`, 'utf8');
    assert.ok(svg.startsWith('<svg'), 'not an SVG document');
    assert.ok(svg.trimEnd().endsWith('</svg>'), 'the SVG document is cut short');
    assert.equal(svg.match(/<polyline /g)?.length ?? 0, lines);
    assert.ok(svg.includes(title), `no title "${title}"`);
    assert.ok(/class="x-tick"/.test(svg) && /class="y-tick"/.test(svg), 'no labelled axis ticks');
  },
);
