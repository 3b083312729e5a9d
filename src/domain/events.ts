/**
 * Every event the bot records, by type, with its payload. Handlers record them in the unit of
 * work; after the commit they are stored in the outbox (as `{type, occurredAt, payload}` JSON) and
 * published to subscribers. A new event is a new entry here.
 */
export interface EventPayloads {
  // Players
  PlayerRegistered: { agentSymbol: string; faction: string };
  PlayerImported: { agentSymbol: string; faction: string };
  PlayerReregistered: { agentSymbol: string };
  PlayerMetadataUpdated: { agentSymbol: string; keys: string[] };
  PlayerTokenStale: { agentSymbol: string };
  DefaultPlayerChanged: { agentSymbol: string };
  ServerReset: { previous: string | undefined; resetDate: string; stalePlayers: string[] };

  // Ships and navigation
  RoutePlanned: { ship: string; destination: string; legs: number; plannedSeconds: number };
  ShipDeparted: {
    ship: string;
    from: string;
    to: string;
    mode: string;
    warp: boolean;
    fuel: number;
    fuelCapacity: number;
    /** ISO timestamp. */
    arrival: string;
  };
  ShipJumped: { ship: string; from: string; to: string; cooldownSeconds: number };
  ShipArrived: { ship: string; waypoint: string; fuel: number; leg: number; legs: number };
  /** `creditsSpent` is null when the server's answer was lost and the real figure could not be recovered. */
  ShipRefueled: { ship: string; waypoint: string; fuelAdded: number; fuel: number; creditsSpent: number | null };
  RouteCompleted: { ship: string; destination: string; legs: number; seconds: number };

  // Markets: one event per lot, from the server's record of it
  CargoPurchased: {
    ship: string;
    waypoint: string;
    good: string;
    units: number;
    pricePerUnit: number;
    totalPrice: number;
  };
  /** A ship bought at a shipyard, at the price the server recorded. */
  ShipPurchased: { ship: string; shipType: string; waypoint: string; price: number };
  CargoSold: { ship: string; waypoint: string; good: string; units: number; pricePerUnit: number; totalPrice: number };
  CargoJettisoned: { ship: string; waypoint: string; good: string; units: number };
  CargoTransferred: { from: string; to: string; waypoint: string; good: string; units: number };

  // Scouting
  /** A round of a system's markets and shipyards is planned; it starts in `startsInSeconds`. */
  ScoutRoundPlanned: {
    system: string;
    round: number;
    ships: number;
    stops: number;
    makespanSeconds: number;
    maxAgeSeconds: number;
    startsInSeconds: number;
  };
  /** A ship read a market (`goods`: goods priced) and/or a shipyard (`shipTypes`: types priced); null when not read. */
  WaypointScouted: { ship: string; waypoint: string; goods: number | null; shipTypes: number | null };

  // Mining
  ShipSurveyed: { ship: string; waypoint: string; surveys: string[] };
  /** `survey` is the signature extracted with, null without one. */
  ResourcesExtracted: { ship: string; waypoint: string; good: string; units: number; survey: string | null };
  SurveyRefused: { survey: string; status: string };

  // The fleet coordinator: one per decision (a ship's work, a purchase), with why
  FleetDecision: {
    ship: string | null;
    role: string | null;
    command: string | null;
    container: string | null;
    reason: string;
  };

  // Daemon containers
  ContainerStarted: { container: string; command: string; attempt: number };
  ContainerCompleted: { container: string };
  ContainerFailed: { container: string; reason: string };
  ContainerInterrupted: { container: string };
  ContainerStopped: { container: string };
}

export type EventType = keyof EventPayloads;

/** One event of a given type. */
export interface EventOf<K extends EventType> {
  readonly type: K;
  /** Epoch milliseconds. */
  readonly occurredAt: number;
  readonly payload: Readonly<EventPayloads[K]>;
}

/** Something that happened in the game or the bot: any one of the events above (switch on `type`). */
export type DomainEvent = { [K in EventType]: EventOf<K> }[EventType];

export function domainEvent<K extends EventType>(
  type: K,
  payload: EventPayloads[K],
  occurredAt = Date.now(),
): EventOf<K> {
  return { type, occurredAt, payload };
}
