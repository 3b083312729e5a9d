// Cucumber runs the feature files through the real CLI against an in-process sandbox.
// Step definitions are TypeScript: run it as `node --import tsx ...cucumber.js` (npm run test:bdd).
// Every scenario has its own sandbox, temp HOME and SQLite file, and most of a scenario's time is
// spent waiting (CLI start-up, game time), so scenarios run in parallel workers:
// CUCUMBER_PARALLEL overrides the default of 3.
import { availableParallelism } from 'node:os';

const parallel = Number(process.env.CUCUMBER_PARALLEL ?? Math.min(3, availableParallelism() + 1));

export default {
  paths: ['features/**/*.feature'],
  import: ['features/support/**/*.ts', 'features/step_definitions/**/*.ts'],
  format: ['progress', 'json:reports/cucumber.json'],
  formatOptions: { snippetInterface: 'async-await' },
  strict: true,
  parallel,
};
