// The house rules as code (`npm run lint` runs `depcruise src`). Paths are relative to the repository root.
// Every rule is an error: one violating import fails the lint. src/lint-rules.test.ts proves each rule
// catches what it should on small fixture trees.
//
// Layers (production code, i.e. not *.test.ts):
//   domain      → domain only, nothing else, not even node built-ins or npm packages (pure)
//   application → domain, ports, mediator, application (+ npm such as inversify)
//   mediator    → domain, ports, mediator
//   ports       → domain, ports, api-schema
//   config      → domain, ports, config (the config loader)
//   api-schema  → api-schema (the contract shared by the API client and the sandbox)
//   adapters/X  → ports, domain, api-schema, adapters/X
//   sandbox     → domain, api-schema, sandbox
//   composition root ← only entry points: src/cli/** (main.ts loads commands, which build the app
//                      lazily through session.ts), src/daemon/**, src/demo.ts, src/bench/**
// Tests: domain tests stay pure (domain, test-support, vitest); sandbox tests may add test-support;
// other tests (integration tests that wire real adapters or the composition root) are exempt from the
// layer rules but not from the cycle rule.

/** Source folders; a layer rule lists which of them a layer may import. */
const test = '\\.test\\.ts$';
const entryPoints = ['^src/cli/', '^src/daemon/', '^src/demo\\.ts$', '^src/bench/'];

/** A layer may import only the given src/ folders (npm packages and node built-ins are left to other rules). */
function layer(name, comment, folder, allowed) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: `^src/${folder}/`, pathNot: test },
    to: { path: '^src/', pathNot: allowed },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain imports only the domain: no adapters, ports, npm packages or node built-ins.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: test },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'domain-tests-are-pure',
      comment: 'Domain tests import the domain, test support and vitest only.',
      severity: 'error',
      from: { path: `^src/domain/.+${test}` },
      to: { pathNot: ['^src/domain/', '^src/test-support/', '(^|/)node_modules/(vitest|@vitest)/'] },
    },
    layer(
      'application-layer',
      'Application imports domain, ports, mediator and application: never adapters, cli, daemon, sandbox, config loader or the composition root.',
      'application',
      '^src/(domain|ports|mediator|application)/',
    ),
    layer(
      'mediator-layer',
      'The mediator imports domain, ports and mediator only.',
      'mediator',
      '^src/(domain|ports|mediator)/',
    ),
    layer(
      'config-loader-layer',
      'The config loader imports domain, ports and config only.',
      'config',
      '^src/(domain|ports|config)/',
    ),
    layer(
      'api-schema-is-a-leaf',
      'The API schema (the shared contract) imports nothing from src.',
      'api-schema',
      '^src/api-schema/',
    ),
    layer(
      'ports-layer',
      'Ports import domain, ports and the API schema only.',
      'ports',
      '^src/(domain|ports|api-schema)/',
    ),
    {
      name: 'adapter-imports-own-technology',
      comment:
        'An adapter imports ports, domain, the API schema and its own technology folder: never another adapter, the mediator, application, cli or config loader.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/', pathNot: test },
      to: { path: '^src/', pathNot: ['^src/(domain|ports|api-schema)/', '^src/adapters/$1/'] },
    },
    {
      name: 'sandbox-layer',
      comment: 'The sandbox imports domain, the API schema and sandbox only (its tests also test support).',
      severity: 'error',
      from: { path: '^src/sandbox/' },
      to: { path: '^src/', pathNot: ['^src/(domain|api-schema|sandbox)/', '^src/test-support/'] },
    },
    {
      name: 'sandbox-production-no-test-support',
      comment: 'Sandbox production code does not import test support.',
      severity: 'error',
      from: { path: '^src/sandbox/', pathNot: test },
      to: { path: '^src/test-support/' },
    },
    {
      name: 'composition-root-only-from-entry-points',
      comment: 'Only entry points (cli, daemon, demo, bench) import the composition root; tests are exempt.',
      severity: 'error',
      from: { pathNot: [...entryPoints, test] },
      to: { path: '^src/composition-root\\.ts$' },
    },
    {
      name: 'no-test-support-in-production',
      comment: 'Production code never imports src/test-support (tests, test support and bench may).',
      severity: 'error',
      from: { path: '^src/', pathNot: [test, '^src/test-support/', '^src/bench/'] },
      to: { path: '^src/test-support/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-dev-dependencies-in-production',
      comment: 'Production code does not import devDependencies (tests, test support and bench may).',
      severity: 'error',
      from: { path: '^src/', pathNot: [test, '^src/test-support/', '^src/bench/'] },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (an unresolved import would slip past every rule above).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
