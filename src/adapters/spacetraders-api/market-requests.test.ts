import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AxiosSpaceTradersClient } from './axios-spacetraders-client.js';
import { RateLimiter } from './rate-limiter.js';

interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>>;
}
const spec = JSON.parse(readFileSync(new URL('../../../spec/openapi.json', import.meta.url), 'utf8')) as Spec;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('integer', true);
ajv.addSchema(spec as object, 'spec');

/** The spec's request schema of `method path` (path as the spec writes it, with {placeholders}). */
function requestSchema(method: string, path: string) {
  const body = spec.paths[path]?.[method]?.requestBody;
  if (!body) throw new Error(`the spec has no request body for ${method} ${path}`);
  const pointer = `spec#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}/requestBody/content/application~1json/schema`;
  return ajv.getSchema(pointer.replaceAll('{', '%7B').replaceAll('}', '%7D'))!;
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

const emptyHold = { capacity: 40, units: 0, inventory: [] };

/** A contract as the spec shapes it, after `units` of IRON_ORE were delivered. */
function deliveredContract(units: number) {
  return {
    id: 'contract-1',
    factionSymbol: 'COSMIC',
    type: 'PROCUREMENT',
    terms: {
      deadline: '2026-12-08T00:00:00.000Z',
      payment: { onAccepted: 1000, onFulfilled: 5000 },
      deliver: [{ tradeSymbol: 'IRON_ORE', destinationSymbol: 'X1-A-1', unitsRequired: 40, unitsFulfilled: units }],
    },
    accepted: true,
    fulfilled: false,
    expiration: '2026-12-02T00:00:00.000Z',
    deadlineToAccept: '2026-12-02T00:00:00.000Z',
  };
}

/** A server that records what the client sends and answers with a minimal trade (or delivery). */
async function recordingServer() {
  const seen: Array<{ method: string; url: string; body: unknown }> = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const body = text ? JSON.parse(text) : undefined;
    seen.push({ method: request.method!, url: request.url!, body });
    const units = (body as { units?: number } | undefined)?.units ?? 0;
    // The spec answers a trade with 201, a jettison, transfer or contract delivery with 200.
    const status = /\/(jettison|transfer|deliver)$/.test(request.url!) ? 200 : 201;
    response.writeHead(status, { 'content-type': 'application/json' });
    if (request.url!.endsWith('/deliver')) {
      response.end(JSON.stringify({ data: { contract: deliveredContract(units), cargo: emptyHold } }));
      return;
    }
    response.end(
      JSON.stringify({
        data: {
          agent: {
            accountId: 'acct-1',
            symbol: 'NOVA-1',
            headquarters: 'X1-A-1',
            credits: 1000,
            startingFaction: 'COSMIC',
            shipCount: 1,
          },
          cargo: { capacity: 40, units, inventory: [{ symbol: 'IRON', name: 'Iron', description: '', units }] },
          targetCargo: { capacity: 40, units: 0, inventory: [] },
          transaction: {
            waypointSymbol: 'X1-A-1',
            shipSymbol: 'S-1',
            tradeSymbol: 'IRON',
            type: request.url!.endsWith('/sell') ? 'SELL' : 'PURCHASE',
            units,
            pricePerUnit: 10,
            totalPrice: units * 10,
            timestamp: '2026-12-01T00:00:00.000Z',
          },
        },
      }),
    );
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

describe('market requests follow the spec', () => {
  it('purchase and sell send a body the spec accepts, and answers map to domain trades', async () => {
    const { api, seen } = await recordingServer();
    const bought = await api.purchase('tok', 'S-1', 'IRON', 20);
    const sold = await api.sell('tok', 'S-1', 'IRON', 5);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /v2/my/ships/S-1/purchase',
      'POST /v2/my/ships/S-1/sell',
    ]);
    for (const [request, path] of [
      [seen[0]!, '/my/ships/{shipSymbol}/purchase'],
      [seen[1]!, '/my/ships/{shipSymbol}/sell'],
    ] as const) {
      const validate = requestSchema('post', path);
      expect(validate(request.body), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(bought.transaction).toMatchObject({ type: 'PURCHASE', units: 20, totalPrice: 200, good: 'IRON' });
    expect(bought.cargo).toEqual({ capacity: 40, units: 20, inventory: [{ symbol: 'IRON', units: 20 }] });
    expect(sold.transaction).toMatchObject({ type: 'SELL', units: 5, at: Date.parse('2026-12-01T00:00:00.000Z') });
    // And the validator refuses what the spec refuses, so the check above can fail.
    expect(requestSchema('post', '/my/ships/{shipSymbol}/sell')({ symbol: 'IRON', units: 0 })).toBe(false);
  });
  it('jettison and transfer send bodies the spec accepts', async () => {
    const { api, seen } = await recordingServer();
    const held = await api.jettison('tok', 'S-1', 'IRON', 3);
    const moved = await api.transfer('tok', 'S-1', 'S-2', 'IRON', 4);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /v2/my/ships/S-1/jettison',
      'POST /v2/my/ships/S-1/transfer',
    ]);
    expect(seen[1]!.body).toEqual({ tradeSymbol: 'IRON', units: 4, shipSymbol: 'S-2' });
    for (const [request, path] of [
      [seen[0]!, '/my/ships/{shipSymbol}/jettison'],
      [seen[1]!, '/my/ships/{shipSymbol}/transfer'],
    ] as const) {
      const validate = requestSchema('post', path);
      expect(validate(request.body), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(held.units).toBe(3);
    expect(moved.cargo.units).toBe(4);
    expect(requestSchema('post', '/my/ships/{shipSymbol}/transfer')({ tradeSymbol: 'IRON', units: 4 })).toBe(false);
  });

  it('a contract delivery sends a body the spec accepts', async () => {
    const { api, seen } = await recordingServer();
    const delivered = await api.deliverContract('tok', 'contract-1', 'S-1', 'IRON_ORE', 7);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /v2/my/contracts/contract-1/deliver']);
    expect(seen[0]!.body).toEqual({ shipSymbol: 'S-1', tradeSymbol: 'IRON_ORE', units: 7 });
    const validate = requestSchema('post', '/my/contracts/{contractId}/deliver');
    expect(validate(seen[0]!.body), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ shipSymbol: 'S-1', tradeSymbol: 'IRON_ORE' })).toBe(false);
    expect(delivered.cargo.units).toBe(0);
  });
});
