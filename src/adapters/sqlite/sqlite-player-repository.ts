import { Player, type PlayerState, rebasePlayerState } from '../../domain/player/player.js';
import type { PlayerRepository } from '../../ports/player-repository.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

interface PlayerRow {
  agent_symbol: string;
  token: string;
  account_registered: number;
  faction: string | null;
  headquarters: string | null;
  credits: number | null;
  metadata: string;
  token_stale: number;
  created_at: number;
  last_active_at: number;
}

export class SqlitePlayerRepository implements PlayerRepository {
  private readonly selectOne;
  private readonly selectAll;
  private readonly upsert;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
    /** Told every token as it is loaded or saved, so the process can keep it out of its output. */
    private readonly onToken: (token: string) => void = () => {},
  ) {
    this.selectOne = db.prepare<[string], PlayerRow>('SELECT * FROM players WHERE agent_symbol = ?');
    this.selectAll = db.prepare<[], PlayerRow>('SELECT * FROM players ORDER BY created_at, agent_symbol');
    this.upsert = db.prepare(`
      INSERT INTO players (agent_symbol, token, account_registered, faction, headquarters, credits, metadata, token_stale, created_at, last_active_at)
      VALUES (@agent_symbol, @token, @account_registered, @faction, @headquarters, @credits, @metadata, @token_stale, @created_at, @last_active_at)
      ON CONFLICT (agent_symbol) DO UPDATE SET
        token = excluded.token, account_registered = excluded.account_registered, faction = excluded.faction,
        headquarters = excluded.headquarters, credits = excluded.credits, metadata = excluded.metadata,
        token_stale = excluded.token_stale, last_active_at = excluded.last_active_at`);
  }

  find(agentSymbol: string): Player | undefined {
    const staged = stagedValue<StagedPlayer>(this.staging, key(agentSymbol));
    if (staged) return Player.restore(staged.value.state, staged.value.loaded);
    const row = this.selectOne.get(agentSymbol);
    return row ? Player.restore(this.loaded(row)) : undefined;
  }

  list(): Player[] {
    return this.selectAll.all().map((row) => this.find(row.agent_symbol) ?? Player.restore(this.loaded(row)));
  }

  /**
   * Stages the player's changes. They are applied at flush, inside its write transaction, onto the
   * row as it is then — not as it was read — so a concurrent update by another process (or
   * connection) between this command's read and its commit is kept, never overwritten.
   */
  save(player: Player): void {
    const state = player.snapshot();
    const loaded = player.loadedState();
    this.onToken(state.token);
    stageWrite(this.db, this.staging, key(state.agentSymbol), { state, loaded } satisfies StagedPlayer, () => {
      const current = loaded ? this.selectOne.get(state.agentSymbol) : undefined;
      this.upsert.run(toRow(current && loaded ? rebasePlayerState(toState(current), loaded, state) : state));
    });
  }

  private loaded(row: PlayerRow): PlayerState {
    this.onToken(row.token);
    return toState(row);
  }
}

interface StagedPlayer {
  state: PlayerState;
  loaded: PlayerState | null;
}

function key(agentSymbol: string): string {
  return `player:${agentSymbol}`;
}

function toState(row: PlayerRow): PlayerState {
  return {
    agentSymbol: row.agent_symbol,
    token: row.token,
    accountRegistered: row.account_registered === 1,
    faction: row.faction,
    headquarters: row.headquarters,
    credits: row.credits,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    tokenStale: row.token_stale === 1,
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at,
  };
}

function toRow(state: PlayerState): PlayerRow {
  return {
    agent_symbol: state.agentSymbol,
    token: state.token,
    account_registered: state.accountRegistered ? 1 : 0,
    faction: state.faction,
    headquarters: state.headquarters,
    credits: state.credits,
    metadata: JSON.stringify(state.metadata),
    token_stale: state.tokenStale ? 1 : 0,
    created_at: state.createdAt,
    last_active_at: state.lastActiveAt,
  };
}
