/**
 * The table of use cases: every request class and the handler that serves it. The composition root
 * registers each with the mediator and the message registry (stored commands for the daemon).
 */
import type { Newable } from 'inversify';
import { GetRecentEvents, GetRecentEventsHandler } from './events/get-recent-events.js';
import { GetRoute, GetRouteHandler } from './navigation/get-route.js';
import { NavigateShip, NavigateShipHandler } from './navigation/navigate-ship.js';
import { PlanRoute, PlanRouteHandler } from './navigation/plan-route.js';
import { GetPlayer, GetPlayerHandler } from './player/get-player.js';
import { ListPlayers, ListPlayersHandler } from './player/list-players.js';
import { RegisterPlayer, RegisterPlayerHandler } from './player/register-player.js';
import { SetDefaultPlayer, SetDefaultPlayerHandler } from './player/set-default-player.js';
import { UpdatePlayerMetadata, UpdatePlayerMetadataHandler } from './player/update-player-metadata.js';
import { DockShip, DockShipHandler } from './ships/dock-ship.js';
import { GetShip, GetShipHandler } from './ships/get-ship.js';
import { ListShips, ListShipsHandler } from './ships/list-ships.js';
import { OrbitShip, OrbitShipHandler } from './ships/orbit-ship.js';
import { RefuelShip, RefuelShipHandler } from './ships/refuel-ship.js';
import { GetShipCargo, GetShipCargoHandler } from './ships/get-ship-cargo.js';
import { BuyCargo, BuyCargoHandler } from './ships/buy-cargo.js';
import { SellCargo, SellCargoHandler } from './ships/sell-cargo.js';
import { JettisonCargo, JettisonCargoHandler } from './ships/jettison-cargo.js';
import { FindGood, FindGoodHandler } from './markets/find-good.js';
import { TransferCargo, TransferCargoHandler } from './ships/transfer-cargo.js';
import { SurveyShip, SurveyShipHandler } from './mining/survey-ship.js';
import { ExtractResources, ExtractResourcesHandler } from './mining/extract-resources.js';
import { FeedContract, FeedContractHandler } from './mining/feed-contract.js';
import { MineRun, MineRunHandler } from './mining/mine-run.js';
import { HaulRun, HaulRunHandler } from './mining/haul-run.js';
import { PlanTrades, PlanTradesHandler } from './trading/plan-trades.js';
import { TradeRun, TradeRunHandler } from './trading/trade-run.js';
import { FleetStatus, FleetStatusHandler } from './fleet/fleet-status.js';
import { FleetRun, FleetRunHandler } from './fleet/fleet-run.js';
import { ShowMarket, ShowMarketHandler } from './markets/show-market.js';
import { ListMarkets, ListMarketsHandler } from './markets/list-markets.js';
import { GetLedger, GetLedgerHandler } from './markets/get-ledger.js';
import { GetMarketHistory, GetMarketHistoryHandler } from './markets/market-history.js';
import { ListShipyard, ListShipyardHandler } from './shipyards/list-shipyard.js';
import { BuyShip, BuyShipHandler } from './shipyards/buy-ship.js';
import { SettleShipPurchases, SettleShipPurchasesHandler } from './shipyards/settle-ship-purchases.js';
import { PlanScoutTours, PlanScoutToursHandler } from './scouting/plan-scout-tours.js';
import { ScoutMarkets, ScoutMarketsHandler } from './scouting/scout-markets.js';
import { ListContracts, ListContractsHandler } from './contracts/list-contracts.js';
import { GetContract, GetContractHandler } from './contracts/get-contract.js';
import { AcceptContract, AcceptContractHandler } from './contracts/accept-contract.js';
import { DeliverContract, DeliverContractHandler } from './contracts/deliver-contract.js';
import { FulfillContract, FulfillContractHandler } from './contracts/fulfill-contract.js';
import { NegotiateContract, NegotiateContractHandler } from './contracts/negotiate-contract.js';
import { EvaluateContract, EvaluateContractHandler } from './contracts/evaluate-contract.js';
import { RunContracts, RunContractsHandler } from './contracts/run-contracts.js';
import { ListWaypoints, ListWaypointsHandler } from './systems/list-waypoints.js';
import { Wait, WaitHandler } from './containers/wait.js';
import { CheckServerStatus, CheckServerStatusHandler } from './server/check-server-status.js';
import { GetContainerLogs, GetContainerLogsHandler } from './containers/get-container-logs.js';
import { InspectContainer, InspectContainerHandler } from './containers/inspect-container.js';
import { ListContainers, ListContainersHandler } from './containers/list-containers.js';
import { SyncSystem, SyncSystemHandler } from './systems/sync-system.js';
import type { Request, RequestClass, RequestHandler } from '../mediator/request.js';

/** A handler's class: inversify supplies its constructor arguments. */
type HandlerClass = Newable<RequestHandler<Request<unknown>>>;

/** Every use case: the request class and the handler that serves it. */
export const USE_CASES: ReadonlyArray<readonly [RequestClass, HandlerClass]> = [
  [RegisterPlayer, RegisterPlayerHandler],
  [GetPlayer, GetPlayerHandler],
  [ListPlayers, ListPlayersHandler],
  [SetDefaultPlayer, SetDefaultPlayerHandler],
  [UpdatePlayerMetadata, UpdatePlayerMetadataHandler],
  [GetRecentEvents, GetRecentEventsHandler],
  [ListShips, ListShipsHandler],
  [GetShip, GetShipHandler],
  [OrbitShip, OrbitShipHandler],
  [DockShip, DockShipHandler],
  [RefuelShip, RefuelShipHandler],
  [GetShipCargo, GetShipCargoHandler],
  [BuyCargo, BuyCargoHandler],
  [SellCargo, SellCargoHandler],
  [JettisonCargo, JettisonCargoHandler],
  [FindGood, FindGoodHandler],
  [TransferCargo, TransferCargoHandler],
  [ShowMarket, ShowMarketHandler],
  [ListMarkets, ListMarketsHandler],
  [ListShipyard, ListShipyardHandler],
  [BuyShip, BuyShipHandler],
  [SettleShipPurchases, SettleShipPurchasesHandler],
  [GetLedger, GetLedgerHandler],
  [PlanScoutTours, PlanScoutToursHandler],
  [ScoutMarkets, ScoutMarketsHandler],
  [GetMarketHistory, GetMarketHistoryHandler],
  [ListContracts, ListContractsHandler],
  [GetContract, GetContractHandler],
  [AcceptContract, AcceptContractHandler],
  [DeliverContract, DeliverContractHandler],
  [FulfillContract, FulfillContractHandler],
  [NegotiateContract, NegotiateContractHandler],
  [EvaluateContract, EvaluateContractHandler],
  [RunContracts, RunContractsHandler],
  [SyncSystem, SyncSystemHandler],
  [ListWaypoints, ListWaypointsHandler],
  [PlanRoute, PlanRouteHandler],
  [GetRoute, GetRouteHandler],
  [NavigateShip, NavigateShipHandler],
  [Wait, WaitHandler],
  [CheckServerStatus, CheckServerStatusHandler],
  [ListContainers, ListContainersHandler],
  [InspectContainer, InspectContainerHandler],
  [GetContainerLogs, GetContainerLogsHandler],
  [SurveyShip, SurveyShipHandler],
  [ExtractResources, ExtractResourcesHandler],
  [MineRun, MineRunHandler],
  [FeedContract, FeedContractHandler],
  [HaulRun, HaulRunHandler],
  [PlanTrades, PlanTradesHandler],
  [TradeRun, TradeRunHandler],
  [FleetStatus, FleetStatusHandler],
  [FleetRun, FleetRunHandler],
];
