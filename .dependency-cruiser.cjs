/**
 * Architecture rules (see docs/architecture.md, "Rules"), checked by `npm test`. What
 * dependency-cruiser cannot see (query-builder calls outside repositories, writes under src/web)
 * is checked by test/architecture/queries.test.ts; that each rule here rejects a violation is
 * shown by test/architecture/rules.test.ts. Allow-lists here only ever shrink.
 */
const VIEWS = ['^src/web/site/views/', '^src/web/admin/.+\\.view\\.tsx$', '^src/web/admin/shell/(components|layout)\\.tsx$'];
module.exports = {
  forbidden: [
    {
      name: 'modules-stay-below-web',
      comment: 'Domain modules never import the web layer, the HTTP framework or a database dialect.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: ['^src/web/', '^src/db/dialects/', '^node_modules/(fastify|@fastify)/', '^src/app\\.ts$'] },
    },
    {
      name: 'views-are-pure',
      comment: 'Views render view-models; they never reach the database, repositories or services.',
      severity: 'error',
      from: { path: VIEWS },
      to: { path: ['^src/db/', '^src/modules/', '^node_modules/(kysely|better-sqlite3|pg)/'] },
    },
    {
      name: 'views-import-view-models-only',
      comment:
        'Views are pure functions of a view-model: they import other views, view-model types and the i18n string helpers, nothing that computes or reads.',
      severity: 'error',
      from: { path: VIEWS },
      to: {
        path: '^src/',
        pathNot: [...VIEWS, '\\.view-models\\.ts$', '^src/web/site/view-models\\.ts$', '^src/web/site/i18n\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'admin-features-stay-apart',
      comment:
        'An admin feature folder imports shell/, its own files and what lies outside the admin (modules/, lib/, the shared web parts); never another feature: what two features share belongs in shell/ or a module.',
      severity: 'error',
      from: { path: '^src/web/admin/([^/]+)/' },
      to: { path: '^src/web/admin/', pathNot: ['^src/web/admin/shell/', '^src/web/admin/$1/'] },
    },
    {
      name: 'admin-shell-is-shared',
      comment: 'The admin shell (layout, components, auth, access, forms) knows no feature.',
      severity: 'error',
      from: { path: '^src/web/admin/shell/' },
      to: { path: '^src/web/admin/(?!shell/)[^/]+/' },
    },
    {
      name: 'only-db-knows-the-dialect',
      comment: 'Only src/db/database.ts chooses a dialect; everything else talks to Kysely.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/db/database\\.ts$', '^src/db/dialects/'] },
      to: { path: ['^src/db/dialects/(sqlite|postgres)\\.ts$', '^node_modules/(better-sqlite3|pg)/'] },
    },
    {
      name: 'lib-is-generic',
      comment: 'src/lib holds generic helpers and imports nothing else from src/.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};
