import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../spacetraders-api/rate-limiter.js';
import { openDatabase } from './connection.js';
import { SqliteBudgetStore } from './sqlite-budget-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SqliteBudgetStore', () => {
  it('makes two processes (two connections to one file) share one rate budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'st-budget-'));
    dirs.push(dir);
    const path = join(dir, 'bot.db');
    const settings = { perSecond: 2, burst: 30, burstWindowMs: 60_000 };
    // Two connections stand for two processes: a CLI command and the daemon.
    const a = new RateLimiter(settings, new SqliteBudgetStore(openDatabase(path), 'api.example'));
    const b = new RateLimiter(settings, new SqliteBudgetStore(openDatabase(path), 'api.example'));
    let granted = 0;
    const all = [...Array.from({ length: 20 }, () => a), ...Array.from({ length: 20 }, () => b)].map((limiter) =>
      limiter.acquire().then(() => void (granted += 1)),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(granted).toBe(32); // 2 per second + a burst of 30, across both, not each
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(granted).toBe(34);
    // Another host has a budget of its own.
    const other = new RateLimiter(settings, new SqliteBudgetStore(openDatabase(path), 'other.example'));
    await other.acquire();
    expect(granted).toBe(34);
    void all;
  });
});
