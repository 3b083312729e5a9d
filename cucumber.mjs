// Cucumber runs the feature files through the real CLI against an in-process sandbox.
// Step definitions are TypeScript: run it as `node --import tsx ...cucumber.js` (npm run test:bdd).
export default {
  paths: ['features/**/*.feature'],
  import: ['features/support/**/*.ts', 'features/step_definitions/**/*.ts'],
  format: ['progress', 'json:reports/cucumber.json'],
  formatOptions: { snippetInterface: 'async-await' },
  strict: true,
};
