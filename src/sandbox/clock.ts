/**
 * The sandbox's game clock. `timeScale` N makes every duration (travel, cooldowns) N times shorter
 * in real time while the game clock — what responses show — advances N times faster, so every
 * relation between durations holds. The clock can be frozen and advanced by the admin API.
 */
export class SandboxClock {
  private anchorReal = Date.now();
  private anchorGame = Date.now();
  private frozen = false;

  constructor(private scale = 1) {}

  now(): number {
    if (this.frozen) return this.anchorGame;
    return this.anchorGame + (Date.now() - this.anchorReal) * this.scale;
  }

  get timeScale(): number {
    return this.scale;
  }

  setTimeScale(scale: number): void {
    this.rebase();
    this.scale = scale;
  }

  freeze(): void {
    this.rebase();
    this.frozen = true;
  }

  resume(): void {
    this.rebase();
    this.frozen = false;
  }

  advance(ms: number): void {
    this.rebase();
    this.anchorGame += ms;
  }

  private rebase(): void {
    this.anchorGame = this.now();
    this.anchorReal = Date.now();
  }
}
