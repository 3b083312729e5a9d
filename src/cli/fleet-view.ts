import type { FleetStatusView } from '../application/fleet/fleet-status.js';
import { table } from './output.js';

const n = (value: number) => value.toLocaleString('en-US');

/** `fleet status` as a table: one row per ship, then the totals. Pure, so tests and `--watch` share it. */
export function renderFleetStatus(view: FleetStatusView): string {
  const rows = view.ships.map((ship) => [
    ship.symbol,
    ship.role,
    ship.job ? `${ship.job.command} ${ship.job.container}` : 'idle',
    ship.location,
    ship.status,
    `${ship.cargo.units}/${ship.cargo.capacity}`,
    n(ship.creditsPerHour),
  ]);
  const { totals } = view;
  return [
    table(['SHIP', 'ROLE', 'JOB', 'LOCATION', 'STATUS', 'CARGO', 'CREDITS/H'], rows),
    `${totals.ships} ship(s), ${n(totals.creditsPerHour)} credits/hour over the last hour, ${n(totals.credits)} credits`,
  ].join('\n');
}

/**
 * One frame of `--watch`: on a terminal the screen is cleared and the cursor sent home first, so the
 * view redraws in place; into a pipe each frame is plain text after a stamp line.
 */
export function watchFrame(text: string, at: Date, tty: boolean): string {
  const stamp = `fleet at ${at.toISOString().slice(11, 19)} UTC (Ctrl-C to stop)`;
  return tty ? `\x1b[H\x1b[2J${stamp}\n${text}\n` : `${stamp}\n${text}\n\n`;
}
