/**
 * Sandbox HTTP throughput: `GET /v2/my/agent` with a valid token (rate limit off) against a bare
 * node:http server that answers a fixed JSON body, both in child processes, loaded by autocannon
 * (20 connections) from this process. Runs alternate, and the medians are compared.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fixed, median } from './stats.js';

const BARE_SERVER = `
const body = JSON.stringify({ data: { accountId: 'a', symbol: 'BENCH-1', headquarters: 'X1-A-1', credits: 175000, startingFaction: 'COSMIC', shipCount: 2 } });
require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }); res.end(body); })
  .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`;

async function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
    if (match) return { child, url: match[1]! };
  }
  throw new Error(`server did not start: ${output}`);
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: 20, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`benchmark saw ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return result.requests.average;
}

export async function run(): Promise<string[]> {
  const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 4);
  const sandbox = await start([
    join(process.cwd(), 'bin', 'spacetraders.js'),
    'sandbox',
    'start',
    '--port',
    '0',
    '--no-rate-limit',
  ]);
  const bare = await start(['-e', BARE_SERVER]);
  try {
    const registered = await fetch(`${sandbox.url}/v2/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench-account' },
      body: JSON.stringify({ symbol: 'BENCH-1', faction: 'COSMIC' }),
    });
    const { data } = (await registered.json()) as { data: { token: string } };
    const auth = { authorization: `Bearer ${data.token}` };
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < 3; round++) {
      ours.push(await load(`${sandbox.url}/v2/my/agent`, auth, seconds));
      baseline.push(await load(`${bare.url}/`, {}, seconds));
    }
    const sandboxRps = median(ours);
    const bareRps = median(baseline);
    return [
      `sandbox HTTP (autocannon, 20 connections, 3 alternating runs of ${seconds} s, median req/s)`,
      `  GET /v2/my/agent on the sandbox:   ${fixed(sandboxRps, 0)} req/s  (target >= 10,000)`,
      `  bare node:http fixed JSON:         ${fixed(bareRps, 0)} req/s`,
      `  ratio sandbox / bare:              ${fixed(sandboxRps / bareRps)}  (target >= 0.7)`,
    ];
  } finally {
    for (const server of [sandbox.child, bare.child]) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  }
}
