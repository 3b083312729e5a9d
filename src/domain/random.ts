/**
 * A small deterministic PRNG (mulberry32): the same seed gives the same sequence — the sandbox's
 * universe, the tour solver's perturbations, the tests' random instances.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The generator as a bare function, for code that only needs numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
