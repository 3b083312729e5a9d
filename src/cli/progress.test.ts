import { describe, expect, it } from 'vitest';
import { domainEvent } from '../domain/events.js';
import { EventBus } from '../mediator/event-bus.js';
import { followNavigation, progressLine } from './progress.js';

describe('the live line of a leg in flight', () => {
  const departed = 1_000_000;
  const arrives = departed + 80_000;

  it('fills the bar with the share of the flight time gone, and counts down to arrival', () => {
    expect(progressLine('X1-A-B2', '162/400', departed, arrives, departed)).toBe(
      '    -> X1-A-B2 [....................]   0%  ETA 1m20s  fuel 162/400',
    );
    expect(progressLine('X1-A-B2', '162/400', departed, arrives, departed + 20_000)).toBe(
      '    -> X1-A-B2 [#####...............]  25%  ETA 1m00s  fuel 162/400',
    );
    expect(progressLine('X1-A-B2', '162/400', departed, arrives, arrives)).toBe(
      '    -> X1-A-B2 [####################] 100%  ETA 0s  fuel 162/400',
    );
  });

  it('stays within bounds when the clock is past the arrival or before the departure', () => {
    expect(progressLine('X1-A-B2', 'no tank', departed, arrives, arrives + 5_000)).toContain(
      '[####################] 100%  ETA 0s  fuel no tank',
    );
    expect(progressLine('X1-A-B2', '1/40', departed, arrives, departed - 5_000)).toContain(
      '[....................]   0%  ETA 1m25s',
    );
  });

  it('treats an instant leg as done', () => {
    expect(progressLine('X1-A-B2', '1/40', departed, departed, departed)).toContain('100%');
  });
});

describe('following a navigation', () => {
  const at = 1_000_000;

  it('prints one line per step from the typed events, and ignores every other event', async () => {
    const bus = new EventBus();
    const lines: string[] = [];
    const stop = followNavigation(bus, { line: (text) => lines.push(text), now: () => at });
    await bus.publish(domainEvent('RoutePlanned', { ship: 'S-1', destination: 'X1-A-3', legs: 2, plannedSeconds: 95 }));
    await bus.publish(domainEvent('DefaultPlayerChanged', { agentSymbol: 'NOVA-1' }));
    await bus.publish(
      domainEvent('ShipRefueled', { ship: 'S-1', waypoint: 'X1-A-1', fuelAdded: 300, fuel: 400, creditsSpent: 213 }),
    );
    await bus.publish(
      domainEvent('ShipDeparted', {
        ship: 'S-1',
        from: 'X1-A-1',
        to: 'X1-A-2',
        mode: 'BURN',
        warp: false,
        fuel: 340,
        fuelCapacity: 400,
        arrival: new Date(at + 65_000).toISOString(),
      }),
    );
    await bus.publish(domainEvent('ShipJumped', { ship: 'S-1', from: 'X1-A-G', to: 'X1-B-G', cooldownSeconds: 165 }));
    await bus.publish(domainEvent('ShipArrived', { ship: 'S-1', waypoint: 'X1-A-2', fuel: 340, leg: 1, legs: 2 }));
    await bus.publish(
      domainEvent('ShipRefueled', { ship: 'S-1', waypoint: 'X1-A-2', fuelAdded: 60, fuel: 400, creditsSpent: null }),
    );
    stop();
    await bus.publish(domainEvent('ShipArrived', { ship: 'S-1', waypoint: 'X1-A-3', fuel: 1, leg: 2, legs: 2 }));
    expect(lines).toEqual([
      'planned 2 leg(s) to X1-A-3, about 1m35s',
      '  refuelled at X1-A-1: +300 fuel (now 400) for 213 credits',
      '  X1-A-1 -> X1-A-2 at BURN, fuel left 340, arriving in 1m05s',
      '  jumped X1-A-G -> X1-B-G (cooldown 165s)',
      '  arrived at X1-A-2 (leg 1/2, fuel 340)',
      "  refuelled at X1-A-2: +60 fuel (now 400) for an unknown number of credits (the server's answer was lost)",
    ]);
  });
});
