/**
 * The demo's story, through the mediator as the CLI would send it: a fresh agent scouts its home
 * system with the probe, runs the starting contract with the command ship, buys a ship with what it
 * earned, and shows the books. The entry point (src/demo.ts) wires the app and the sandbox around it.
 */
import { EvaluateContract } from '../application/contracts/evaluate-contract.js';
import { ListContracts } from '../application/contracts/list-contracts.js';
import { RunContracts } from '../application/contracts/run-contracts.js';
import { FleetStatus } from '../application/fleet/fleet-status.js';
import { GetLedger } from '../application/markets/get-ledger.js';
import { ShowMarket } from '../application/markets/show-market.js';
import { NavigateShip } from '../application/navigation/navigate-ship.js';
import { RegisterPlayer } from '../application/player/register-player.js';
import { PlanScoutTours } from '../application/scouting/plan-scout-tours.js';
import { ScoutMarkets } from '../application/scouting/scout-markets.js';
import { ListShips } from '../application/ships/list-ships.js';
import type { ShipView } from '../application/ships/ship-view.js';
import { BuyShip } from '../application/shipyards/buy-ship.js';
import { ListShipyard } from '../application/shipyards/list-shipyard.js';
import { ListWaypoints } from '../application/systems/list-waypoints.js';
import { renderFleetStatus } from '../cli/fleet-view.js';
import { duration } from '../cli/route.js';
import { DomainRuleError } from '../domain/errors.js';
import type { EventBus } from '../mediator/event-bus.js';
import type { Mediator } from '../mediator/mediator.js';
import { describeContract, describeEvaluation, describeLedger, describeMarket, describeShip } from './describe.js';

export interface DemoDeps {
  mediator: Mediator;
  events: Pick<EventBus, 'on'>;
  say: (line?: string) => void;
}

export interface DemoOutcome {
  agent: string;
  creditsBefore: number;
  creditsAfter: number;
  /** Contracts the run fulfilled. */
  fulfilled: string[];
  /** The symbol of the ship bought. */
  shipBought: string;
  /** Credits the ledger does not account for: 0 when the books balance. */
  unexplained: number;
}

/** Ship types the demo would buy, best first: a hauler doubles the contract hold; a drone or probe is the fallback. */
const WANTED_SHIPS = ['SHIP_LIGHT_HAULER', 'SHIP_MINING_DRONE', 'SHIP_PROBE'];

const credits = (n: number) => Math.round(n).toLocaleString('en-US');

/** Runs every step in order; any failure propagates (the entry point prints it in one line). */
export async function playDemo(
  { mediator, events, say }: DemoDeps,
  options: { agent: string; faction: string; accountToken: string },
): Promise<DemoOutcome> {
  const { agent } = options;
  const follow = (stops: Array<() => void>) => () => {
    for (const stop of stops) stop();
  };

  say(`$ spacetraders player register --agent ${agent} --faction ${options.faction}`);
  const player = await mediator.send(
    new RegisterPlayer({ agentSymbol: agent, faction: options.faction, accountToken: options.accountToken }),
  );
  const creditsBefore = player.credits ?? 0;
  say(`registered ${agent} at ${player.headquarters} with ${credits(creditsBefore)} credits`);
  const ships = await mediator.send(new ListShips({}));
  for (const ship of ships) say(`  ${describeShip(ship)}`);
  const command = requireShip(ships, (s) => s.role === 'COMMAND', 'a command ship');
  const probes = ships.filter((s) => s.fuel.capacity === 0).map((s) => s.symbol);
  if (probes.length === 0) throw new DomainRuleError(`${agent} has no probe to scout with`);
  const system = command.system;
  say();

  say(`$ spacetraders scout plan ${system} --ships ${probes.join(',')}`);
  const plan = await mediator.send(new PlanScoutTours({ system, ships: probes }));
  for (const tour of plan.tours) say(`  ${tour.ship}: ${tour.stops.join(' -> ')} (${duration(tour.seconds)})`);
  say(`$ spacetraders scout markets ${system} --ships ${probes.join(',')} --rounds 1`);
  const stopScouting = follow([
    events.on('WaypointScouted', ({ payload: p }) =>
      say(
        `  ${p.ship} read ${p.waypoint}: ${[p.goods === null ? '' : `market ${p.goods} goods`, p.shipTypes === null ? '' : `shipyard ${p.shipTypes} ship types`].filter(Boolean).join(', ')}`,
      ),
    ),
  ]);
  const scouted = await mediator.send(new ScoutMarkets({ system, ships: probes, rounds: 1 })).finally(stopScouting);
  say(`scouted ${scouted.visits} stops in ${duration(scouted.makespanSeconds)} of game time`);
  say();

  const [offer] = await mediator.send(new ListContracts({}));
  if (!offer) throw new DomainRuleError(`${agent} has no contract to run`);
  const delivery = offer.deliver[0]!;
  say(`$ spacetraders contract list`);
  say(`  ${describeContract(offer)}`);
  const evaluation = await mediator.send(new EvaluateContract({ contractId: offer.id, shipSymbol: command.symbol }));
  say(`$ spacetraders market show ${evaluation.sourceWaypoint}`);
  say(describeMarket(await mediator.send(new ShowMarket({ waypoint: evaluation.sourceWaypoint })), delivery.good));
  say(`$ spacetraders contract evaluate ${offer.id} --ship ${command.symbol}`);
  say(describeEvaluation(evaluation));
  say(`$ spacetraders contract run --ship ${command.symbol}`);
  const stopContract = follow([
    events.on('CargoPurchased', ({ payload: p }) =>
      say(`  bought ${p.units} ${p.good} at ${p.waypoint} for ${credits(p.totalPrice)}`),
    ),
    events.on('RouteCompleted', ({ payload: p }) => say(`  ${p.ship} reached ${p.destination} (${p.legs} leg(s))`)),
  ]);
  const run = await mediator.send(new RunContracts({ shipSymbol: command.symbol, count: 1 })).finally(stopContract);
  if (run.fulfilled.length === 0)
    throw new DomainRuleError(`the contract was not fulfilled: ${run.stoppedBecause ?? 'no reason'}`);
  const done = (await mediator.send(new ListContracts({}))).find((c) => c.id === offer.id);
  say(`fulfilled ${done ? describeContract(done) : offer.id}`);
  say();

  const shipBought = await buyShip({ mediator, events, say }, system);
  say();

  say('$ spacetraders fleet status');
  const fleet = await mediator.send(new FleetStatus());
  for (const line of renderFleetStatus(fleet).split('\n')) say(`  ${line}`);
  say();

  say('$ spacetraders ledger --by kind');
  const ledger = await mediator.send(new GetLedger({ by: 'kind' }));
  say(describeLedger(ledger, creditsBefore));
  return {
    agent,
    creditsBefore,
    creditsAfter: ledger.credits,
    fulfilled: run.fulfilled,
    shipBought,
    unexplained: ledger.unexplained,
  };
}

/** At the system's shipyard (flying a probe there when no ship is), the best wanted type the credits allow. */
async function buyShip({ mediator, say }: DemoDeps, system: string): Promise<string> {
  const yards = await mediator.send(new ListWaypoints({ systemSymbol: system, trait: 'SHIPYARD' }));
  const yard = yards[0]?.symbol;
  if (!yard) throw new DomainRuleError(`${system} has no shipyard`);
  const ships = await mediator.send(new ListShips({}));
  if (!ships.some((s) => s.location === yard)) {
    const probe = requireShip(ships, (s) => s.fuel.capacity === 0, 'a probe');
    say(`$ spacetraders ship navigate ${probe.symbol} ${yard}`);
    const trip = await mediator.send(new NavigateShip({ shipSymbol: probe.symbol, destination: yard }));
    say(`  ${probe.symbol} reached ${yard} in ${duration(trip.route.totalSeconds)}`);
  }
  say(`$ spacetraders shipyard list ${yard}`);
  const offers = (await mediator.send(new ListShipyard({ waypoint: yard }))).ships;
  for (const o of offers) say(`  ${o.type.padEnd(20)} ${o.purchasePrice === null ? '?' : credits(o.purchasePrice)}`);
  const { credits: balance } = await mediator.send(new GetLedger({}));
  const choice = WANTED_SHIPS.map((type) => offers.find((o) => o.type === type)).find(
    (o) => o?.purchasePrice != null && o.purchasePrice <= balance,
  );
  if (!choice)
    throw new DomainRuleError(`none of ${WANTED_SHIPS.join(', ')} is affordable at ${yard} with ${credits(balance)}`);
  say(`$ spacetraders shipyard buy ${choice.type} --at ${yard}`);
  const bought = await mediator.send(new BuyShip({ shipType: choice.type, at: yard }));
  say(`bought ${bought.ship.symbol} (${choice.type}) for ${credits(bought.price)} credits`);
  return bought.ship.symbol;
}

function requireShip(ships: ShipView[], test: (ship: ShipView) => boolean, what: string): ShipView {
  const ship = ships.find(test);
  if (!ship) throw new DomainRuleError(`no ${what} in the fleet`);
  return ship;
}
