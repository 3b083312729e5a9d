import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The project's own .dependency-cruiser.cjs run over a small tree written to a temporary directory (so the
// fixtures are never part of the real lint run, the type check or the build). Each file's imports are
// either allowed or break exactly the rule named beside them; the test pins the full list of violations,
// so a rule that stops catching its case fails it, and so does a rule that starts reporting an allowed import.
const FIXTURES: Record<string, string> = {
  'src/domain/ship.ts': 'export class Ship {}\n',
  'src/domain/route.ts': "import { Ship } from './ship.js';\nexport const ship = new Ship();\n",
  // domain-is-pure
  'src/domain/imports-adapter.ts':
    "import { connect } from '../adapters/sqlite/connection.js';\nexport const c = connect;\n",
  // domain-is-pure
  'src/domain/reads-disk.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  // no-circular (reported once, on the edge where the cycle is found)
  'src/domain/cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = () => b;\n",
  'src/domain/cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = () => a;\n",
  'src/domain/ship.test.ts':
    "import { it } from 'vitest';\nimport { fake } from '../test-support/fake.js';\nimport { Ship } from './ship.js';\nit('x', () => [fake, Ship]);\n",
  'src/ports/ship-repository.ts':
    "import type { Ship } from '../domain/ship.js';\nexport type ShipRepository = () => Ship;\n",
  'src/mediator/mediator.ts': "import type { Ship } from '../domain/ship.js';\nexport type Send = (s: Ship) => void;\n",
  'src/application/ships/get-ship.ts': [
    "import { Ship } from '../../domain/ship.js';",
    "import type { Send } from '../../mediator/mediator.js';",
    "import type { ShipRepository } from '../../ports/ship-repository.js';",
    'export const handle = (send: Send, ships: ShipRepository) => send(ships() ?? new Ship());',
    '',
  ].join('\n'),
  // application-layer and composition-root-only-from-entry-points
  'src/application/ships/wire.ts':
    "import { createApp } from '../../composition-root.js';\nexport const app = createApp;\n",
  'src/adapters/sqlite/connection.ts': 'export const connect = () => 1;\n',
  'src/adapters/sqlite/ship-store.ts': [
    "import { Ship } from '../../domain/ship.js';",
    "import type { ShipRepository } from '../../ports/ship-repository.js';",
    "import { connect } from './connection.js';",
    'export const ships: ShipRepository = () => (connect() ? new Ship() : new Ship());',
    '',
  ].join('\n'),
  // adapter-imports-own-technology
  'src/adapters/pino/logger.ts': "import { connect } from '../sqlite/connection.js';\nexport const log = connect;\n",
  'src/composition-root.ts': [
    "import { ships } from './adapters/sqlite/ship-store.js';",
    "import { handle } from './application/ships/get-ship.js';",
    'export const createApp = () => handle(() => undefined, ships);',
    '',
  ].join('\n'),
  'src/cli/main.ts': "import { createApp } from '../composition-root.js';\nexport const main = createApp;\n",
  'src/sandbox/server.ts': "import { Ship } from '../domain/ship.js';\nexport const s = new Ship();\n",
  // sandbox-layer
  'src/sandbox/uses-adapter.ts':
    "import { connect } from '../adapters/sqlite/connection.js';\nexport const c = connect;\n",
  'src/test-support/fake.ts': 'export const fake = 1;\n',
  // no-test-support-in-production
  'src/cli/uses-fake.ts': "import { fake } from '../test-support/fake.js';\nexport const f = fake;\n",
  // no-dev-dependencies-in-production
  'src/cli/uses-vitest.ts': "import { expect } from 'vitest';\nexport const e = expect;\n",
};

const EXPECTED = [
  'adapter-imports-own-technology: src/adapters/pino/logger.ts → src/adapters/sqlite/connection.ts',
  'application-layer: src/application/ships/wire.ts → src/composition-root.ts',
  'composition-root-only-from-entry-points: src/application/ships/wire.ts → src/composition-root.ts',
  'domain-is-pure: src/domain/imports-adapter.ts → src/adapters/sqlite/connection.ts',
  'domain-is-pure: src/domain/reads-disk.ts → fs',
  'no-circular: src/domain/cycle-a.ts → src/domain/cycle-b.ts',
  'no-dev-dependencies-in-production: src/cli/uses-vitest.ts → vitest',
  'no-test-support-in-production: src/cli/uses-fake.ts → src/test-support/fake.ts',
  'sandbox-layer: src/sandbox/uses-adapter.ts → src/adapters/sqlite/connection.ts',
];

describe('the house rules (.dependency-cruiser.cjs)', () => {
  const root = resolve(import.meta.dirname, '..');
  let dir: string;
  let result: ICruiseResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'house-rules-'));
    for (const [file, text] of Object.entries(FIXTURES)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const compilerOptions = { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src/**/*.ts'] }));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', devDependencies: { vitest: '*' } }));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));

    const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
    const tsConfigFile = join(dir, 'tsconfig.json');
    const output = await cruise(
      ['src'],
      { ...options, baseDir: dir, tsConfig: { fileName: tsConfigFile } },
      {},
      { tsConfig: extractTSConfig(tsConfigFile) },
    );
    result = output.output as ICruiseResult;
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('resolves every fixture import (NodeNext .js specifiers to .ts files)', () => {
    const unresolved = result.modules.flatMap((m) => m.dependencies.filter((d) => d.couldNotResolve));
    expect(unresolved).toEqual([]);
    expect(result.summary.totalCruised).toBeGreaterThanOrEqual(Object.keys(FIXTURES).length);
  });

  it('reports exactly the forbidden imports: each rule catches its case and no allowed import is reported', () => {
    const violations = result.summary.violations.map((v) => {
      const to = v.to.includes('node_modules/vitest/') ? 'vitest' : v.to;
      return `${v.rule.name}: ${v.from} → ${to}`;
    });
    expect([...new Set(violations)].sort()).toEqual(EXPECTED);
  });
});
