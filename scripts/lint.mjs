#!/usr/bin/env node
// `npm run lint`: runs every "lint:*" script of package.json at once (Biome, dependency-cruiser, knip), shows
// the output of those that fail, and exits non-zero if any failed. One script each can also be run alone:
// `npm run lint:biome`, `npm run lint:deps`, `npm run lint:unused`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const checks = Object.entries(scripts).filter(([name]) => name.startsWith('lint:'));
const env = { ...process.env, PATH: `${root}node_modules/.bin${delimiter}${process.env.PATH}` };
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function run([name, command]) {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(command, { cwd: root, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code) => {
      const ok = code === 0;
      console.log(`${ok ? 'ok    ' : 'FAILED'} ${name} (${seconds(started)}): ${command}`);
      if (!ok) console.log(`${output.trimEnd()}\n`);
      done(ok);
    });
  });
}

const started = performance.now();
const results = await Promise.all(checks.map(run));
const failed = results.filter((ok) => !ok).length;
// Not the "N passed, N failed" wording: that line belongs to `npm test`, and CI reads it.
console.log(
  `lint: ${failed ? `${failed} of ${checks.length} checks failed` : `all ${checks.length} checks passed`} (${seconds(started)})`,
);
process.exit(failed > 0 ? 1 : 0);
