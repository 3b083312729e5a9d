/** Something that happened in the game or the bot, recorded by a handler and published after commit. */
export interface DomainEvent {
  readonly type: string;
  /** Epoch milliseconds. */
  readonly occurredAt: number;
  readonly payload: Readonly<Record<string, unknown>>;
}

export function domainEvent(type: string, payload: Record<string, unknown>, occurredAt = Date.now()): DomainEvent {
  return { type, occurredAt, payload };
}
