/**
 * The layer table of ARCHITECTURE.md ("Layers"), enforced: `npm run lint:deps`
 * (part of `npm test`) fails on an import the table does not allow and on any
 * import cycle. One `forbidden` rule per layer, named after it; change this file and
 * the table together.
 *
 * Order, bottom up (a folder imports only folders listed before it, so no two
 * folders can import each other):
 *   src/shared → src/jira → src/gather → src/requirements → src/engine → src/fixes
 *   → src/report → src/email, src/history → src/forge → src/index.ts;
 *   src/cli sits beside src/forge (it may run src/fixes, never src/forge);
 *   static/dashboard reads src/shared only; dev/ may import any of src (the
 *   preview the simulator, not the reverse), bench/ any of src and dev, test/ anything.
 * There are no exceptions: a type two layers need moves down to the lower one (or
 * to src/shared) and its importers import it from there, without re-exports.
 *
 * Scope: the layer rules judge every module that ships or helps a test
 * (including `testing/` helpers), except test files themselves (`*.test.ts(x)`):
 * a test sits beside the code it tests and may set up what it needs from anywhere
 * (the simulator, another layer's fixtures), because nothing imports a test.
 * Production code importing a test or a `testing/` helper is forbidden below.
 * Cycles are forbidden everywhere, tests included.
 */

const TEST_FILE = '\\.test\\.tsx?$';

/** A layer rule: modules under `from` may import nothing in src/, static/, dev/, bench/, test/ outside `allowed`. */
function layer(name, comment, from, allowed) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from, pathNot: TEST_FILE },
    to: {
      path: '^(src|static|dev|bench|test)/',
      pathNot: [from, ...allowed],
    },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle makes two modules one unit that cannot be understood, tested or loaded apart (and CommonJS hands one of them a half-initialised module). Move the shared part down a layer instead.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-production',
      comment:
        'Tests and their helpers (fixtures, fake transports, table builders) never ship: production code importing them would drag test data into the Forge bundle and the CLI.',
      severity: 'error',
      from: { path: '^(src|static)/', pathNot: [TEST_FILE, '/testing/'] },
      to: { path: [TEST_FILE, '/testing/'] },
    },
    layer(
      'shared-is-the-leaf',
      'src/shared holds what every layer and the dashboard read (the Report model and its readiness summary, the resolver contract, Fetched artifacts, the Logger port): it imports nothing else of ours, so anyone may import it without a cycle and the dashboard bundle stays free of backend code.',
      '^src/shared/',
      [],
    ),
    layer(
      'jira-only-shared',
      'src/jira is the bottom of the backend: the transport, JiraClient and the generated Jira types. It knows nothing of what the calls are for.',
      '^src/jira/',
      ['^src/shared/'],
    ),
    layer(
      'gather-only-jira-shared',
      'src/gather fills the SiteSnapshot over JiraClient; the checks read the snapshot, so the gatherer must not know the checks (it is told which artifacts are required).',
      '^src/gather/',
      ['^src/jira/', '^src/shared/'],
    ),
    layer(
      'requirements-only-gather-jira-shared',
      'src/requirements: each check judges the snapshot with a pure evaluate(); checks never fetch (so never JiraClient: only the generated Jira types, to name the shapes they read) and never know the engine that runs them.',
      '^src/requirements/',
      ['^src/gather/', '^src/jira/generated/', '^src/shared/'],
    ),
    layer(
      'engine-below-report-and-forge',
      'src/engine (judge, decisions, diff, run-readiness) runs the checks over a gathered snapshot; it serves every front door, so it must not know any of them (forge, cli, report, email).',
      '^src/engine/',
      ['^src/requirements/', '^src/gather/', '^src/jira/', '^src/shared/'],
    ),
    layer(
      'fixes-not-forge',
      'src/fixes: one-click fix units (plan, apply through JiraClient as the user). The Forge resolvers call them; a fix unit itself stays runnable from any front door, so it never imports src/forge.',
      '^src/fixes/',
      ['^src/engine/', '^src/requirements/', '^src/gather/', '^src/jira/', '^src/shared/'],
    ),
    layer(
      'report-renders-the-report-only',
      'src/report renders a stored Report (text, JSON, HTML, CSV, hand-off): it reads the Report model only, so a stored report renders the same as a fresh one and no renderer re-judges a snapshot.',
      '^src/report/',
      ['^src/shared/'],
    ),
    layer(
      'email-over-report-engine-jira',
      'src/email composes the scheduled e-mail from the report renderers and delivers it through JiraClient (/notify); the Forge consumer calls it, never the reverse.',
      '^src/email/',
      ['^src/report/', '^src/engine/', '^src/jira/', '^src/shared/'],
    ),
    layer(
      'history-over-engine',
      'src/history keeps the bounded run history and the report schedule; it reads a Report through the engine and the shared model only.',
      '^src/history/',
      ['^src/engine/', '^src/shared/'],
    ),
    layer(
      'forge-not-cli-dev',
      'src/forge (resolvers, queue consumer, trigger, storage, fixes) may use every backend layer, but not the CLI, the Forge entry point or anything under dev/ (which never ships).',
      '^src/forge/',
      [
        '^src/shared/',
        '^src/jira/',
        '^src/gather/',
        '^src/requirements/',
        '^src/engine/',
        '^src/fixes/',
        '^src/report/',
        '^src/email/',
        '^src/history/',
      ],
    ),
    layer(
      'index-only-forge',
      'src/index.ts is the Forge entry point: it only wires Forge services into the ports of src/forge.',
      '^src/index\\.ts$',
      ['^src/forge/', '^src/shared/'],
    ),
    layer(
      'cli-not-forge-dev',
      'src/cli (mw-readiness) is a front door beside Forge: it runs the engine and the fix units and renders with src/report; it never imports src/forge (Forge services) or dev/ (the launcher hands it the --demo run from dev/simulator/cli-demo.ts).',
      '^src/cli/',
      ['^src/fixes/', '^src/engine/', '^src/report/', '^src/jira/', '^src/gather/', '^src/requirements/', '^src/shared/'],
    ),
    layer(
      'dashboard-only-shared',
      'static/dashboard runs in the browser: besides its own files it reads src/shared only (the Report model, the resolver contract), so no backend code or Node module reaches the bundle.',
      '^static/dashboard/',
      ['^src/shared/'],
    ),
    layer(
      'dev-not-bench-test',
      'dev/ (simulator, preview) may use any of src, but src never imports dev/ (the rules above) and dev/ never imports bench/ or test/.',
      '^dev/',
      ['^src/'],
    ),
    layer(
      'simulator-not-preview',
      'dev/simulator stands in for Jira Cloud on its own (tests, bench, --demo); the preview runs over it, never the reverse.',
      '^dev/simulator/',
      ['^src/'],
    ),
    layer(
      'bench-not-test',
      'bench/ measures src over the simulator; it never imports test/.',
      '^bench/',
      ['^src/', '^dev/'],
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '^dist/', '^static/dashboard/build/'] },
    // Type-only imports count: a type is a dependency of the layer that names it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
