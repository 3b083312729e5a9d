import { describe, expect, it } from 'vitest';
import { SHIP_NOW, shipState } from '../../test-support/ship-mother.js';
import { isShipState, Ship } from './ship.js';

const NOW = SHIP_NOW;

describe('Ship', () => {
  const inTransit = new Ship(
    shipState({}, { status: 'IN_TRANSIT', waypointSymbol: 'X1-A-2', destination: 'X1-A-2', arrival: NOW + 10_500 }),
  );

  it('is in transit until its arrival time, then in orbit at the destination (lazy arrival)', () => {
    expect(inTransit.statusAt(NOW)).toBe('IN_TRANSIT');
    expect(inTransit.secondsToArrival(NOW)).toBe(11);
    expect(inTransit.isAt('X1-A-2', NOW)).toBe(false);
    expect(inTransit.statusAt(NOW + 10_500)).toBe('IN_ORBIT');
    expect(inTransit.isAt('X1-A-2', NOW + 10_500)).toBe(true);
  });

  it('is awaited until the server itself stops saying it is in transit', () => {
    expect(inTransit.awaitingArrival(NOW)).toBe(true);
    // Past the arrival by our clock, but the server's last word was IN_TRANSIT: read it again.
    expect(inTransit.awaitingArrival(NOW + 20_000)).toBe(true);
    expect(inTransit.withNav({ ...inTransit.nav, status: 'IN_ORBIT' }).awaitingArrival(NOW)).toBe(false);
  });

  it('says which call docking or orbiting needs, and refuses both in transit', () => {
    const orbiting = new Ship(shipState());
    const docked = orbiting.withNav({ ...orbiting.nav, status: 'DOCKED' });
    expect(orbiting.ensureDocked(NOW)).toBe(true);
    expect(orbiting.ensureInOrbit(NOW)).toBe(false);
    expect(docked.ensureDocked(NOW)).toBe(false);
    expect(docked.ensureInOrbit(NOW)).toBe(true);
    expect(() => inTransit.ensureDocked(NOW)).toThrow('ship NOVA-1-1 is in transit to X1-A-2 for 11 more seconds');
    expect(() => inTransit.ensureInOrbit(NOW)).toThrow('cannot orbit');
  });

  it('knows its cooldown, its warp drive and its tank', () => {
    const ship = new Ship(shipState({ cooldownUntil: NOW + 2_100, modules: ['MODULE_WARP_DRIVE_I'] }));
    expect(ship.cooldownSecondsLeft(NOW)).toBe(3);
    expect(ship.cooldownSecondsLeft(NOW + 5_000)).toBe(0);
    expect(ship.canWarp).toBe(true);
    expect(new Ship(shipState()).canWarp).toBe(false);
    expect(new Ship(shipState({ fuel: { current: 0, capacity: 0 } })).needsFuel).toBe(false);
  });

  it('is immutable: a change gives a new ship and leaves the old one as it was', () => {
    const ship = new Ship(shipState());
    const moved = ship.moved({
      nav: { ...ship.nav, status: 'IN_TRANSIT', destination: 'X1-A-3', waypointSymbol: 'X1-A-3' },
      fuel: { current: 250, capacity: 400 },
    });
    expect(moved.location()).toBe('X1-A-3');
    expect(moved.fuel.current).toBe(250);
    expect(ship.location()).toBe('X1-A-1');
    expect(ship.fuel.current).toBe(300);
    const snapshot = ship.snapshot();
    snapshot.fuel.current = 1;
    expect(ship.fuel.current).toBe(300);
    expect(new Ship(ship.snapshot()).snapshot()).toEqual(ship.snapshot());
  });

  it("tells its own stored shape from the API's older one", () => {
    expect(isShipState(new Ship(shipState()).snapshot())).toBe(true);
    expect(isShipState({ symbol: 'NOVA-1-1', nav: { route: { arrival: '2026-01-01T00:00:00Z' } }, fuel: {} })).toBe(
      false,
    );
    expect(isShipState(null)).toBe(false);
    // A row stored before the hold's inventory was kept reads as absent until the ship is fetched again.
    const withoutInventory = shipState();
    withoutInventory.cargo = { capacity: 40, units: 0 } as typeof withoutInventory.cargo;
    expect(isShipState(withoutInventory)).toBe(false);
  });

  it('knows what its hold carries and the room left', () => {
    const ship = new Ship(shipState()).withCargo({
      capacity: 40,
      units: 12,
      inventory: [{ symbol: 'IRON', units: 12 }],
    });
    expect(ship.unitsOf('IRON')).toBe(12);
    expect(ship.unitsOf('COPPER')).toBe(0);
    expect(ship.cargoSpace).toBe(28);
  });
});
