/**
 * The sandbox's clock. It shows real time (plus whatever the admin API advanced it by, or frozen),
 * so the timestamps in responses mean to a client exactly what they mean on the real server.
 * `timeScale` N makes every duration — travel, cooldowns, market recovery — N times shorter; all
 * relations between durations hold.
 */
export class SandboxClock {
  private offset = 0;
  private frozenAt: number | undefined;

  constructor(private scale = 1) {}

  now(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }

  get timeScale(): number {
    return this.scale;
  }

  /** Real milliseconds a game duration takes at the current time scale. */
  scaled(gameMs: number): number {
    return gameMs / this.scale;
  }

  setTimeScale(scale: number): void {
    if (!(scale > 0)) throw new Error('timeScale must be a positive number');
    this.scale = scale;
  }

  freeze(): void {
    this.frozenAt = this.now();
  }

  resume(): void {
    if (this.frozenAt !== undefined) this.offset = this.frozenAt - Date.now();
    this.frozenAt = undefined;
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offset += ms;
  }
}
