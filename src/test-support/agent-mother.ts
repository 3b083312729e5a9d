import type { AgentDto } from '../ports/spacetraders-api.js';

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** An Object Mother: the server's agent NOVA-1 (COSMIC, headquarters X1-A-1, 175,000 credits, 2 ships) unless told otherwise. */
export function anAgent(changes: Partial<AgentDto> = {}): AgentDto {
  return {
    accountId: 'acc',
    symbol: 'NOVA-1',
    headquarters: 'X1-A-1',
    credits: 175_000,
    startingFaction: 'COSMIC',
    shipCount: 2,
    ...changes,
  };
}
