import { duration } from './route.js';

const BAR_WIDTH = 20;

/**
 * The live line under a leg in flight: how far along it is, the time left and the fuel in the tank,
 * e.g. `    -> X1-AB12-C3 [########............]  40%  ETA 1m08s  fuel 162/400`.
 */
export function progressLine(to: string, fuel: string, departedAt: number, arrivesAt: number, now: number): string {
  const share = arrivesAt <= departedAt ? 1 : Math.min(1, Math.max(0, (now - departedAt) / (arrivesAt - departedAt)));
  const filled = Math.round(share * BAR_WIDTH);
  const left = Math.max(0, Math.round((arrivesAt - now) / 1000));
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `    -> ${to} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent}  ETA ${duration(left)}  fuel ${fuel}`;
}
