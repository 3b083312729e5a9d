/**
 * `npm run bench`: every performance claim of the project, each measured side by side with its
 * baseline in the same run and reported as a ratio. Select some with: npm run bench -- mediator planner
 */
const SUITES: Record<string, () => Promise<{ run(): Promise<string[]> }>> = {
  mediator: () => import('./mediator.js'),
  'cli-startup': () => import('./cli-startup.js'),
  planner: () => import('./planner.js'),
  'sandbox-http': () => import('./sandbox-http.js'),
  'api-client': () => import('./api-client.js'),
  scout: () => import('./scout.js'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')} (known: ${Object.keys(SUITES).join(', ')})`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(SUITES)) {
  const started = Date.now();
  const suite = await SUITES[name]!();
  const lines = await suite.run();
  console.log(`\n== ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const line of lines) console.log(line);
}
