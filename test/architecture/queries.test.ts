/**
 * @module test/architecture/queries.test
 * SQL lives in repositories (DESIGN.md, "Layout" rules):
 *   (a) query-builder calls and `sql` templates only in `src/modules/**\/*.repository.ts` and `src/db/**`
 *       (migrations included), or in a file of ALLOWLIST;
 *   (b) nothing under `src/web/` mentions insertInto, updateTable or deleteFrom (no allowlist; only the
 *       lead's LEAD_IN_PROGRESS files, which are being emptied);
 *   (c) kysely's `sql` tag is imported only where (a) allows queries.
 * Both lists only ever shrink: an entry whose file no longer breaks the rule fails the test too.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatViolation, readSources, scan, type Violation } from './scan.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Files allowed to hold queries outside a repository, each with a comment saying why. Empty: every
 * query of src/ is in a repository or src/db. Add an entry only with a reason a reviewer accepts
 * (a bulk path a repository function would make measurably slower), and only ever remove them.
 */
const ALLOWLIST: Record<string, string> = {};

/**
 * Files another engineer is emptying right now (issue 12: article and revision modules, admin
 * articles screens): exempt from every rule until their queries have moved, and not checked for
 * staleness, so their commits and this list need not land together. Not an allowlist: it goes away.
 */
const LEAD_IN_PROGRESS: string[] = [];

const allowed = (v: Violation): boolean => LEAD_IN_PROGRESS.includes(v.file) || (v.rule !== 'write-under-web' && v.file in ALLOWLIST);

describe('SQL lives in repositories', () => {
  const sources = readSources(ROOT);
  const violations = scan(sources);

  it('finds no query-builder call, sql template or sql import outside repositories and src/db', () => {
    const bad = violations.filter((v) => v.rule !== 'write-under-web' && !allowed(v));
    expect(bad.map(formatViolation), 'move these into a *.repository.ts of the module that owns the table').toEqual([]);
  });

  it('finds no write under src/web', () => {
    const bad = violations.filter((v) => v.rule === 'write-under-web' && !allowed(v));
    expect(bad.map(formatViolation), 'nothing under src/web writes to the database: call a module service').toEqual([]);
  });

  it('keeps the allowlists short: every entry still needs its exemption', () => {
    const offending = new Set(violations.map((v) => v.file));
    const stale = Object.keys(ALLOWLIST).filter((f) => !offending.has(f));
    expect(stale, 'these files no longer break a rule: remove them from the list').toEqual([]);
    for (const [file, why] of Object.entries(ALLOWLIST)) expect(why.trim(), `${file} needs a reason`).not.toBe('');
  });
});

describe('the scan itself', () => {
  it('reports a query in a web file, with its line', () => {
    const found = scan([{ path: 'src/web/site/x.ts', text: "// a page\nconst rows = await db.selectFrom('posts').selectAll().execute();\n" }]);
    expect(found.map(formatViolation)).toEqual([
      "src/web/site/x.ts:2 [query-outside-repository] const rows = await db.selectFrom('posts').selectAll().execute();",
    ]);
  });

  it('reports writes under src/web even in a comment, and sql templates and the sql import anywhere outside repositories', () => {
    const found = scan([
      { path: 'src/web/admin/x.ts', text: '// we used to updateTable here\n' },
      { path: 'src/jobs/x.ts', text: "import { sql } from 'kysely';\nawait sql<number>`select 1`.execute(db);\n" },
    ]);
    expect(found.map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
      'src/web/admin/x.ts:1 write-under-web',
      'src/jobs/x.ts:2 query-outside-repository',
      'src/jobs/x.ts:1 sql-tag-import',
    ]);
  });

  it('accepts queries in a repository and in src/db, and type-only kysely imports anywhere', () => {
    const text = "import { sql } from 'kysely';\nexport const all = (db: Db) => db.selectFrom('posts').where(sql`1 = 1`).execute();\n";
    expect(
      scan([
        { path: 'src/modules/article/article.repository.ts', text },
        { path: 'src/db/migrations/001-initial.ts', text },
        { path: 'src/modules/feed/feed.service.ts', text: "import { type Expression, type SqlBool } from 'kysely';\nimport type { sql } from 'kysely';\n" },
      ]),
    ).toEqual([]);
  });
});
