#!/usr/bin/env node
// `npm test`: the lint (npm run lint: Biome, dependency rules, unused code), the unit tests (vitest), then
// the feature runs (cucumber), then one plain total line "N passed, N failed" that CI reads; a failed lint
// counts as one failure there. Exits non-zero if anything failed or a runner broke.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
for (const file of ['reports/vitest.json', 'reports/cucumber.json']) rmSync(file, { force: true });

const lint = spawnSync(process.execPath, ['scripts/lint.mjs'], { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;
const vitest = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'],
  { stdio: 'inherit' },
);
const cucumber = spawnSync(process.execPath, ['--import', 'tsx', 'node_modules/@cucumber/cucumber/bin/cucumber.js'], {
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;

if (lint.status === 0) passed += 1;
else failed += 1;

if (existsSync('reports/vitest.json')) {
  const report = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A test file that fails to load has no test results but still counts as a failure.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else {
  failed += 1;
}

if (existsSync('reports/cucumber.json')) {
  const features = JSON.parse(readFileSync('reports/cucumber.json', 'utf8'));
  for (const feature of features) {
    for (const scenario of feature.elements ?? []) {
      if (scenario.type !== 'scenario') continue;
      const steps = [...(scenario.before ?? []), ...scenario.steps, ...(scenario.after ?? [])];
      if (steps.every((step) => step.result?.status === 'passed')) passed += 1;
      else failed += 1;
    }
  }
} else {
  failed += 1;
}

const broken = vitest.status !== 0 || cucumber.status !== 0;
if (broken && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
