import { randomUUID } from 'node:crypto';
import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import type { Random } from '../domain/random.js';
import { type Game, STREAMS } from './game.js';
import { settle } from './markets/economy.js';
import { prices } from './markets/prices.js';
import { TRADE_GOODS } from './world/catalog.js';
import { MINABLE, plainYieldsOf } from './world/deposits.js';
import type { WaypointState } from './world/world.js';

type S = components['schemas'];

/*
 * The contracts the sandbox offers, as players saw the real server's (ECONOMY.md §4): PROCUREMENT of a
 * good one can get in the system, paid about 3× what the goods cost there, 24 hours to accept and 7
 * days to deliver. The real starting contract (FloWi st_client.rs, 2024-08): 43 COPPER_ORE for 1,440 on
 * accept + 7,784 on fulfil.
 */
const DAY_MS = 86_400_000;
/** Days from the offer to the delivery deadline (the real starter: 7 days). */
const CONTRACT_DEADLINE_DAYS = 7;
/** Days the offer stays open to accept (the real starter: 24 h). */
const CONTRACT_ACCEPT_DAYS = 1;
/**
 * Payment ÷ the goods' cost at the system's prices: players netted ~70% of a payout (aLog), so the
 * payout is ~3× the goods. The sandbox draws each contract's ratio within ±CONTRACT_PAYMENT_SPREAD of it.
 */
export const CONTRACT_PAYMENT_RATIO = 3;
export const CONTRACT_PAYMENT_SPREAD = 0.1;
/** Share of the payment paid on accept: the real starter's 1,440 of 9,224 (15.6%). */
export const CONTRACT_ACCEPT_SHARE = 0.156;
/**
 * Units asked: one to one and a half holds of a 40-cargo frigate (the real starter asks 43), drawn in
 * that range — fewer for a costly good, so the goods never cost more than CONTRACT_MAX_GOODS_COST.
 */
const CONTRACT_HOLD_UNITS = 40;
const CONTRACT_MAX_HOLDS = 1.5;
/**
 * The sandbox's cap on a contract's goods, so payouts stay where players saw them: the real starter paid
 * 9,224 for 43 COPPER_ORE, and a payout that netted 155k was "24× a typical one" (aL), so a typical
 * contract nets ~6.5k (pays ~9k). At 3× the goods, 5,000 of goods caps a payout near 16,500; a cap of
 * 20,000 (this sandbox before) let one frigate make ~75k/hour on contracts, ten times the ~6.6k/hour
 * players report for early contracts. Which goods and how many the real server asks for is unpublished.
 */
const CONTRACT_MAX_GOODS_COST = 5_000;
/** Goods no contract asks for: fuel, antimatter and ship components (the sandbox's choice; players saw raw and manufactured goods). */
const NOT_PROCURED = /^(FUEL|ANTIMATTER|SHIP_|FRAME_|REACTOR_|ENGINE_|MOUNT_|MODULE_)/;

function systemWaypoints(game: Game, systemSymbol: string): WaypointState[] {
  return (game.world.systems[systemSymbol]?.waypoints ?? []).map((symbol) => game.world.waypoints[symbol]!);
}

/** Goods some market of the system trades or some asteroid there yields (plainly, without a survey). */
export function procurableGoods(game: Game, systemSymbol: string): string[] {
  const goods = new Set<string>();
  for (const waypoint of systemWaypoints(game, systemSymbol)) {
    for (const good of Object.keys(waypoint.market ?? {})) goods.add(good);
    if (MINABLE.has(waypoint.type)) for (const good of plainYieldsOf(waypoint)) goods.add(good);
  }
  return [...goods].filter((good) => !NOT_PROCURED.test(good)).sort();
}

/** What a unit of the good costs in the system: its cheapest ask at a market there, else its catalogue price. */
function unitCost(game: Game, systemSymbol: string, good: string): number {
  const asks = systemWaypoints(game, systemSymbol)
    .filter((waypoint) => waypoint.market?.[good])
    .map((waypoint) => {
      settle(game, waypoint);
      return prices(waypoint.market![good]!).purchasePrice;
    });
  return asks.length > 0 ? Math.min(...asks) : (TRADE_GOODS[good]?.basePrice ?? 100);
}

/** Where the goods go: a market of the system that imports them, else one that does not sell them, else any. */
function destinationFor(random: Random, game: Game, systemSymbol: string, good: string, fallback: string): string {
  const markets = systemWaypoints(game, systemSymbol).filter((waypoint) => waypoint.market);
  const importers = markets.filter((waypoint) => waypoint.market![good]?.type === 'IMPORT');
  const others = markets.filter((waypoint) => !waypoint.market![good]);
  const choice = importers.length > 0 ? importers : others.length > 0 ? others : markets;
  return choice.length > 0 ? random.pick(choice).symbol : fallback;
}

/** A new PROCUREMENT offer from `faction` for goods of `systemSymbol`, filed for the agent. */
export function offerContract(
  game: Game,
  owner: string,
  faction: string,
  systemSymbol: string,
  fallbackDestination: string,
): S['Contract'] {
  const random = game.random(STREAMS.contracts);
  const now = game.clock.now();
  const goods = procurableGoods(game, systemSymbol);
  const good = goods.length > 0 ? random.pick(goods) : 'IRON_ORE';
  const cost = unitCost(game, systemSymbol, good);
  const holds = random.int(CONTRACT_HOLD_UNITS, Math.round(CONTRACT_HOLD_UNITS * CONTRACT_MAX_HOLDS));
  const units = Math.max(1, Math.min(holds, Math.floor(CONTRACT_MAX_GOODS_COST / cost)));
  const ratio = CONTRACT_PAYMENT_RATIO * (1 + CONTRACT_PAYMENT_SPREAD * (2 * random.next() - 1));
  const total = Math.round(units * cost * ratio);
  const onAccepted = Math.round(total * CONTRACT_ACCEPT_SHARE);
  const deadlineToAccept = new Date(now + game.clock.scaled(CONTRACT_ACCEPT_DAYS * DAY_MS)).toISOString();
  const contract: S['Contract'] = {
    id: randomUUID(),
    factionSymbol: faction,
    type: 'PROCUREMENT',
    terms: {
      deadline: new Date(now + game.clock.scaled(CONTRACT_DEADLINE_DAYS * DAY_MS)).toISOString(),
      payment: { onAccepted, onFulfilled: total - onAccepted },
      deliver: [
        {
          tradeSymbol: good,
          destinationSymbol: destinationFor(random, game, systemSymbol, good, fallbackDestination),
          unitsRequired: units,
          unitsFulfilled: 0,
        },
      ],
    },
    accepted: false,
    fulfilled: false,
    expiration: deadlineToAccept,
    deadlineToAccept,
  };
  game.world.contracts[contract.id] = { owner, contract };
  return structuredClone(contract);
}
