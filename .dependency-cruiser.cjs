/**
 * Layering rules (STYLE.md): the core in src/ is pure TypeScript over ports. It imports no SDK
 * and nothing from adapters/; adapters may import the core. Runs in CI (`npm run check:layers`).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-core-to-adapters',
      comment: 'src/ is the core: it talks to the outside through ports, never through adapters/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(adapters|test|bench|scripts)/' },
    },
    {
      name: 'no-sdk-in-core',
      comment: 'The core imports no SDK (ARCHITECTURE.md): only zod, date-fns, chrono-node (date parsing), yaml and pure node builtins.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: 'node_modules/(zod|date-fns|date-fns-tz|@date-fns/tz|chrono-node|yaml)/' },
    },
    {
      name: 'no-io-builtins-in-core',
      comment: 'Network, file system and process access belong in adapters/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(http|https|http2|net|tls|dgram|fs|fs/promises|child_process|cluster|worker_threads)$' },
    },
    {
      name: 'botbuilder-only-in-teams-adapter',
      comment: 'Microsoft archives botbuilder for the M365 Agents SDK: keeping it in adapters/teams makes that move one adapter.',
      severity: 'error',
      from: { pathNot: '^adapters/teams/' },
      to: { path: 'node_modules/(botbuilder|botbuilder-core|botframework-connector|botframework-schema|@microsoft/agents)' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
  },
};
