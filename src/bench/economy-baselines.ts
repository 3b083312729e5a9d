/**
 * The economy bench's two baselines, written plainly with the command ship only and single-step use
 * cases: (a) contracts: negotiate, accept, buy at the nearest market trading the good (or mine it at the
 * nearest asteroid whose deposits list it), deliver, fulfil, again; (b) mine at the nearest asteroid and
 * sell each good at the nearest market that buys it. Each loops until the bench's game time is up.
 */
import { AcceptContract } from '../application/contracts/accept-contract.js';
import { DeliverContract } from '../application/contracts/deliver-contract.js';
import { FulfillContract } from '../application/contracts/fulfill-contract.js';
import { ExtractResources } from '../application/mining/extract-resources.js';
import { MiningSites } from '../application/mining/mining-site.js';
import { yieldsGood } from '../application/mining/mining-plan.js';
import { NavigateShip } from '../application/navigation/navigate-ship.js';
import { Players } from '../application/player/players.js';
import { BuyCargo } from '../application/ships/buy-cargo.js';
import { JettisonCargo } from '../application/ships/jettison-cargo.js';
import { SellCargo } from '../application/ships/sell-cargo.js';
import type { App } from '../composition-root.js';
import { deliveryFor, unitsStillRequired } from '../domain/contracts/contract.js';
import { isMinable } from '../domain/mining/extraction.js';
import type { SpaceTradersApi } from '../ports/spacetraders-api.js';
import { TOKENS } from '../ports/tokens.js';

export const AGENT = 'BENCH-1';
const SHIP = `${AGENT}-1`;

/** A sleep past the bench's game time: the strategy's loop ends there. */

export type Strategy = (ctx: { app: App; deadline: { at: number } }) => Promise<void>;

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** The waypoint of `candidates` nearest `from` as the crow flies. */
function nearest<T extends { x: number; y: number }>(from: { x: number; y: number }, candidates: readonly T[]): T {
  return [...candidates].sort((a, b) => distance(from, a) - distance(from, b))[0]!;
}

function tools(app: App) {
  const api = app.container.get<SpaceTradersApi>(TOKENS.SpaceTradersApi);
  const player = app.container.get(Players).resolve(AGENT);
  const sites = app.container.get(MiningSites);
  const send = app.mediator.send.bind(app.mediator);
  const go = (destination: string) => send(new NavigateShip({ shipSymbol: SHIP, destination, player: AGENT }));
  const ship = () => api.getShip(player.token, SHIP);
  const site = async () => sites.load(player, (await ship()).nav.systemSymbol);
  return { api, player, send, go, ship, site };
}

/** (a) Contracts only: one after another, bought at the nearest seller, else mined at the nearest asteroid yielding it. */
export const contractsOnly: Strategy = async ({ app, deadline }) => {
  const { api, player, send, go, ship, site } = tools(app);
  while (Date.now() < deadline.at) {
    let contract = (await api.listContracts(player.token)).find((c) => !c.fulfilled);
    if (!contract) {
      // The faction negotiates at the agent's headquarters.
      await go(player.snapshot().headquarters!);
      contract = await api.negotiateContract(player.token, SHIP);
    }
    if (!contract.accepted) await send(new AcceptContract({ contractId: contract.id, player: AGENT }));
    const delivery = deliveryFor(contract);
    for (;;) {
      contract = await api.getContract(player.token, contract.id);
      const still = unitsStillRequired(deliveryFor(contract));
      if (still === 0) break;
      const map = await site();
      const here = map.waypoints.get((await ship()).location())!;
      const sellers = [...map.buyers].filter(([, goods]) => goods.has(delivery.good)).map(([w]) => w);
      const held = () => ship().then((s) => s.unitsOf(delivery.good));
      if (sellers.length > 0) {
        const market = nearest(
          here,
          sellers.map((w) => map.waypoints.get(w)!),
        );
        await go(market.symbol);
        const s = await ship();
        const units = Math.min(still - s.unitsOf(delivery.good), s.cargo.capacity - s.cargo.units);
        if (units > 0) await send(new BuyCargo({ shipSymbol: SHIP, good: delivery.good, units, player: AGENT }));
      } else {
        const asteroids = [...map.waypoints.values()].filter((w) => yieldsGood(map, w.symbol, delivery.good));
        if (asteroids.length === 0) throw new Error(`${delivery.good} is neither sold nor mined in the system`);
        await go(nearest(here, asteroids).symbol);
        while ((await held()) < still && (await ship()).cargoSpace > 0) {
          const { good, units } = await send(new ExtractResources({ shipSymbol: SHIP, player: AGENT }));
          if (good !== delivery.good) await send(new JettisonCargo({ shipSymbol: SHIP, good, units, player: AGENT }));
        }
      }
      await go(delivery.destination);
      await send(new DeliverContract({ contractId: contract.id, shipSymbol: SHIP, player: AGENT }));
    }
    await send(new FulfillContract({ contractId: contract.id, player: AGENT }));
  }
};

/** (b) Mine at the nearest asteroid until the hold is full, sell each good at the nearest market buying it, repeat. */
export const mineAndSell: Strategy = async ({ app, deadline }) => {
  const { go, send, ship, site } = tools(app);
  const map = await site();
  const home = map.waypoints.get((await ship()).location())!;
  const asteroid = nearest(
    home,
    [...map.waypoints.values()].filter((w) => isMinable(w.type)),
  );
  while (Date.now() < deadline.at) {
    await go(asteroid.symbol);
    while ((await ship()).cargoSpace > 0) await send(new ExtractResources({ shipSymbol: SHIP, player: AGENT }));
    for (const item of (await ship()).cargo.inventory) {
      const here = map.waypoints.get((await ship()).location())!;
      const buyers = [...map.buyers].filter(([, goods]) => goods.has(item.symbol)).map(([w]) => w);
      if (buyers.length === 0) {
        await send(new JettisonCargo({ shipSymbol: SHIP, good: item.symbol, units: item.units, player: AGENT }));
        continue;
      }
      await go(
        nearest(
          here,
          buyers.map((w) => map.waypoints.get(w)!),
        ).symbol,
      );
      await send(new SellCargo({ shipSymbol: SHIP, good: item.symbol, player: AGENT }));
    }
  }
};
