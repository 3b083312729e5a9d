import { RoutePlanner } from '../domain/navigation/route-planner.js';
import { describe, expect, it } from 'vitest';
import { describeConfig, loadDefaults, resolveConfig } from './config.js';

const defaults = loadDefaults();

describe('configuration precedence', () => {
  it('uses config/default.json when nothing else is given', () => {
    const config = resolveConfig(defaults, { HOME: '/home/nova' });
    expect(config.apiUrl).toBe('https://api.spacetraders.io/v2');
    expect(config.logLevel).toBe('warn');
    expect(config.dbPath).toBe('/home/nova/.local/share/spacetraders/spacetraders.db');
    expect(config.accountToken).toBeUndefined();
  });

  it('puts the database under XDG_DATA_HOME when set', () => {
    expect(resolveConfig(defaults, { XDG_DATA_HOME: '/xdg' }).dbPath).toBe('/xdg/spacetraders/spacetraders.db');
  });

  it('lets the environment override the defaults', () => {
    const config = resolveConfig(defaults, {
      SPACETRADERS_API_URL: 'http://127.0.0.1:4000/v2/',
      SPACETRADERS_DB: '/tmp/env.db',
      SPACETRADERS_ACCOUNT_TOKEN: 'acct',
      SPACETRADERS_PLAYER: 'NOVA-1',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      apiUrl: 'http://127.0.0.1:4000/v2',
      dbPath: '/tmp/env.db',
      accountToken: 'acct',
      player: 'NOVA-1',
      logLevel: 'debug',
    });
  });

  it('lets flags override the environment', () => {
    const env = {
      SPACETRADERS_API_URL: 'http://env/v2',
      SPACETRADERS_DB: '/tmp/env.db',
      SPACETRADERS_PLAYER: 'ENV-1',
      LOG_LEVEL: 'debug',
    };
    const config = resolveConfig(defaults, env, {
      apiUrl: 'http://flag/v2',
      db: '/tmp/flag.db',
      player: 'FLAG-1',
      logLevel: 'error',
    });
    expect(config).toMatchObject({
      apiUrl: 'http://flag/v2',
      dbPath: '/tmp/flag.db',
      player: 'FLAG-1',
      logLevel: 'error',
    });
  });

  it('rejects an unknown log level and a malformed URL with one clear message', () => {
    expect(() => resolveConfig(defaults, { LOG_LEVEL: 'loud' })).toThrow(/unknown log level "loud"/);
    expect(() => resolveConfig(defaults, {}, { apiUrl: 'ftp://x' })).toThrow(/invalid API URL/);
  });

  it('never shows the account token', () => {
    const shown = JSON.stringify(
      describeConfig(resolveConfig(defaults, { SPACETRADERS_ACCOUNT_TOKEN: 'super-secret-token' })),
    );
    expect(shown).not.toContain('super-secret-token');
    expect(shown).toContain('<set, hidden>');
  });

  it('takes the client rate limit from SPACETRADERS_RATE_LIMIT: off, N or N/B', () => {
    expect(resolveConfig(defaults, {}).rateLimit).toEqual({ perSecond: 2, burst: 30, burstWindowSeconds: 60 });
    expect(resolveConfig(defaults, { SPACETRADERS_RATE_LIMIT: '10' }).rateLimit).toEqual({
      perSecond: 10,
      burst: 30,
      burstWindowSeconds: 60,
      override: true,
    });
    expect(resolveConfig(defaults, { SPACETRADERS_RATE_LIMIT: '5/100' }).rateLimit).toEqual({
      perSecond: 5,
      burst: 100,
      burstWindowSeconds: 60,
      override: true,
    });
    expect(resolveConfig(defaults, { SPACETRADERS_RATE_LIMIT: 'OFF' }).rateLimit.perSecond).toBeGreaterThanOrEqual(
      1_000_000,
    );
    for (const bad of ['fast', '0', '2/', '-1'])
      expect(() => resolveConfig(defaults, { SPACETRADERS_RATE_LIMIT: bad })).toThrow(
        `invalid SPACETRADERS_RATE_LIMIT "${bad}"`,
      );
  });
});

describe('the default route planner settings', () => {
  it('keep a unit of fuel: a ship is never left with an empty tank where no fuel is sold (the economy soak stranded one)', () => {
    // 18 fuel at a fuel station, 9 units from a waypoint without fuel: BURN there costs all 18.
    const waypoints = [
      { symbol: 'X1-T-A', systemSymbol: 'X1-T', x: 0, y: 0, sellsFuel: true },
      { symbol: 'X1-T-B', systemSymbol: 'X1-T', x: 9, y: 0, sellsFuel: false },
    ];
    const ship = { symbol: 'NOVA-1-1', location: 'X1-T-A', fuel: 18, fuelCapacity: 400, engineSpeed: 36 };
    const route = new RoutePlanner(waypoints, [{ symbol: 'X1-T', x: 0, y: 0 }]).plan(ship, 'X1-T-B', {
      fuelReserve: loadDefaults().planner.fuelReserve,
      refuelSeconds: loadDefaults().planner.refuelStopSeconds,
    });
    expect(route.legs.at(-1)!.fuelAfter).toBeGreaterThanOrEqual(1);
  });
});
