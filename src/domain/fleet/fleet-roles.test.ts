import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../market/ledger.js';
import { creditsPerHour, fleetRole, parseRoles, shipOfClaim } from './fleet-roles.js';

const row = (ship: string, kind: LedgerEntry['kind'], credits: number, at: number): LedgerEntry => ({
  at,
  ship,
  kind,
  good: 'IRON',
  units: 1,
  credits,
  waypoint: 'X1-A-1',
  pricePerUnit: Math.abs(credits),
  balanceAfter: null,
});

describe('fleet roles', () => {
  it('prefers the assigned role, then the job, then the frame', () => {
    expect(fleetRole({ role: 'SATELLITE' }, 'trading', 'MineRun')).toBe('trading');
    expect(fleetRole({ role: 'SATELLITE' }, undefined, 'MineRun')).toBe('mining');
    expect(fleetRole({ role: 'SATELLITE' })).toBe('scout');
    expect(fleetRole({ role: 'COMMAND' })).toBe('contracts');
    expect(fleetRole({ role: 'EXCAVATOR' })).toBe('mining');
    expect(fleetRole({ role: 'HAULER' }, undefined, 'Wait')).toBe('trading');
    expect(fleetRole({ role: 'REFINERY' })).toBe('idle');
  });

  it('ignores a stored role it does not know', () => {
    expect(fleetRole({ role: 'COMMAND' }, 'pirate')).toBe('contracts');
    expect(parseRoles('{"A-1":"mining","A-2":"pirate"}')).toEqual({ 'A-1': 'mining' });
    expect(parseRoles('not json')).toEqual({});
    expect(parseRoles(undefined)).toEqual({});
  });

  it('reads ships from claims only', () => {
    expect(shipOfClaim('ship:NOVA-1-2')).toBe('NOVA-1-2');
    expect(shipOfClaim('route:IRON:X1-A-1>X1-A-2')).toBeUndefined();
  });
});

describe('credits per hour', () => {
  const now = 10 * 3_600_000;
  const entries = [
    row('A-1', 'SALE', 5_000, now - 60_000),
    row('A-1', 'PURCHASE', -2_000, now - 120_000),
    row('A-1', 'FUEL', -100, now - 3_000_000),
    row('A-1', 'SALE', 9_999, now - 3_600_000), // exactly an hour ago: outside the window
    row('A-2', 'SHIP', -25_000, now - 1_000), // an investment, not a running cost
    row('A-2', 'CONTRACT', 12_000, now - 1_000),
  ];

  it('adds up the rows of the last hour per ship', () => {
    expect(creditsPerHour(entries, now, 'A-1')).toBe(2_900);
    expect(creditsPerHour(entries, now, 'A-2')).toBe(12_000);
    expect(creditsPerHour(entries, now, 'A-3')).toBe(0);
  });

  it('adds up the whole fleet without ship purchases', () => {
    expect(creditsPerHour(entries, now)).toBe(14_900);
  });
});
