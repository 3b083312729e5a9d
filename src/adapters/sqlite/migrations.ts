/**
 * The one source of schema truth: versioned migrations applied in order, tracked by SQLite's
 * `user_version`. Timestamps are integer epoch milliseconds everywhere. Append new migrations at
 * the end; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'players, settings and the event outbox',
    sql: `
      CREATE TABLE players (
        agent_symbol       TEXT PRIMARY KEY,
        token              TEXT NOT NULL,
        account_registered INTEGER NOT NULL DEFAULT 0,
        faction            TEXT,
        headquarters       TEXT,
        credits            INTEGER,
        metadata           TEXT NOT NULL DEFAULT '{}',
        token_stale        INTEGER NOT NULL DEFAULT 0,
        created_at         INTEGER NOT NULL,
        last_active_at     INTEGER NOT NULL
      );
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE outbox (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        type           TEXT NOT NULL,
        payload        TEXT NOT NULL,
        correlation_id TEXT,
        occurred_at    INTEGER NOT NULL,
        dispatched_at  INTEGER
      );
      CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;
    `,
  },
  {
    version: 2,
    name: 'ships, cached systems and markets, routes',
    sql: `
      CREATE TABLE ships (
        player_symbol TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        ship_symbol   TEXT NOT NULL,
        data          TEXT NOT NULL,
        synced_at     INTEGER NOT NULL,
        PRIMARY KEY (player_symbol, ship_symbol)
      );
      CREATE TABLE waypoints (
        player_symbol   TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        system_symbol   TEXT NOT NULL,
        waypoint_symbol TEXT NOT NULL,
        data            TEXT NOT NULL,
        synced_at       INTEGER NOT NULL,
        PRIMARY KEY (player_symbol, waypoint_symbol)
      );
      CREATE INDEX waypoints_by_system ON waypoints (player_symbol, system_symbol);
      CREATE TABLE markets (
        player_symbol   TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        waypoint_symbol TEXT NOT NULL,
        data            TEXT NOT NULL,
        synced_at       INTEGER NOT NULL,
        PRIMARY KEY (player_symbol, waypoint_symbol)
      );
      CREATE TABLE systems_synced (
        player_symbol TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        system_symbol TEXT NOT NULL,
        synced_at     INTEGER NOT NULL,
        PRIMARY KEY (player_symbol, system_symbol)
      );
      CREATE TABLE routes (
        player_symbol TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        ship_symbol   TEXT NOT NULL,
        destination   TEXT NOT NULL,
        plan          TEXT NOT NULL,
        legs_done     INTEGER NOT NULL DEFAULT 0,
        status        TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        PRIMARY KEY (player_symbol, ship_symbol)
      );
    `,
  },
  {
    version: 3,
    name: 'the API rate budget shared by every process',
    sql: `
      CREATE TABLE rate_budget (
        host            TEXT PRIMARY KEY,
        static_used     INTEGER NOT NULL,
        static_reset_at INTEGER NOT NULL,
        burst_used      INTEGER NOT NULL,
        burst_reset_at  INTEGER NOT NULL,
        paused_until    INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'daemon containers, ship claims and container logs',
    sql: `
      CREATE TABLE containers (
        id             TEXT PRIMARY KEY,
        player_symbol  TEXT,
        command_type   TEXT NOT NULL,
        payload        TEXT NOT NULL,
        claims         TEXT NOT NULL,
        status         TEXT NOT NULL,
        restart_policy TEXT NOT NULL,
        attempts       INTEGER NOT NULL,
        exit_reason    TEXT,
        created_at     INTEGER NOT NULL,
        started_at     INTEGER,
        finished_at    INTEGER
      );
      CREATE INDEX containers_by_status ON containers (status);
      CREATE TABLE claims (
        resource     TEXT PRIMARY KEY,
        container_id TEXT NOT NULL,
        claimed_at   INTEGER NOT NULL
      );
      CREATE TABLE container_logs (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        container_id TEXT NOT NULL REFERENCES containers (id) ON DELETE CASCADE,
        at           INTEGER NOT NULL,
        level        TEXT NOT NULL,
        message      TEXT NOT NULL
      );
      CREATE INDEX container_logs_by_container ON container_logs (container_id, id);
    `,
  },
  {
    version: 5,
    name: 'cached system positions and gate links',
    sql: `
      CREATE TABLE system_links (
        player_symbol TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        system_symbol TEXT NOT NULL,
        data          TEXT NOT NULL,
        synced_at     INTEGER NOT NULL,
        PRIMARY KEY (player_symbol, system_symbol)
      );
    `,
  },
  {
    version: 6,
    name: 'the daemon lock: one daemon per database',
    sql: `
      CREATE TABLE daemon_lock (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        pid         INTEGER NOT NULL,
        pid_started TEXT,
        acquired_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'market observations (one row per good per read) and the ledger of credits',
    sql: `
      CREATE TABLE market_observations (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        player_symbol   TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        system_symbol   TEXT NOT NULL,
        waypoint_symbol TEXT NOT NULL,
        observed_at     INTEGER NOT NULL,
        good            TEXT NOT NULL,
        type            TEXT NOT NULL,
        supply          TEXT NOT NULL,
        activity        TEXT,
        trade_volume    INTEGER NOT NULL,
        purchase_price  INTEGER NOT NULL,
        sell_price      INTEGER NOT NULL
      );
      CREATE INDEX market_observations_by_waypoint ON market_observations (player_symbol, waypoint_symbol, observed_at);
      CREATE INDEX market_observations_by_good ON market_observations (player_symbol, good, observed_at);
      CREATE INDEX market_observations_by_age ON market_observations (player_symbol, observed_at);
      CREATE TABLE ledger (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        player_symbol   TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        at              INTEGER NOT NULL,
        ship_symbol     TEXT NOT NULL,
        kind            TEXT NOT NULL,
        good            TEXT,
        units           INTEGER NOT NULL,
        credits         INTEGER NOT NULL,
        waypoint_symbol TEXT,
        price_per_unit  INTEGER,
        balance_after   INTEGER
      );
      CREATE TABLE trade_progress (
        trade_id      TEXT PRIMARY KEY,
        player_symbol TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        units_done    INTEGER NOT NULL,
        in_flight     INTEGER,
        updated_at    INTEGER NOT NULL
      );
      CREATE INDEX ledger_by_time ON ledger (player_symbol, at);
      CREATE INDEX ledger_by_ship ON ledger (player_symbol, ship_symbol, at);
      CREATE INDEX ledger_by_kind ON ledger (player_symbol, kind, good, at);
    `,
  },
  {
    version: 8,
    name: 'shipyard observations (one row per ship type per read with prices)',
    sql: `
      CREATE TABLE shipyard_observations (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        player_symbol   TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        system_symbol   TEXT NOT NULL,
        waypoint_symbol TEXT NOT NULL,
        observed_at     INTEGER NOT NULL,
        ship_type       TEXT NOT NULL,
        name            TEXT NOT NULL,
        purchase_price  INTEGER NOT NULL,
        supply          TEXT,
        engine_speed    INTEGER,
        cargo_capacity  INTEGER,
        fuel_capacity   INTEGER,
        mounts          TEXT NOT NULL
      );
      CREATE INDEX shipyard_observations_by_waypoint ON shipyard_observations (player_symbol, waypoint_symbol, observed_at);
      CREATE INDEX shipyard_observations_by_type ON shipyard_observations (player_symbol, ship_type, observed_at);
    `,
  },
  {
    version: 9,
    name: 'surveys, shared by every ship of a player',
    sql: `
      CREATE TABLE surveys (
        player_symbol   TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        signature       TEXT NOT NULL,
        waypoint_symbol TEXT NOT NULL,
        deposits        TEXT NOT NULL,
        expiration      TEXT NOT NULL,
        expires_at      INTEGER NOT NULL,
        size            TEXT NOT NULL,
        status          TEXT NOT NULL,
        surveyed_at     INTEGER NOT NULL,
        PRIMARY KEY (player_symbol, signature)
      );
      CREATE INDEX surveys_by_waypoint ON surveys (player_symbol, waypoint_symbol, expires_at);
    `,
  },
  {
    version: 10,
    name: "credit baselines: the agent's credits when the bot first saw it",
    sql: `
      CREATE TABLE credit_baselines (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        player_symbol TEXT NOT NULL REFERENCES players (agent_symbol) ON DELETE CASCADE,
        at            INTEGER NOT NULL,
        credits       INTEGER NOT NULL
      );
      CREATE INDEX credit_baselines_by_time ON credit_baselines (player_symbol, at);
    `,
  },
];
