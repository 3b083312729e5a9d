import { describe, expect, it } from 'vitest';
import { SECONDS_PER_LOT, SECONDS_PER_STOP } from '../trading/action-seconds.js';
import type { Contract } from './contract.js';
import { contractFlights, estimatePurchase, evaluateContract, type EvaluationInput } from './evaluation.js';
import { canMine, estimateMiningSeconds } from './mining-estimate.js';
import { aContract } from '../../test-support/contract-mother.js';

/** A transaction's and a stop's seconds (domain/trading/action-seconds.ts), spelled short for the sums below. */
const L = SECONDS_PER_LOT;
const S = SECONDS_PER_STOP;

function contract(overrides: Partial<Contract> = {}, required = 40, fulfilled = 0): Contract {
  return aContract(
    {
      id: 'c1',
      accepted: false,
      deadline: 1e13,
      deadlineToAccept: 1e13,
      payment: { onAccepted: 1_000, onFulfilled: 5_000 },
      ...overrides,
    },
    { good: 'IRON_ORE', destination: 'X1-A-D', required, fulfilled },
  );
}

/** The ship at X1-A-SHIP, the goods sold at X1-A-S, delivered at X1-A-D. */
const LEGS: Record<string, { seconds: number; fuelCost: number }> = {
  'X1-A-SHIP>X1-A-S': { seconds: 100, fuelCost: 10 },
  'X1-A-S>X1-A-D': { seconds: 200, fuelCost: 20 },
  'X1-A-D>X1-A-S': { seconds: 300, fuelCost: 30 },
  'X1-A-SHIP>X1-A-D': { seconds: 400, fuelCost: 40 },
  'X1-A-SHIP>X1-A-AST': { seconds: 100, fuelCost: 10 },
  'X1-A-AST>X1-A-D': { seconds: 200, fuelCost: 20 },
};

function input(c: Contract, overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    contract: c,
    delivery: c.deliver[0]!,
    held: 0,
    space: 40,
    source: { kind: 'buy', waypoint: 'X1-A-S', pricePerUnit: 50, tradeVolume: 40 },
    location: 'X1-A-SHIP',
    leg: (from, to) => LEGS[`${from}>${to}`] ?? { seconds: 0, fuelCost: 0 },
    ...overrides,
  };
}

describe('estimatePurchase', () => {
  it('lifts the price after every lot by its share of the trade volume', () => {
    expect(estimatePurchase(20, 100, 10)).toEqual({ cost: 10 * 100 + 10 * 105, priceAfter: 100 * 1.05 * 1.05 });
    expect(estimatePurchase(5, 100, 10).cost).toBe(500);
  });
});

describe('evaluateContract', () => {
  it('counts both payments of an offer, the goods, the fuel and the time of one trip', () => {
    const e = evaluateContract(input(contract()));
    expect(e.revenue).toBe(6_000);
    expect(e.goodsCost).toBe(2_000);
    expect(e.fuelCost).toBe(30);
    // Flights, then accept, dock and buy one lot, dock and deliver, fulfil.
    expect(e.seconds).toBe(300 + L + (S + L) + (S + L) + L);
    expect(e.profit).toBe(6_000 - 2_000 - 30);
    expect(e.creditsPerHour).toBe(Math.round((3_970 * 3600) / e.seconds));
    expect(e.source).toBe('buy');
    expect(e.plan.map((s) => s.step)).toEqual(['accept', 'fly', 'buy', 'fly', 'deliver', 'fulfill']);
  });

  it('counts only the fulfil payment once accepted', () => {
    const e = evaluateContract(input(contract({ accepted: true })));
    expect(e.revenue).toBe(5_000);
    expect(e.plan[0]!.step).toBe('fly');
  });

  it('plans as many trips as the hold needs, later ones from the destination, prices rising across them', () => {
    const e = evaluateContract(input(contract({}, 100)));
    const buys = e.plan.filter((s) => s.step === 'buy');
    expect(buys.map((s) => s.units)).toEqual([40, 40, 20]);
    expect(e.fuelCost).toBe(10 + 20 + 2 * (30 + 20));
    expect(e.seconds).toBe(100 + 200 + 2 * (300 + 200) + L + 3 * (S + L) + 3 * (S + L) + L);
    expect(e.goodsCost).toBe(40 * 50 + 40 * Math.round(50 * 1.05) + 20 * Math.round(50 * 1.05 ** 2));
    expect(e.plan.filter((s) => s.step === 'deliver').map((s) => s.units)).toEqual([40, 40, 20]);
  });

  it('buys only what the hold and the deliveries made do not cover', () => {
    const held = evaluateContract(input(contract({ accepted: true }, 40, 10), { held: 30 }));
    expect(held.goodsCost).toBe(0);
    expect(held.plan.map((s) => s.step)).toEqual(['fly', 'deliver', 'fulfill']);
    expect(held.seconds).toBe(400 + (S + L) + L);
    const part = evaluateContract(input(contract({ accepted: true }, 40), { held: 10 }));
    expect(part.plan.filter((s) => s.step === 'buy').map((s) => s.units)).toEqual([30]);
    expect(part.plan.filter((s) => s.step === 'deliver').map((s) => s.units)).toEqual([40]);
  });

  it('prices mined goods at nothing but the mining time', () => {
    const e = evaluateContract(
      input(contract(), { source: { kind: 'mine', waypoint: 'X1-A-AST', miningSeconds: (units) => units * 10 } }),
    );
    expect(e.source).toBe('mine');
    expect(e.goodsCost).toBe(0);
    expect(e.seconds).toBe(100 + 400 + 200 + L + S + (S + L) + L);
  });

  it('never divides by less than the actions take: goods bought where they go, with the ship already there', () => {
    // The sandbox's contracts go to a market that imports the good, and an importer sells it too.
    const e = evaluateContract(
      input(contract(), {
        source: { kind: 'buy', waypoint: 'X1-A-D', pricePerUnit: 50, tradeVolume: 10 },
        location: 'X1-A-D',
      }),
    );
    // Accept, dock, four lots of 10, dock, deliver, fulfil: no flight, but 13 s of requests, not 0.
    expect(e.seconds).toBe(L + S + 4 * L + S + L + L);
    expect(e.seconds).toBeGreaterThan(0);
    expect(e.creditsPerHour).toBe(Math.round((e.profit * 3600) / e.seconds));
  });

  it('asks for each flight in the order the ship flies it, so that each can start from the tank the last one left', () => {
    // Seed 21: the second trip planned from a full tank took 35 s; the ship arrived with 46 fuel and drifted 401 s.
    const c = contract({}, 100);
    expect(contractFlights(input(c)).map((f) => `${f.from}>${f.to}`)).toEqual([
      'X1-A-SHIP>X1-A-S',
      'X1-A-S>X1-A-D',
      'X1-A-D>X1-A-S',
      'X1-A-S>X1-A-D',
      'X1-A-D>X1-A-S',
      'X1-A-S>X1-A-D',
    ]);
    const slower = [100, 200, 300, 200, 300, 900];
    const e = evaluateContract(input(c, { leg: () => ({ seconds: slower.shift()!, fuelCost: 0 }) }));
    expect(e.plan.flatMap((s) => (s.step === 'fly' ? [s.seconds] : []))).toEqual([100, 200, 300, 200, 300, 900]);
  });

  it('refuses a ship with no room for the good', () => {
    expect(() => evaluateContract(input(contract(), { space: 0 }))).toThrow(/no room for IRON_ORE/);
  });
});

describe('estimateMiningSeconds', () => {
  it('takes one cooldown per extraction, each yielding the lasers strength shared among the asteroid goods', () => {
    // MINING_LASER_II: strength 5, power 2, so a cooldown of 80 s; COMMON_METAL_DEPOSITS yield 6 goods.
    const seconds = estimateMiningSeconds({
      units: 10,
      good: 'IRON_ORE',
      mounts: ['MOUNT_MINING_LASER_II'],
      traits: ['COMMON_METAL_DEPOSITS'],
    });
    expect(seconds).toBe(Math.ceil(10 / (5 / 6)) * 80);
  });

  it('is endless without a laser or where the asteroid does not yield the good', () => {
    const base = { units: 10, good: 'IRON_ORE', traits: ['COMMON_METAL_DEPOSITS'] };
    expect(estimateMiningSeconds({ ...base, mounts: ['MOUNT_SURVEYOR_I'] })).toBe(Number.POSITIVE_INFINITY);
    expect(
      estimateMiningSeconds({ ...base, mounts: ['MOUNT_MINING_LASER_I'], traits: ['PRECIOUS_METAL_DEPOSITS'] }),
    ).toBe(Number.POSITIVE_INFINITY);
    expect(canMine(['MOUNT_MINING_LASER_I'])).toBe(true);
  });
});
