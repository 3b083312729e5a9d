import 'reflect-metadata';
import { Container } from 'inversify';
import { LoggingBehavior } from './application/behaviors/logging-behavior.js';
import { TokenResetBehavior } from './application/behaviors/token-reset-behavior.js';
import { TransactionBehavior } from './application/behaviors/transaction-behavior.js';
import { ValidationBehavior } from './application/behaviors/validation-behavior.js';
import { Players } from './application/player/players.js';
import { RoutePlanning } from './application/navigation/route-planning.js';
import { SystemMap } from './application/systems/system-map.js';
import { ShipAction } from './application/ships/ship-action.js';
import { LotSettlement } from './application/ships/lot-settlement.js';
import { ShipTrade } from './application/ships/ship-trade.js';
import { MiningOps } from './application/mining/mining-ops.js';
import { MiningSites } from './application/mining/mining-site.js';
import { SellHold } from './application/mining/sell-hold.js';
import { DeliverHold } from './application/mining/deliver-hold.js';
import { HandToHauler } from './application/mining/hand-to-hauler.js';
import { ContractMining } from './application/contracts/contract-mining.js';
import { TradePlanning } from './application/trading/trade-planning.js';
import { TradeTrips } from './application/trading/trade-trips.js';
import { FleetDecisions } from './application/fleet/fleet-decisions.js';
import { FleetFeeding } from './application/fleet/fleet-feeding.js';
import { FleetInputs } from './application/fleet/fleet-inputs.js';
import { FleetNegotiator } from './application/fleet/fleet-negotiator.js';
import { Markets } from './application/markets/markets.js';
import { SqliteMarketRepository } from './adapters/sqlite/sqlite-market-repository.js';
import { SqliteShipyardRepository } from './adapters/sqlite/sqlite-shipyard-repository.js';
import { Shipyards } from './application/shipyards/shipyards.js';
import { SqliteLedger } from './adapters/sqlite/sqlite-ledger.js';
import { SqliteTradeProgress } from './adapters/sqlite/sqlite-trade-progress.js';
import { ScoutFleet } from './application/scouting/scout-fleet.js';
import { ScoutTour } from './application/scouting/scout-tour.js';
import { SqliteSurveyRepository } from './adapters/sqlite/sqlite-survey-repository.js';
import { ContractBook } from './application/contracts/contract-book.js';
import { ContractPlanning } from './application/contracts/contract-planning.js';
import { ContractWorkflow } from './application/contracts/contract-workflow.js';
import { ContainerRunner } from './application/containers/container-runner.js';
import { ShipPurchases } from './application/shipyards/ship-purchases.js';
import { currentContainer } from './application/containers/container-scope.js';
import { SqliteDaemonLock } from './adapters/sqlite/sqlite-daemon-lock.js';
import { SqliteContainerStore } from './adapters/sqlite/sqlite-container-store.js';
import { createPinoLogger } from './adapters/pino/pino-logger.js';
import { lazySpaceTradersApi } from './adapters/spacetraders-api/lazy-spacetraders-api.js';
import { openDatabase, type SqliteDatabase } from './adapters/sqlite/connection.js';
import { SqliteBudgetStore } from './adapters/sqlite/sqlite-budget-store.js';
import { SqlitePlayerRepository } from './adapters/sqlite/sqlite-player-repository.js';
import { SqliteRouteRepository } from './adapters/sqlite/sqlite-route-repository.js';
import { SqliteShipRepository } from './adapters/sqlite/sqlite-ship-repository.js';
import { SqliteSystemRepository } from './adapters/sqlite/sqlite-system-repository.js';
import { SqliteSettingsRepository } from './adapters/sqlite/sqlite-settings-repository.js';
import { SqliteUnitOfWorkStore } from './adapters/sqlite/sqlite-unit-of-work-store.js';
import type { Config } from './ports/config.js';
import { currentUnitOfWork, currentWorkClass, requestLogFields } from './mediator/context.js';
import { EventBus } from './mediator/event-bus.js';
import { Mediator } from './mediator/mediator.js';
import { MessageRegistry } from './mediator/message-registry.js';
import { OutboxDispatcher } from './mediator/outbox-dispatcher.js';
import { UnitOfWork } from './mediator/unit-of-work.js';
import type { EventRecorder } from './ports/event-recorder.js';
import type { StoredCommand } from './ports/daemon-control.js';
import { processSecrets } from './domain/player/secrets.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { SpaceTradersApi } from './ports/spacetraders-api.js';
import { TOKENS } from './ports/tokens.js';
import { USE_CASES } from './application/use-cases.js';

export interface App {
  readonly config: Config;
  readonly mediator: Mediator;
  readonly messages: MessageRegistry;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly container: Container;
  /** Deliver events a crashed process committed but never dispatched. */
  redeliverPendingEvents(): Promise<number>;
  close(): void;
}

/** Test seams: replace an adapter without touching the rest of the wiring. */
export interface AppOverrides {
  api?: SpaceTradersApi;
  logger?: Logger;
  clock?: Clock;
  database?: SqliteDatabase;
}

/** The one place that binds ports to adapters and use cases to the mediator. */
export function createApp(config: Config, overrides: AppOverrides = {}): App {
  processSecrets.add(config.accountToken);
  const logger =
    overrides.logger ??
    createPinoLogger({ level: config.logLevel, context: requestLogFields, scrub: processSecrets.scrub });
  const db = overrides.database ?? openDatabase(config.dbPath);
  const store = new SqliteUnitOfWorkStore(db, processSecrets.scrub);
  const events = new EventBus((event, error) =>
    logger.warn({ event: event.type, error: String(error) }, 'event subscriber failed'),
  );
  const dispatcher = new OutboxDispatcher(events, store);

  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.Logger).toConstantValue(logger);
  container.bind(TOKENS.Clock).toConstantValue(overrides.clock ?? systemClock);
  container.bind(TOKENS.Database).toConstantValue(db);
  const api =
    overrides.api ??
    lazySpaceTradersApi(async () =>
      (await import('./adapters/spacetraders-api/create-spacetraders-api.js')).createSpaceTradersApi(
        config,
        (host) => new SqliteBudgetStore(db, host),
        db,
        currentWorkClass,
        () => currentContainer()?.signal,
      ),
    );
  container.bind(TOKENS.SpaceTradersApi).toConstantValue(api);
  container
    .bind(TOKENS.PlayerRepository)
    .toConstantValue(new SqlitePlayerRepository(db, currentUnitOfWork, processSecrets.add));
  container.bind(TOKENS.SettingsRepository).toConstantValue(new SqliteSettingsRepository(db, currentUnitOfWork));
  container.bind(TOKENS.ShipRepository).toConstantValue(new SqliteShipRepository(db, currentUnitOfWork));
  container.bind(TOKENS.SystemRepository).toConstantValue(new SqliteSystemRepository(db, currentUnitOfWork));
  container.bind(TOKENS.RouteRepository).toConstantValue(new SqliteRouteRepository(db, currentUnitOfWork));
  container
    .bind(TOKENS.MarketRepository)
    .toConstantValue(new SqliteMarketRepository(db, currentUnitOfWork, config.markets?.retentionDays));
  container
    .bind(TOKENS.ShipyardRepository)
    .toConstantValue(new SqliteShipyardRepository(db, currentUnitOfWork, config.markets?.retentionDays));
  container.bind(TOKENS.Ledger).toConstantValue(new SqliteLedger(db, currentUnitOfWork));
  container.bind(TOKENS.TradeProgress).toConstantValue(new SqliteTradeProgress(db, currentUnitOfWork));
  container.bind(TOKENS.SurveyRepository).toConstantValue(new SqliteSurveyRepository(db, currentUnitOfWork));
  container.bind(TOKENS.ContainerStore).toConstantValue(new SqliteContainerStore(db, processSecrets.scrub));
  container.bind(Players).toSelf();
  container.bind(SystemMap).toSelf();
  container.bind(RoutePlanning).toSelf();
  container.bind(ShipAction).toSelf();
  container.bind(Markets).toSelf();
  container.bind(Shipyards).toSelf();
  container.bind(ShipPurchases).toSelf();
  container.bind(ShipTrade).toSelf();
  container.bind(LotSettlement).toSelf();
  container.bind(ScoutFleet).toSelf();
  container.bind(ScoutTour).toSelf();
  container.bind(MiningOps).toSelf();
  container.bind(MiningSites).toSelf();
  container.bind(SellHold).toSelf();
  container.bind(DeliverHold).toSelf();
  container.bind(HandToHauler).toSelf();
  container.bind(ContractMining).toSelf();
  container.bind(ContractBook).toSelf();
  container.bind(ContractPlanning).toSelf();
  container.bind(ContractWorkflow).toSelf();
  container.bind(TradePlanning).toSelf();
  container.bind(TradeTrips).toSelf();
  container.bind(FleetInputs).toSelf();
  container.bind(FleetNegotiator).toSelf();
  container.bind(FleetDecisions).toSelf();
  container.bind(FleetFeeding).toSelf();
  container.bind(TOKENS.EventLog).toConstantValue(store);

  const mediator = new Mediator([
    new LoggingBehavior(logger),
    new ValidationBehavior(),
    new TokenResetBehavior(
      container.get(TOKENS.PlayerRepository),
      container.get(TOKENS.SettingsRepository),
      container.get(TOKENS.SystemRepository),
      container.get(TOKENS.Clock),
      container.get(TOKENS.MarketRepository),
      container.get(TOKENS.ShipyardRepository),
      container.get(TOKENS.SurveyRepository),
    ),
    new TransactionBehavior(store, dispatcher),
  ]);
  const messages = new MessageRegistry();
  for (const [request, handler] of USE_CASES) {
    container.bind(handler).toSelf();
    mediator.register(request, () => container.get(handler));
    messages.register(request);
  }
  container.bind(TOKENS.Mediator).toConstantValue(mediator);
  container.bind(TOKENS.MessageRegistry).toConstantValue(messages);
  const recorder: EventRecorder = {
    record: async (...recorded) => {
      const unitOfWork = new UnitOfWork(store, null, (stored) => dispatcher.dispatch(stored));
      unitOfWork.record(...recorded);
      await unitOfWork.checkpoint();
    },
  };
  container.bind(TOKENS.EventRecorder).toConstantValue(recorder);
  container.bind(TOKENS.DaemonLock).toConstantValue(new SqliteDaemonLock(db));
  container.bind(ContainerRunner).toSelf();
  // Jobs a command starts run in this process's runner: the daemon's own (the CLI rebinds it to the daemon's socket).
  container.bind(TOKENS.JobLauncher).toConstantValue({
    submit: async (command: StoredCommand) => container.get(ContainerRunner).submit(command),
    stop: async (id: string) => container.get(ContainerRunner).stop(id),
  });

  return {
    config,
    mediator,
    messages,
    events,
    logger,
    container,
    redeliverPendingEvents: () => dispatcher.redeliverPending(),
    close: () => {
      if (!overrides.database && db.open) db.close();
    },
  };
}
