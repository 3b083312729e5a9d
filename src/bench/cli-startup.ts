/**
 * CLI cold start: `spacetraders --help` and `spacetraders player list` as whole processes, median
 * wall time divided by `node -e 0` measured in the same run (interleaved).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixed, median } from './stats.js';

function wallMs(args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-bench-'));
  const cli = join(process.cwd(), 'bin', 'spacetraders.js');
  const env = {
    ...process.env,
    HOME: dir,
    SPACETRADERS_DB: join(dir, 'bench.db'),
    SPACETRADERS_API_URL: 'http://127.0.0.1:9/v2',
  };
  const cases: Record<string, string[]> = {
    'node -e 0': ['-e', '0'],
    'spacetraders --help': [cli, '--help'],
    'spacetraders player list': [cli, 'player', 'list'],
  };
  try {
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
    for (const args of Object.values(cases)) wallMs(args, env); // warm the file cache; creates the DB
    for (let round = 0; round < 15; round++) {
      for (const [name, args] of Object.entries(cases)) samples[name]!.push(wallMs(args, env));
    }
    const baseline = median(samples['node -e 0']!);
    return [
      'CLI cold start (median wall ms of 15 interleaved runs; ratio to node -e 0; target <= 2.5x)',
      ...Object.entries(samples).map(
        ([name, values]) => `  ${name.padEnd(26)} ${fixed(median(values), 1)} ms  ${fixed(median(values) / baseline)}x`,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
