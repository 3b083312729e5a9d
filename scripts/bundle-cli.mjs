#!/usr/bin/env node
// Bundles the CLI into dist/bundle (one file per lazily loaded part) so that `spacetraders` starts
// fast: resolving hundreds of small modules in node_modules costs more than running them.
// better-sqlite3 (native) and pino (worker-based transports) stay ordinary imports.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: 'tsconfig.json',
  external: ['better-sqlite3', 'pino'],
  // Bundled CommonJS packages call require(); give them one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
