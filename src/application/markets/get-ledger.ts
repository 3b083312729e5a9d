import { inject, injectable } from 'inversify';
import { ValidationError } from '../../domain/errors.js';
import {
  creditHistory,
  type LedgerGrouping,
  type LedgerKind,
  ledgerTotals,
  unexplainedCredits,
} from '../../domain/market/ledger.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';

/** What `ledger` prints (the JSON keys are a contract). */
export interface LedgerView {
  entries: Array<{ at: string; ship: string; kind: LedgerKind; good: string; units: number; credits: number }>;
  totals: { credits: number; by: LedgerGrouping; groups: Record<string, number> };
  /** Credits the agent gained (positive) or lost that no row explains; 0 when the books balance. */
  unexplained: number;
  credits: number;
  /** The agent's credits over the period (ISO time), ending with the credits now: what `--svg` charts. */
  balances: Array<{ at: string; credits: number }>;
}

const GROUPINGS: readonly LedgerGrouping[] = ['ship', 'kind', 'good'];

/** The player's books: every recorded credit movement, totals, and what the agent's credits say beyond them. */
export class GetLedger extends Query<LedgerView> {
  readonly player?: string;
  /** Only the last this many seconds (all when absent). */
  readonly sinceSeconds?: number;
  readonly by: string;

  constructor(props: { player?: string; sinceSeconds?: number; by?: string }) {
    super();
    this.player = props.player;
    if (props.sinceSeconds !== undefined) this.sinceSeconds = props.sinceSeconds;
    this.by = props.by ?? 'kind';
  }

  override validate(): void {
    if (!(GROUPINGS as readonly string[]).includes(this.by))
      throw new ValidationError(`--by must be one of ${GROUPINGS.join(', ')}, got "${this.by}"`);
    if (this.sinceSeconds !== undefined && !(Number.isInteger(this.sinceSeconds) && this.sinceSeconds > 0))
      throw new ValidationError('--since must be a positive duration such as 30m, 12h or 7d');
  }
}

@injectable()
export class GetLedgerHandler implements RequestHandler<GetLedger> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: GetLedger): Promise<LedgerView> {
    const player = this.players.resolve(request.player);
    const since = request.sinceSeconds === undefined ? 0 : this.clock.now() - request.sinceSeconds * 1000;
    // The credits first, the books after: whatever a running job booked while this request waited for
    // the budget (seconds, when a fleet shares it) is then in both, not only in the credits.
    const { credits } = await this.api.getMyAgent(player.token);
    const entries = this.ledger.entries(player.agentSymbol, since);
    const baselines = this.ledger.baselines(player.agentSymbol, since);
    const balances = creditHistory(entries, baselines, { at: this.clock.now(), credits });
    const by = request.by as LedgerGrouping;
    return {
      entries: entries.map((e) => ({
        at: new Date(e.at).toISOString(),
        ship: e.ship,
        kind: e.kind,
        good: e.good,
        units: e.units,
        credits: e.credits,
      })),
      totals: {
        credits: entries.reduce((sum, e) => sum + e.credits, 0),
        by,
        groups: ledgerTotals(entries, by),
      },
      unexplained: unexplainedCredits(entries, credits, baselines),
      credits,
      balances: balances.map((p) => ({ at: new Date(p.at).toISOString(), credits: p.credits })),
    };
  }
}
