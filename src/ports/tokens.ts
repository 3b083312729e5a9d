/** Dependency-injection tokens for the ports; the composition root binds each to an adapter. */
export const TOKENS = {
  Config: Symbol.for('Config'),
  Logger: Symbol.for('Logger'),
  Clock: Symbol.for('Clock'),
  Database: Symbol.for('Database'),
  SpaceTradersApi: Symbol.for('SpaceTradersApi'),
  PlayerRepository: Symbol.for('PlayerRepository'),
  SettingsRepository: Symbol.for('SettingsRepository'),
  ShipRepository: Symbol.for('ShipRepository'),
  SystemRepository: Symbol.for('SystemRepository'),
  RouteRepository: Symbol.for('RouteRepository'),
  ContainerStore: Symbol.for('ContainerStore'),
  EventLog: Symbol.for('EventLog'),
  Mediator: Symbol.for('Mediator'),
  MessageRegistry: Symbol.for('MessageRegistry'),
  EventRecorder: Symbol.for('EventRecorder'),
  DaemonLock: Symbol.for('DaemonLock'),
} as const;
