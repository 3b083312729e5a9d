import type { EventBus } from '../mediator/event-bus.js';
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

/** "for 1,234 credits", or that the price is unknown when the server's answer was lost. */
export function creditsSpentText(credits: number | null): string {
  return credits === null
    ? "for an unknown number of credits (the server's answer was lost)"
    : `for ${credits.toLocaleString('en-US')} credits`;
}

export interface ProgressOutput {
  line(text: string): void;
  /** Set when the output is a terminal: the live countdown redraws this one line. */
  redraw?: (text: string) => void;
  now?: () => number;
}

/**
 * Prints each step of a navigation as its events are committed; with `redraw`, a live countdown
 * under a leg in flight. Returns the function that stops following.
 */
export function followNavigation(events: Pick<EventBus, 'on'>, out: ProgressOutput): () => void {
  const now = out.now ?? Date.now;
  let ticker: NodeJS.Timeout | undefined;
  const clear = () => {
    if (ticker) clearInterval(ticker);
    ticker = undefined;
    out.redraw?.('');
  };
  const stops = [
    events.on('RoutePlanned', ({ payload: p }) =>
      out.line(`planned ${p.legs} leg(s) to ${p.destination}, about ${duration(p.plannedSeconds)}`),
    ),
    events.on('ShipRefueled', ({ payload: p }) => {
      clear();
      out.line(
        `  refuelled at ${p.waypoint}: +${p.fuelAdded} fuel (now ${p.fuel}) ${creditsSpentText(p.creditsSpent)}`,
      );
    }),
    events.on('ShipJumped', ({ payload: p }) => {
      clear();
      out.line(`  jumped ${p.from} -> ${p.to} (cooldown ${p.cooldownSeconds}s)`);
    }),
    events.on('ShipDeparted', ({ payload: p }) => {
      clear();
      const arrival = Date.parse(p.arrival);
      const left = Math.max(0, Math.round((arrival - now()) / 1000));
      out.line(
        `  ${p.from} -> ${p.to} ${p.warp ? 'warping' : 'at'} ${p.mode}, fuel left ${p.fuel}, arriving in ${duration(left)}`,
      );
      const redraw = out.redraw;
      if (redraw) {
        const departed = now();
        const tank = p.fuelCapacity === 0 ? 'no tank' : `${p.fuel}/${p.fuelCapacity}`;
        const tick = () => redraw(progressLine(p.to, tank, departed, arrival, now()));
        tick();
        ticker = setInterval(tick, 1000);
      }
    }),
    events.on('ShipArrived', ({ payload: p }) => {
      clear();
      out.line(`  arrived at ${p.waypoint} (leg ${p.leg}/${p.legs}, fuel ${p.fuel})`);
    }),
  ];
  return () => {
    clear();
    for (const stop of stops) stop();
  };
}
