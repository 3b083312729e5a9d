// Cucumber runs the feature files through the real CLI against an in-process sandbox.
export default {
  paths: ['features/**/*.feature'],
  import: ['features/support/**/*.ts', 'features/step_definitions/**/*.ts'],
  loader: ['tsx/esm'],
  format: ['progress', 'json:reports/cucumber.json'],
  formatOptions: { snippetInterface: 'async-await' },
  strict: true,
};
