import { DomainRuleError } from '../errors.js';
import { splitIntoLots } from '../market/lots.js';
import { SECONDS_PER_LOT, SECONDS_PER_STOP } from '../trading/action-seconds.js';
import { type Contract, type ContractDelivery, paymentStillDue, unitsStillRequired } from './contract.js';

/**
 * How much a purchase lifts the price, per full lot of the good's trade volume: the live server moves
 * it about +5% × units / tradeVolume (ECONOMY.md, "What a simulator should model", trades). Recovery
 * between trips is ignored, so the estimate errs on the dear side.
 */
const PRICE_RISE_PER_FULL_LOT = 0.05;

/** A trip between two waypoints as the route planner sees it. */
export interface Leg {
  seconds: number;
  fuelCost: number;
}

/** Where the goods come from: a market at its best known price, or an asteroid mined for them. */
export type GoodsSource =
  | { kind: 'buy'; waypoint: string; pricePerUnit: number; tradeVolume: number }
  | { kind: 'mine'; waypoint: string; miningSeconds: (units: number) => number };

export type PlanStep =
  | { step: 'accept'; credits: number }
  | { step: 'fly'; to: string; seconds: number; fuelCost: number }
  | { step: 'buy'; waypoint: string; good: string; units: number; cost: number }
  | { step: 'mine'; waypoint: string; good: string; units: number; seconds: number }
  | { step: 'deliver'; waypoint: string; good: string; units: number }
  | { step: 'fulfill'; credits: number };

/** What `contract evaluate` reports (the JSON keys are a contract). */
export interface ContractEvaluation {
  id: string;
  revenue: number;
  goodsCost: number;
  fuelCost: number;
  seconds: number;
  profit: number;
  creditsPerHour: number;
  source: 'buy' | 'mine';
  /** Where the goods come from. */
  sourceWaypoint: string;
  plan: PlanStep[];
}

export interface EvaluationInput {
  contract: Contract;
  delivery: ContractDelivery;
  /** Units of the good the ship carries now. */
  held: number;
  /** Units of the good one trip can carry: the hold's capacity less other cargo. */
  space: number;
  source: GoodsSource;
  /** Where the ship is. */
  location: string;
  /**
   * The flight between two waypoints, asked in the order the ship flies them, the first from `location`
   * (so a caller can carry the tank from one flight to the next: the ship does not arrive anywhere full).
   */
  leg: (from: string, to: string) => Leg;
}

/** The flights a contract takes, in order, without their times: for a caller that plans each with the tank left. */
export function contractFlights(input: Omit<EvaluationInput, 'leg'>): { from: string; to: string }[] {
  const flights: { from: string; to: string }[] = [];
  evaluateContract({
    ...input,
    leg: (from, to) => {
      flights.push({ from, to });
      return { seconds: 0, fuelCost: 0 };
    },
  });
  return flights;
}

/** The cost of buying `units` in lots of the trade volume, each lot lifting the price; and the price after. */
export function estimatePurchase(
  units: number,
  pricePerUnit: number,
  tradeVolume: number,
): { cost: number; priceAfter: number } {
  let price = pricePerUnit;
  let cost = 0;
  for (const lot of splitIntoLots(units, Math.max(1, tradeVolume))) {
    cost += lot * Math.round(price);
    price *= 1 + (PRICE_RISE_PER_FULL_LOT * lot) / Math.max(1, tradeVolume);
  }
  return { cost, priceAfter: price };
}

/**
 * What a contract would earn done by one ship from where it is: the payments still due, less the goods
 * (bought, with price impact, or mined: time only) and the fuel, over the time of every trip the hold needs.
 */
export function evaluateContract(input: EvaluationInput): ContractEvaluation {
  const { contract, delivery, source } = input;
  const still = unitsStillRequired(delivery);
  let inHold = Math.min(input.held, still);
  let remaining = still - inHold;
  if (remaining > 0 && input.space <= 0)
    throw new DomainRuleError(`the ship has no room for ${delivery.good}`, 'CARGO_SPACE');
  const plan: PlanStep[] = [];
  if (!contract.accepted) plan.push({ step: 'accept', credits: contract.payment.onAccepted });
  let at = input.location;
  const fly = (to: string) => {
    const leg = input.leg(at, to);
    at = to;
    plan.push({ step: 'fly', to, seconds: leg.seconds, fuelCost: leg.fuelCost });
  };
  const deliver = () => {
    plan.push({ step: 'deliver', waypoint: delivery.destination, good: delivery.good, units: inHold });
    inHold = 0;
  };
  let price = source.kind === 'buy' ? source.pricePerUnit : 0;
  if (inHold > 0 && (remaining === 0 || inHold >= input.space)) {
    fly(delivery.destination);
    deliver();
  }
  while (remaining > 0) {
    fly(source.waypoint);
    const units = Math.min(input.space - inHold, remaining);
    if (source.kind === 'buy') {
      const bought = estimatePurchase(units, price, source.tradeVolume);
      price = bought.priceAfter;
      plan.push({ step: 'buy', waypoint: source.waypoint, good: delivery.good, units, cost: bought.cost });
    } else {
      const seconds = source.miningSeconds(units);
      plan.push({ step: 'mine', waypoint: source.waypoint, good: delivery.good, units, seconds });
    }
    inHold += units;
    remaining -= units;
    fly(delivery.destination);
    deliver();
  }
  plan.push({ step: 'fulfill', credits: contract.payment.onFulfilled });
  const revenue = paymentStillDue(contract);
  let goodsCost = 0;
  let fuelCost = 0;
  let seconds = 0;
  for (const step of plan) {
    if (step.step === 'buy') goodsCost += step.cost;
    if (step.step === 'fly') {
      fuelCost += step.fuelCost;
      seconds += step.seconds;
    }
    if (step.step === 'mine') seconds += step.seconds;
    seconds += actionSeconds(step, source);
  }
  const profit = revenue - goodsCost - fuelCost;
  return {
    id: contract.id,
    revenue,
    goodsCost,
    fuelCost,
    seconds,
    profit,
    creditsPerHour: Math.round((profit * 3600) / Math.max(1, seconds)),
    source: source.kind,
    sourceWaypoint: source.waypoint,
    plan,
  };
}

/**
 * The time a step takes besides flying and extracting: a purchase docks and trades lot by lot, a
 * delivery docks and delivers, accepting and fulfilling are one request each. Without it, goods bought
 * where they are delivered, with the ship already there, would earn their profit in 0 s.
 */
function actionSeconds(step: PlanStep, source: GoodsSource): number {
  switch (step.step) {
    case 'accept':
    case 'fulfill':
      return SECONDS_PER_LOT;
    case 'buy':
      return (
        SECONDS_PER_STOP +
        SECONDS_PER_LOT * splitIntoLots(step.units, Math.max(1, source.kind === 'buy' ? source.tradeVolume : 1)).length
      );
    case 'mine':
      return SECONDS_PER_STOP;
    case 'deliver':
      return SECONDS_PER_STOP + SECONDS_PER_LOT;
    default:
      return 0;
  }
}

/** The better of two evaluations: more credits per hour, then more profit. */
export function betterEvaluation(a: ContractEvaluation, b: ContractEvaluation): ContractEvaluation {
  if (a.creditsPerHour !== b.creditsPerHour) return a.creditsPerHour > b.creditsPerHour ? a : b;
  return a.profit >= b.profit ? a : b;
}
