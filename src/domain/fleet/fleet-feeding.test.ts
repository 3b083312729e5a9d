import { describe, expect, it } from 'vitest';
import {
  arrivesInTime,
  type ContractMiningSite,
  contractBeingMined,
  feederAssignments,
  type MinerView,
} from './fleet-feeding.js';

const yields = (waypoint: string, good: string) => waypoint === 'X1-A-D4' && good === 'IRON_ORE';
const base = {
  commandShip: 'NOVA-1',
  commandJob: 'RunContracts',
  contract: { id: 'c1', good: 'IRON_ORE', stillRequired: 60 },
  commandShipAt: 'X1-A-D4',
  commandHolds: 12,
  yields,
};

describe('contractBeingMined', () => {
  it('says how long the command ship alone would still mine what is needed', () => {
    expect(contractBeingMined({ ...base, soloSeconds: (units) => units * 60 }).site?.soloSeconds).toBe(48 * 60);
  });

  it('sees the command ship mining its contract’s good where it is (or is bound)', () => {
    expect(contractBeingMined(base).site).toEqual({
      contractId: 'c1',
      good: 'IRON_ORE',
      asteroid: 'X1-A-D4',
      commandShip: 'NOVA-1',
      unitsToFeed: 48,
    });
  });

  it('sees none when the command ship runs no contract, has none accepted, is elsewhere, or holds all that is needed', () => {
    expect(contractBeingMined({ ...base, commandJob: 'TradeRun' })).toEqual({
      reason: 'the command ship runs no contract',
    });
    const { contract: _, ...noContract } = base;
    expect(contractBeingMined(noContract).site).toBeUndefined();
    expect(contractBeingMined({ ...base, commandShipAt: 'X1-A-B2' }).reason).toMatch(
      /not mining contract c1's IRON_ORE/,
    );
    expect(contractBeingMined({ ...base, commandHolds: 60 }).site).toBeUndefined();
    // A contract for a good the asteroid does not yield (bought goods): no mining.
    expect(
      contractBeingMined({ ...base, contract: { id: 'c1', good: 'FUEL', stillRequired: 60 } }).site,
    ).toBeUndefined();
  });
});

describe('feederAssignments', () => {
  const site: ContractMiningSite = {
    contractId: 'c1',
    good: 'IRON_ORE',
    asteroid: 'X1-A-D4',
    commandShip: 'NOVA-1',
    unitsToFeed: 48,
  };
  const ships: MinerView[] = [
    { symbol: 'NOVA-1', role: 'contracts', canMine: true, job: { command: 'RunContracts', container: 'k1' } },
    { symbol: 'NOVA-2', role: 'scout', canMine: false, job: { command: 'ScoutMarkets', container: 'k2' } },
    { symbol: 'NOVA-3', role: 'mining', canMine: true, job: { command: 'MineRun', container: 'k3' } },
    { symbol: 'NOVA-4', role: 'mining', canMine: true },
    {
      symbol: 'NOVA-5',
      role: 'mining',
      canMine: true,
      job: { command: 'FeedContract', container: 'k5', contractId: 'c1' },
    },
    {
      symbol: 'NOVA-6',
      role: 'mining',
      canMine: true,
      job: { command: 'FeedContract', container: 'k6', contractId: 'c0' },
    },
    { symbol: 'NOVA-7', role: 'trading', canMine: false, job: { command: 'TradeRun', container: 'k7' } },
  ];

  it('points every mining ship not yet feeding this contract at it, replacing its job', () => {
    const assigned = feederAssignments(site, ships);
    expect(assigned.map((a) => [a.ship, a.replaces])).toEqual([
      ['NOVA-3', 'k3'],
      ['NOVA-4', undefined],
      ['NOVA-6', 'k6'],
    ]);
    expect(assigned[0]!.reason).toMatch(/^stops its MineRun and mines IRON_ORE at X1-A-D4 and hands it to NOVA-1/);
  });

  it('sends only the ships that get there within half the time the command ship alone would still mine', () => {
    const far: MinerView[] = [
      {
        symbol: 'NOVA-3',
        role: 'mining',
        canMine: true,
        job: { command: 'MineRun', container: 'k3' },
        travelSeconds: 1_800,
      },
      { symbol: 'NOVA-4', role: 'mining', canMine: true, travelSeconds: 1_801 },
      { symbol: 'NOVA-8', role: 'mining', canMine: true, travelSeconds: Number.POSITIVE_INFINITY },
    ];
    // An hour of mining alone left: a 30-minute flight is worth it, a longer one is not.
    expect(feederAssignments({ ...site, soloSeconds: 3_600 }, far).map((a) => a.ship)).toEqual(['NOVA-3']);
    expect(arrivesInTime(1_801, 3_600)).toBe(false);
    expect(arrivesInTime(0, 0)).toBe(true);
    // Unknown on either side: sent (as before the estimate).
    expect(arrivesInTime(undefined, 3_600)).toBe(true);
    expect(arrivesInTime(5_000, undefined)).toBe(true);
  });

  it('assigns nothing while no contract is being mined', () => {
    expect(feederAssignments(undefined, ships)).toEqual([]);
  });
});
