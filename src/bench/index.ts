/**
 * `npm run bench`: every performance claim of the project, each measured side by side with its
 * baseline in the same run and reported as a ratio. Select some with: npm run bench -- mediator planner
 *
 * Benchmarks are not product: they run from source with tsx (`node --import tsx src/bench/index.ts`)
 * and are not built into dist/. `npm run build` comes first: cli-startup, sandbox-http and soak
 * measure the built CLI.
 */
type Suite = () => Promise<{ run(): Promise<string[]> }>;

const SUITES: Record<string, Suite> = {
  mediator: () => import('./mediator.js'),
  'cli-startup': () => import('./cli-startup.js'),
  planner: () => import('./planner.js'),
  'sandbox-http': () => import('./sandbox-http.js'),
  'api-client': () => import('./api-client.js'),
  scout: () => import('./scout.js'),
  mining: () => import('./mining.js'),
  contracts: () => import('./contracts.js'),
  trade: () => import('./trade.js'),
  economy: () => import('./economy.js'),
};

/** Long runs, only when named (`npm run soak` is `bench soak`; `npm run soak -- economy` is `soak-economy`). */
const ON_REQUEST: Record<string, Suite> = {
  soak: () => import('./soak.js'),
  'soak-economy': () => import('./soak-economy.js'),
};

const known = { ...SUITES, ...ON_REQUEST };
// `soak economy` names one soak: the economy's (not the soak and then the economy bench).
const wanted = process.argv
  .slice(2)
  .join(' ')
  .replace(/\bsoak economy\b/g, 'soak-economy')
  .split(' ')
  .filter((name) => name !== '');
const unknown = wanted.filter((name) => !(name in known));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')} (known: ${Object.keys(known).join(', ')})`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(SUITES)) {
  const started = Date.now();
  const suite = await known[name]!();
  const lines = await suite.run();
  console.log(`\n== ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const line of lines) console.log(line);
}
