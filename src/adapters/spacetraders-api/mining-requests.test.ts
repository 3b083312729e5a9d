import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AxiosSpaceTradersClient } from './axios-spacetraders-client.js';
import { RateLimiter } from './rate-limiter.js';

const spec = JSON.parse(readFileSync(new URL('../../../spec/openapi.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('integer', true);
ajv.addFormat('date-time', true);
ajv.addSchema(spec, 'spec');
const extractBody = ajv.getSchema(
  'spec#/paths/~1my~1ships~1%7BshipSymbol%7D~1extract~1survey/post/requestBody/content/application~1json/schema',
)!;

/** The survey as the server wrote it: an expiration without milliseconds must come back verbatim. */
const SURVEY = {
  signature: 'X1-MN-B-7F3A2',
  symbol: 'X1-MN-B',
  deposits: [{ symbol: 'IRON_ORE' }, { symbol: 'IRON_ORE' }, { symbol: 'ICE_WATER' }],
  expiration: '2026-12-01T12:30:00Z',
  size: 'LARGE',
};
const COOLDOWN = { shipSymbol: 'S-1', totalSeconds: 70, remainingSeconds: 70, expiration: '2026-12-01T12:01:10.000Z' };

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function miningServer() {
  const seen: Array<{ url: string; body: unknown }> = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    seen.push({ url: request.url!, body: text ? JSON.parse(text) : undefined });
    const data =
      request.url!.endsWith('/survey') && !request.url!.includes('extract')
        ? { cooldown: COOLDOWN, surveys: [SURVEY] }
        : {
            cooldown: COOLDOWN,
            extraction: { shipSymbol: 'S-1', yield: { symbol: 'IRON_ORE', units: 7 } },
            cargo: {
              capacity: 40,
              units: 7,
              inventory: [{ symbol: 'IRON_ORE', name: 'Iron ore', description: '', units: 7 }],
            },
            modifiers: [],
            events: [],
          };
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const api = new AxiosSpaceTradersClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`,
    timeoutMs: 5_000,
    limiter: new RateLimiter({ perSecond: 1000, burst: 1000, burstWindowMs: 60_000 }),
  });
  return { api, seen };
}

describe('survey and extract requests follow the spec', () => {
  it('maps surveys to domain surveys and sends one back exactly as the server wrote it', async () => {
    const { api, seen } = await miningServer();
    const surveyed = await api.survey('tok', 'S-1');
    expect(surveyed).toEqual({
      cooldownUntil: Date.parse(COOLDOWN.expiration),
      surveys: [
        {
          signature: 'X1-MN-B-7F3A2',
          waypoint: 'X1-MN-B',
          deposits: ['IRON_ORE', 'IRON_ORE', 'ICE_WATER'],
          expiration: '2026-12-01T12:30:00Z',
          size: 'LARGE',
        },
      ],
    });
    const extracted = await api.extract('tok', 'S-1', surveyed.surveys[0]);
    const plain = await api.extract('tok', 'S-1');
    expect(seen.map((s) => s.url)).toEqual([
      '/v2/my/ships/S-1/survey',
      '/v2/my/ships/S-1/extract/survey',
      '/v2/my/ships/S-1/extract',
    ]);
    expect(seen[1]!.body).toEqual(SURVEY);
    expect(extractBody(seen[1]!.body), JSON.stringify(extractBody.errors)).toBe(true);
    expect(seen[2]!.body).toBeUndefined();
    expect(extracted.extraction).toEqual({ ship: 'S-1', good: 'IRON_ORE', units: 7 });
    expect(plain.cargo).toEqual({ capacity: 40, units: 7, inventory: [{ symbol: 'IRON_ORE', units: 7 }] });
    // The validator refuses what the spec refuses, so the check above can fail.
    expect(extractBody({ ...SURVEY, deposits: undefined })).toBe(false);
  });
});
