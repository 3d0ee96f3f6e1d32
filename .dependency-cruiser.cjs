/**
 * Architecture rules (see ../shared/DESIGN.md, "Layout"), checked by `npm test`.
 * Allow-lists here only ever shrink.
 */
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
      from: { path: ['^src/web/site/views/', '^src/web/admin/.+\\.view\\.tsx$', '^src/web/admin/shell/(components|layout)\\.tsx$'] },
      to: { path: ['^src/db/', '^src/modules/', '^node_modules/(kysely|better-sqlite3|pg)/'] },
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
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
