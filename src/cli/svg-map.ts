import type { WaypointView } from '../application/systems/list-waypoints.js';
import type { Route } from '../domain/navigation/route.js';

const SIZE = 800;
const MARGIN = 60;
const MODE_STYLE: Record<string, string> = {
  BURN: 'stroke="#d9480f" stroke-width="3"',
  CRUISE: 'stroke="#1c7ed6" stroke-width="3"',
  STEALTH: 'stroke="#7048e8" stroke-width="3"',
  DRIFT: 'stroke="#868e96" stroke-width="3" stroke-dasharray="8 6"',
};

/**
 * A system drawn as SVG: every waypoint (fuel sellers in green, gates as diamonds), orbitals
 * grouped with their parent, and optionally a planned route with each leg's flight mode.
 */
export function systemMapSvg(systemSymbol: string, waypoints: readonly WaypointView[], route?: Route): string {
  const xs = waypoints.map((w) => w.x);
  const ys = waypoints.map((w) => w.y);
  const span = Math.max(1, Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  // Room on the right for the labels.
  const scale = (SIZE - 2 * MARGIN - 110) / span;
  const px = (x: number) => MARGIN + (x - Math.min(...xs)) * scale;
  const py = (y: number) => MARGIN + (y - Math.min(...ys)) * scale;
  const bySymbol = new Map(waypoints.map((w) => [w.symbol, w]));
  const parts: string[] = [];
  parts.push(`<rect width="${SIZE}" height="${SIZE + 40}" fill="#f8f9fa"/>`);
  parts.push(
    `<text x="${MARGIN}" y="32" font-size="20" font-family="sans-serif">${escapeXml(systemSymbol)}${route ? ` — ${escapeXml(route.ship)} to ${escapeXml(route.destination)}` : ''}</text>`,
  );
  for (const leg of route?.legs ?? []) {
    const from = bySymbol.get(leg.from);
    const to = bySymbol.get(leg.to);
    if (!from || !to) continue;
    parts.push(
      `<line class="leg" x1="${px(from.x)}" y1="${py(from.y)}" x2="${px(to.x)}" y2="${py(to.y)}" ${MODE_STYLE[leg.mode] ?? MODE_STYLE.CRUISE}/>`,
    );
    parts.push(
      `<text x="${(px(from.x) + px(to.x)) / 2 + 6}" y="${(py(from.y) + py(to.y)) / 2 - 6}" font-size="12" font-family="sans-serif" fill="#495057">${leg.mode} ${leg.fuelCost} fuel</text>`,
    );
    if (leg.refuelBefore)
      parts.push(
        `<circle cx="${px(from.x)}" cy="${py(from.y)}" r="14" fill="none" stroke="#2f9e44" stroke-width="3"/>`,
      );
  }
  const placed = new Map<string, number>();
  for (const w of waypoints) {
    const key = `${w.x},${w.y}`;
    const stacked = placed.get(key) ?? 0;
    placed.set(key, stacked + 1);
    const x = px(w.x);
    const y = py(w.y);
    const fill = w.sellsFuel ? '#2f9e44' : w.type === 'JUMP_GATE' ? '#7048e8' : '#343a40';
    if (stacked === 0) {
      parts.push(
        w.type === 'JUMP_GATE'
          ? `<rect x="${x - 7}" y="${y - 7}" width="14" height="14" transform="rotate(45 ${x} ${y})" fill="${fill}"/>`
          : `<circle cx="${x}" cy="${y}" r="${w.type === 'PLANET' || w.type === 'GAS_GIANT' ? 8 : 5}" fill="${fill}"/>`,
      );
    }
    parts.push(
      `<text x="${x + 10}" y="${y + 4 + stacked * 14}" font-size="12" font-family="sans-serif" fill="${fill}">${escapeXml(w.symbol.split('-').pop() ?? w.symbol)} ${escapeXml(w.type.toLowerCase().replace(/_/g, ' '))}${w.sellsFuel ? ' (fuel)' : ''}</text>`,
    );
  }
  const legend = ['BURN', 'CRUISE', 'DRIFT'].map(
    (mode, i) =>
      `<line x1="${MARGIN + i * 150}" y1="${SIZE + 20}" x2="${MARGIN + i * 150 + 40}" y2="${SIZE + 20}" ${MODE_STYLE[mode]}/><text x="${MARGIN + i * 150 + 48}" y="${SIZE + 24}" font-size="12" font-family="sans-serif">${mode}</text>`,
  );
  parts.push(
    ...legend,
    `<text x="${MARGIN + 450}" y="${SIZE + 24}" font-size="12" font-family="sans-serif" fill="#2f9e44">green: sells fuel, ring: refuel stop</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE + 40}" viewBox="0 0 ${SIZE} ${SIZE + 40}">\n${parts.join('\n')}\n</svg>\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
