import type { FleetRole } from './fleet-roles.js';

/*
 * The coordinator's rules, pure: what a ship type is expected to earn per hour, which purchase pays
 * itself back soonest, and what work an idle ship gets. Deliberately simple estimates, each named.
 */

/** Common ores a mining laser brings up anywhere (ECONOMY.md §3): their mean sell price values a mined unit. */
export const COMMON_MINED_GOODS = [
  'IRON_ORE',
  'COPPER_ORE',
  'ALUMINUM_ORE',
  'QUARTZ_SAND',
  'SILICON_CRYSTALS',
  'ICE_WATER',
];

/** A drone's MINING_LASER_I yields 3 units per 70 s cooldown (60 s + 10 s per power point). */
const DRONE_UNITS_PER_HOUR = (3 * 3600) / 70;
/** The command frigate's MINING_LASER_II: 5 units per 80 s. */
const FRIGATE_UNITS_PER_HOUR = (5 * 3600) / 80;
/** Share of a miner's time spent extracting rather than flying to sell and selling (a guess, kept visible). */
const MINING_DUTY = 0.6;
/** Each miner already at work lowers what the next one earns (sales push the same bids down): × 0.85 each. */
const MINER_CROWDING = 0.85;
/** What fresh prices from one more probe are worth to the traders and miners, per hour, for the first probe. */
const PROBE_COVERAGE_CREDITS_PER_HOUR = 2_000;
/** The holds of the trading types the coordinator buys: a light hauler 80, a light shuttle 40 (ECONOMY.md §2). */
const TRADER_CARGO: Record<string, number> = { SHIP_LIGHT_HAULER: 80, SHIP_LIGHT_SHUTTLE: 40 };
/**
 * Share of a trade plan's per-trip rate a bought trader keeps over its life: a lane's profit falls with
 * every trip (measured on sandbox seed 21: 18,820 → 15,005 → 11,446 → 8,151 over four trips, then closed
 * for hours), so a ship is valued at half the best lane's first trip (our estimate).
 */
const TRADE_SUSTAINED_SHARE = 0.5;
/** Each ship already trading takes the best lane first (routes are reserved): the next one earns × 0.7. */
const TRADER_CROWDING = 0.7;
/** No purchase that takes longer than this to pay for itself. */
export const MAX_PAYBACK_HOURS = 24;
/**
 * When the ship that pays back soonest costs more than the credits allow, a cheaper one is bought only if
 * it pays back within this many times as long; otherwise the coordinator saves for the better one (our
 * rule: drones bought early at 5–10 h payback left a fresh agent unable to afford a trader at 1–2 h).
 */
const SAVE_FOR_BETTER_PAYBACK_RATIO = 2;

export interface EstimateInputs {
  /** Mean best sell price of a common mined good in the system, 0 when none is known. */
  minedUnitValue: number;
  /** The best trade plan's credits per hour per unit of hold, 0 when no route is known. */
  tradeCreditsPerHourPerUnit: number;
  /** Ships already mining in the system. */
  miners: number;
  /** Ships already trading (the command ship counts when its last job was a trade). */
  traders?: number;
  /** Probes already scouting (each next probe adds half the coverage value of the one before). */
  probes: number;
  /** Marketplaces and shipyards of the home system (a probe beyond one per two of them adds nothing). */
  marketplaces: number;
  /** Marketplaces of the home system never observed: ships are valued only once every one was read. */
  unobserved?: number;
  /**
   * What the command ship earned over the last hour while it runs contracts (net, from the ledger);
   * undefined when it runs none. A drone then also earns by feeding the contracts that ask for mined goods.
   */
  contractCreditsPerHour?: number;
}

/**
 * Share of a contract stream's time taken by the contracts whose goods are mined, with the command ship
 * mining alone (sandbox seed 7: about 160 of 240 game minutes; our estimate for any system).
 */
const MINED_CONTRACT_TIME_SHARE = 0.6;

/**
 * What one more mining drone adds to the command ship's contract stream by feeding its mined contracts
 * (FeedContract): with k drones beside the frigate their mining runs at frigate + k × drone units per
 * hour, so the stream's time per contract is T(k) = (1 − s) + s × frigate / (frigate + k × drone), s the
 * MINED_CONTRACT_TIME_SHARE, and the stream earns contractCreditsPerHour × (T(k) / T(k + 1) − 1) more.
 */
export function feedingCreditsPerHour(contractCreditsPerHour: number, drones: number): number {
  if (contractCreditsPerHour <= 0) return 0;
  const time = (k: number) =>
    1 -
    MINED_CONTRACT_TIME_SHARE +
    (MINED_CONTRACT_TIME_SHARE * FRIGATE_UNITS_PER_HOUR) / (FRIGATE_UNITS_PER_HOUR + k * DRONE_UNITS_PER_HOUR);
  return Math.round(contractCreditsPerHour * (time(drones) / time(drones + 1) - 1));
}

/** Expected credits per hour of one more ship of the type; 0 for a type the coordinator has no use for. */
export function expectedCreditsPerHour(shipType: string, inputs: EstimateInputs): number {
  switch (shipType) {
    case 'SHIP_MINING_DRONE':
      // Its own sales, or — while the command ship runs contracts — the contract time it saves, whichever is more.
      return Math.max(
        Math.round(DRONE_UNITS_PER_HOUR * MINING_DUTY * inputs.minedUnitValue * MINER_CROWDING ** inputs.miners),
        feedingCreditsPerHour(inputs.contractCreditsPerHour ?? 0, inputs.miners),
      );
    case 'SHIP_LIGHT_HAULER':
    case 'SHIP_LIGHT_SHUTTLE':
      return Math.round(
        TRADER_CARGO[shipType]! *
          inputs.tradeCreditsPerHourPerUnit *
          TRADE_SUSTAINED_SHARE *
          TRADER_CROWDING ** (inputs.traders ?? 0),
      );
    case 'SHIP_PROBE':
      if (inputs.probes >= Math.max(1, Math.ceil(inputs.marketplaces / 2))) return 0;
      return Math.round(PROBE_COVERAGE_CREDITS_PER_HOUR / 2 ** inputs.probes);
    default:
      return 0;
  }
}

/** The command frigate's mining estimate, comparable with a trade plan's credits per hour. */
export function frigateMiningCreditsPerHour(minedUnitValue: number): number {
  return Math.round(FRIGATE_UNITS_PER_HOUR * MINING_DUTY * minedUnitValue);
}

export interface ShipOffer {
  shipType: string;
  waypoint: string;
  price: number;
}

export interface PurchaseChoice extends ShipOffer {
  creditsPerHour: number;
  paybackHours: number;
  reason: string;
}

/**
 * The offer that pays itself back soonest among those the spendable credits cover (credits − reserve),
 * and within MAX_PAYBACK_HOURS; undefined (with the reason) when none does.
 */
export function choosePurchase(
  offers: readonly ShipOffer[],
  inputs: EstimateInputs,
  credits: number,
  reserve: number,
): { choice?: PurchaseChoice; reason: string } {
  const spendable = credits - reserve;
  if ((inputs.unobserved ?? 0) > 0)
    return {
      reason: `${inputs.unobserved} marketplace(s) of the home system not yet read: ships are valued on prices`,
    };
  const ranked = offers
    .map((offer) => {
      const creditsPerHour = expectedCreditsPerHour(offer.shipType, inputs);
      return { ...offer, creditsPerHour, paybackHours: creditsPerHour > 0 ? offer.price / creditsPerHour : Infinity };
    })
    .filter((o) => o.paybackHours <= MAX_PAYBACK_HOURS)
    .sort((a, b) => a.paybackHours - b.paybackHours || a.price - b.price);
  if (ranked.length === 0) return { reason: `no ship type on offer pays itself back within ${MAX_PAYBACK_HOURS} h` };
  const soonest = ranked[0]!;
  const best = ranked.find(
    (o) => o.price <= spendable && o.paybackHours <= soonest.paybackHours * SAVE_FOR_BETTER_PAYBACK_RATIO,
  );
  if (!best)
    return {
      reason: `${soonest.shipType} pays back soonest (${soonest.paybackHours.toFixed(1)} h) but costs ${soonest.price}, more than the ${Math.max(0, spendable)} credits above the reserve; saving for it (nothing affordable pays back within ${SAVE_FOR_BETTER_PAYBACK_RATIO}× as long)`,
    };
  const reason = `${best.shipType} at ${best.waypoint} for ${best.price}: about ${best.creditsPerHour}/h, paid back in ${best.paybackHours.toFixed(1)} h (the soonest of ${ranked.length} type(s) that pay back within ${MAX_PAYBACK_HOURS} h)`;
  return { choice: { ...best, reason }, reason };
}

/** The role a newly bought ship of the type gets. */
export function roleForType(shipType: string): FleetRole {
  if (shipType === 'SHIP_PROBE') return 'scout';
  if (shipType === 'SHIP_MINING_DRONE' || shipType === 'SHIP_SIPHON_DRONE') return 'mining';
  if (shipType === 'SHIP_LIGHT_HAULER' || shipType === 'SHIP_LIGHT_SHUTTLE') return 'trading';
  return 'idle';
}

export interface CommandShipOptions {
  /** A contract is already accepted and not fulfilled: finish it. */
  contractAccepted: boolean;
  /** Credits per hour of the open offer as evaluated, undefined when none could be evaluated. */
  contractCreditsPerHour?: number;
  /** No contract at all yet: running contracts negotiates one. */
  noContract: boolean;
  /**
   * The open offer could not be evaluated only because no price of its good is known yet: `contract run`
   * reads the nearest market trading it first, so the offer is taken (CONTRACT_UNPRICED_TAKEN).
   */
  contractUnpriced?: boolean;
  contractThreshold: number;
  /** The open offer's goods are best mined (its evaluation's source). */
  contractMined?: boolean;
  /** Ships of the mining role that would mine the offer's good beside the command ship (FeedContract). */
  feeders?: number;
  miningCreditsPerHour: number;
  canMine: boolean;
  tradeCreditsPerHour: number;
}

/**
 * An offer whose good has no known price yet is taken rather than passed over for mining or trading:
 * contracts pay about 3× their goods (ECONOMY.md §4; the sandbox draws 2.7–3.3×), far more per hour than
 * a frigate mines, and passing it over leaves it unpriced for ever (nothing else reads that market).
 */
const CONTRACT_UNPRICED_TAKEN = true;

/**
 * An offer whose goods are mined is taken, whatever its own rate, once the fleet has mining ships to feed
 * it: its evaluation counts the command ship mining alone (an hour and more), the feeders cut that several
 * times, and an offer left open blocks every next one (one contract at a time) — the contract stream
 * (100k/h and more per contract whose goods are bought) is worth more than the trade or mining it passes
 * over (sandbox seed 21: the frigate mined and traded at under 10k/h for 40 minutes beside such an offer).
 */
const CONTRACT_MINED_TAKEN_WITH_FEEDERS = true;

/** What the command ship does next, and why. */
export function commandShipWork(o: CommandShipOptions): { role: FleetRole; reason: string } {
  if (o.contractAccepted) return { role: 'contracts', reason: 'a contract is accepted and not yet fulfilled' };
  const offer = o.contractCreditsPerHour;
  if (offer !== undefined && offer > 0 && o.contractMined && (o.feeders ?? 0) > 0 && CONTRACT_MINED_TAKEN_WITH_FEEDERS)
    return {
      role: 'contracts',
      reason: `the open contract's goods are mined (${offer}/h for the command ship alone) and ${o.feeders} mining ship(s) will mine them beside it; an open offer blocks the next`,
    };
  if (offer !== undefined && offer >= o.contractThreshold && offer >= o.tradeCreditsPerHour)
    return {
      role: 'contracts',
      reason: `the open contract evaluates at ${offer}/h, at least the threshold ${o.contractThreshold}/h${o.tradeCreditsPerHour > 0 ? ` and the best trade's ${o.tradeCreditsPerHour}/h` : ''}`,
    };
  if (o.noContract) return { role: 'contracts', reason: 'no contract yet: negotiating one' };
  if (o.contractUnpriced && CONTRACT_UNPRICED_TAKEN)
    return {
      role: 'contracts',
      reason: "no price of the open contract's good is known yet: `contract run` reads the nearest market first",
    };
  const contract =
    offer === undefined
      ? 'the open contract could not be evaluated'
      : offer >= o.contractThreshold
        ? `the open contract evaluates at ${offer}/h, under the best trade's ${o.tradeCreditsPerHour}/h (it stays open for the next cycle)`
        : `the open contract evaluates at ${offer}/h, under the threshold ${o.contractThreshold}/h`;
  if (o.tradeCreditsPerHour > 0 && (!o.canMine || o.tradeCreditsPerHour > o.miningCreditsPerHour))
    return {
      role: 'trading',
      reason: `${contract}; the best trade route pays ${o.tradeCreditsPerHour}/h${o.canMine ? `, more than mining's estimated ${o.miningCreditsPerHour}/h` : ''}`,
    };
  if (o.canMine)
    return {
      role: 'mining',
      reason: `${contract}; mining is estimated at ${o.miningCreditsPerHour}/h${o.tradeCreditsPerHour > 0 ? `, trading pays ${o.tradeCreditsPerHour}/h` : ', no trade route is known'}`,
    };
  return { role: 'idle', reason: `${contract}; it cannot mine and no trade route is known` };
}

/**
 * Credits kept back from ship purchases while the command ship runs contracts or trades: the goods of one
 * contract or one trade must still be bought (the sandbox caps a contract's goods at 5,000, a 40-unit
 * hold of a manufactured good costs up to ~25,000), so a purchase never leaves it unable to buy its cargo.
 */
export const CONTRACT_WORKING_CAPITAL = 25_000;

/** The credits purchases must leave: the player's reserve, and the working capital while the command ship buys cargo. */
export function purchaseReserve(requested: number, buyingCargo: boolean): number {
  return buyingCargo ? Math.max(requested, CONTRACT_WORKING_CAPITAL) : requested;
}

/**
 * A probe stationed at a faction's waypoint (headquarters) negotiates the next contract the moment the
 * last one is fulfilled, so the contract ship flies from its delivery straight to the next goods instead
 * of back to headquarters first: worth one probe (about 20k, kept as net worth) while contracts run.
 * One negotiator is enough (one contract is open at a time).
 */
export function wantsNegotiator(o: {
  contractsRunning: boolean;
  hasNegotiator: boolean;
  probePrice?: number;
  spendable: number;
}): { buy: boolean; reason: string } {
  if (!o.contractsRunning) return { buy: false, reason: 'the command ship runs no contracts' };
  if (o.hasNegotiator) return { buy: false, reason: 'a negotiator is already stationed' };
  if (o.probePrice === undefined) return { buy: false, reason: 'no probe on offer where a ship of ours is' };
  if (o.probePrice > o.spendable)
    return { buy: false, reason: `a probe costs ${o.probePrice}, more than the ${Math.max(0, o.spendable)} spendable` };
  return {
    buy: true,
    reason: 'stationed at headquarters, it negotiates each next contract, sparing the contract ship the flight back',
  };
}
