import { describe, expect, it } from 'vitest';
import {
  CONTRACT_WORKING_CAPITAL,
  choosePurchase,
  commandShipWork,
  type EstimateInputs,
  expectedCreditsPerHour,
  feedingCreditsPerHour,
  MAX_PAYBACK_HOURS,
  purchaseReserve,
  roleForType,
  wantsNegotiator,
} from './fleet-plan.js';

const inputs: EstimateInputs = {
  minedUnitValue: 30,
  tradeCreditsPerHourPerUnit: 0,
  miners: 0,
  probes: 1,
  marketplaces: 8,
};

describe('expected credits per hour per ship type', () => {
  it('values a mining drone by what its laser brings up at the known ore prices', () => {
    // 3 units per 70 s, 60 % of the time, 30 credits a unit
    expect(expectedCreditsPerHour('SHIP_MINING_DRONE', inputs)).toBe(Math.round(((3 * 3600) / 70) * 0.6 * 30));
    expect(expectedCreditsPerHour('SHIP_MINING_DRONE', { ...inputs, minedUnitValue: 0 })).toBe(0);
    // each miner already at work takes 15 % off the next one's estimate
    expect(expectedCreditsPerHour('SHIP_MINING_DRONE', { ...inputs, miners: 2 })).toBe(
      Math.round(((3 * 3600) / 70) * 0.6 * 30 * 0.85 ** 2),
    );
  });

  it('while contracts run, values a drone by the contract time it saves feeding mined contracts, when that is more', () => {
    // 30,000/h of contracts: a first drone beside the frigate's 225 units/h adds 154/h to the mining
    // (60 % of the stream's time): T = 0.4 + 0.6 × 225/379 = 0.756, the stream earns 1/0.756 − 1 = 32 % more.
    expect(feedingCreditsPerHour(30_000, 0)).toBe(9_686);
    // Each next drone saves less: the 5th (4 at work) about 1,400/h.
    expect(feedingCreditsPerHour(30_000, 4)).toBe(1_391);
    expect(feedingCreditsPerHour(0, 0)).toBe(0);
    expect(feedingCreditsPerHour(-5_000, 0)).toBe(0);
    expect(expectedCreditsPerHour('SHIP_MINING_DRONE', { ...inputs, contractCreditsPerHour: 30_000 })).toBe(9_686);
    // Its own sales when they are worth more (no contract income yet, or many drones already).
    expect(expectedCreditsPerHour('SHIP_MINING_DRONE', { ...inputs, contractCreditsPerHour: 1_000 })).toBe(
      Math.round(((3 * 3600) / 70) * 0.6 * 30),
    );
  });

  it('values a light hauler by the best trade route scaled to its hold', () => {
    // Half the best lane's per-trip rate (lanes fade trip by trip), for the ship's hold.
    expect(expectedCreditsPerHour('SHIP_LIGHT_HAULER', { ...inputs, tradeCreditsPerHourPerUnit: 250 })).toBe(10_000);
    expect(expectedCreditsPerHour('SHIP_LIGHT_SHUTTLE', { ...inputs, tradeCreditsPerHourPerUnit: 250 })).toBe(5_000);
    // A trader already at work takes the best lane first: the next one earns less.
    expect(
      expectedCreditsPerHour('SHIP_LIGHT_SHUTTLE', { ...inputs, tradeCreditsPerHourPerUnit: 250, traders: 1 }),
    ).toBe(3_500);
    expect(expectedCreditsPerHour('SHIP_LIGHT_HAULER', inputs)).toBe(0);
  });

  it('values each next probe at half the one before, and none beyond one per two marketplaces', () => {
    expect(expectedCreditsPerHour('SHIP_PROBE', { ...inputs, probes: 0 })).toBe(2_000);
    expect(expectedCreditsPerHour('SHIP_PROBE', { ...inputs, probes: 1 })).toBe(1_000);
    expect(expectedCreditsPerHour('SHIP_PROBE', { ...inputs, probes: 4 })).toBe(0);
    expect(expectedCreditsPerHour('SHIP_SURVEYOR', inputs)).toBe(0);
  });
});

describe('choosing a purchase', () => {
  const offers = [
    { shipType: 'SHIP_PROBE', waypoint: 'X1-A-1', price: 20_000 },
    { shipType: 'SHIP_MINING_DRONE', waypoint: 'X1-A-1', price: 40_000 },
    { shipType: 'SHIP_LIGHT_HAULER', waypoint: 'X1-A-1', price: 300_000 },
  ];

  it('buys the type that pays itself back soonest', () => {
    // drone: 40,000 / 2,777 = 14.4 h; probe: 20,000 / 1,000 = 20 h; hauler: 300,000 / 20,000 = 15 h
    const { choice } = choosePurchase(offers, { ...inputs, tradeCreditsPerHourPerUnit: 250 }, 500_000, 0);
    expect(choice?.shipType).toBe('SHIP_MINING_DRONE');
    expect(choice?.paybackHours).toBeCloseTo(40_000 / 2777, 1);
    expect(choice?.reason).toMatch(/^SHIP_MINING_DRONE at X1-A-1 for 40000: about 2777\/h, paid back in 14\.4 h/);
  });

  it('keeps the reserve: takes the next best it can afford, or none and says why', () => {
    const rich = { ...inputs, tradeCreditsPerHourPerUnit: 250 };
    expect(choosePurchase(offers, rich, 60_000, 30_000).choice?.shipType).toBe('SHIP_PROBE');
    const none = choosePurchase(offers, rich, 40_000, 30_000);
    expect(none.choice).toBeUndefined();
    expect(none.reason).toContain('more than the 10000 credits above the reserve');
  });

  it('saves for the ship that pays back soonest rather than buy one that takes more than twice as long', () => {
    const shuttle = { shipType: 'SHIP_LIGHT_SHUTTLE', waypoint: 'X1-A-1', price: 84_000 };
    // shuttle: 84,000 / (40 × 2,000 × 0.5 = 40,000) = 2.1 h; drone: 40,000 / 2,777 = 14.4 h (6.9× as long)
    const trading = { ...inputs, tradeCreditsPerHourPerUnit: 2_000 };
    const saving = choosePurchase([...offers, shuttle], trading, 60_000, 0);
    expect(saving.choice).toBeUndefined();
    expect(saving.reason).toContain('SHIP_LIGHT_SHUTTLE pays back soonest (2.1 h)');
    expect(saving.reason).toContain('saving for it');
    expect(choosePurchase([...offers, shuttle], trading, 90_000, 0).choice?.shipType).toBe('SHIP_LIGHT_SHUTTLE');
    // Within twice the soonest payback a cheaper ship is still bought meanwhile (the probe's 20 h against the drone's 14.4 h: see above).
  });

  it('values no ship before every marketplace of the home system was read once', () => {
    const blind = choosePurchase(offers, { ...inputs, unobserved: 3 }, 500_000, 0);
    expect(blind.choice).toBeUndefined();
    expect(blind.reason).toBe('3 marketplace(s) of the home system not yet read: ships are valued on prices');
    expect(choosePurchase(offers, { ...inputs, unobserved: 0 }, 500_000, 0).choice).toBeDefined();
  });

  it(`buys nothing that takes more than ${MAX_PAYBACK_HOURS} h to pay back`, () => {
    const poor = { ...inputs, minedUnitValue: 1, probes: 3 };
    const { choice, reason } = choosePurchase(offers, poor, 1_000_000, 0);
    expect(choice).toBeUndefined();
    expect(reason).toBe(`no ship type on offer pays itself back within ${MAX_PAYBACK_HOURS} h`);
  });

  it('gives a bought ship the role of its type', () => {
    expect(roleForType('SHIP_PROBE')).toBe('scout');
    expect(roleForType('SHIP_MINING_DRONE')).toBe('mining');
    expect(roleForType('SHIP_LIGHT_HAULER')).toBe('trading');
  });
});

describe("the command ship's work", () => {
  const base = {
    contractAccepted: false,
    noContract: false,
    contractThreshold: 3_000,
    miningCreditsPerHour: 4_000,
    canMine: true,
    tradeCreditsPerHour: 0,
  };

  it('runs contracts when one is accepted, when the offer clears the threshold, or when there is none yet', () => {
    expect(commandShipWork({ ...base, contractAccepted: true }).role).toBe('contracts');
    expect(commandShipWork({ ...base, contractCreditsPerHour: 3_000 }).role).toBe('contracts');
    expect(commandShipWork({ ...base, noContract: true }).role).toBe('contracts');
  });

  it('leaves an open offer for the next cycle when the best trade pays more per hour', () => {
    const trade = commandShipWork({ ...base, contractCreditsPerHour: 40_000, tradeCreditsPerHour: 90_000 });
    expect(trade.role).toBe('trading');
    expect(trade.reason).toContain("under the best trade's 90000/h");
    expect(commandShipWork({ ...base, contractCreditsPerHour: 90_000, tradeCreditsPerHour: 40_000 }).role).toBe(
      'contracts',
    );
    // An accepted contract is finished first, whatever trading pays.
    expect(commandShipWork({ ...base, contractAccepted: true, tradeCreditsPerHour: 90_000 }).role).toBe('contracts');
  });

  it('takes an offer whose goods are mined, below the best trade, once mining ships can feed it (an open offer blocks the next)', () => {
    const offer = { ...base, contractCreditsPerHour: 1_273, contractMined: true, tradeCreditsPerHour: 8_291 };
    const fed = commandShipWork({ ...offer, feeders: 3 });
    expect(fed.role).toBe('contracts');
    expect(fed.reason).toContain('3 mining ship(s) will mine them beside it');
    // Alone, the command ship weighs the offer's own rate as before.
    expect(commandShipWork({ ...offer, feeders: 0 }).role).toBe('trading');
    // A bought good is weighed by its rate whatever the fleet mines.
    expect(commandShipWork({ ...offer, contractMined: false, feeders: 3 }).role).toBe('trading');
  });

  it('takes an offer whose good has no known price yet rather than mining (contract run reads the market)', () => {
    const unpriced = commandShipWork({ ...base, contractUnpriced: true, tradeCreditsPerHour: 9_000 });
    expect(unpriced.role).toBe('contracts');
    expect(unpriced.reason).toContain('no price');
    expect(commandShipWork({ ...base, contractUnpriced: false }).role).toBe('mining');
  });

  it('else mines, or trades when the best route pays more per hour than mining', () => {
    const mine = commandShipWork({ ...base, contractCreditsPerHour: 2_999 });
    expect(mine.role).toBe('mining');
    expect(mine.reason).toBe(
      'the open contract evaluates at 2999/h, under the threshold 3000/h; mining is estimated at 4000/h, no trade route is known',
    );
    expect(commandShipWork({ ...base, tradeCreditsPerHour: 4_001 }).role).toBe('trading');
    expect(commandShipWork({ ...base, tradeCreditsPerHour: 3_999 }).role).toBe('mining');
    expect(commandShipWork({ ...base, canMine: false, tradeCreditsPerHour: 10 }).role).toBe('trading');
    expect(commandShipWork({ ...base, canMine: false }).role).toBe('idle');
  });
});

describe('contract support', () => {
  it('keeps the working capital of a contract back from purchases only while contracts run', () => {
    expect(purchaseReserve(0, true)).toBe(CONTRACT_WORKING_CAPITAL);
    expect(purchaseReserve(100_000, true)).toBe(100_000);
    expect(purchaseReserve(0, false)).toBe(0);
  });

  it('buys one probe to negotiate at headquarters while contracts run, when the credits allow', () => {
    const base = { contractsRunning: true, hasNegotiator: false, probePrice: 20_000, spendable: 50_000 };
    expect(wantsNegotiator(base).buy).toBe(true);
    expect(wantsNegotiator({ ...base, hasNegotiator: true }).buy).toBe(false);
    expect(wantsNegotiator({ ...base, contractsRunning: false }).buy).toBe(false);
    expect(wantsNegotiator({ ...base, spendable: 19_999 }).reason).toBe(
      'a probe costs 20000, more than the 19999 spendable',
    );
    const { probePrice: _, ...noProbe } = base;
    expect(wantsNegotiator(noProbe).buy).toBe(false);
  });
});
