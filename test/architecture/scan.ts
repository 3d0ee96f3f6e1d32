/**
 * @module test/architecture/scan
 * The source scan behind test/architecture/queries.test.ts: finds query-builder calls, `sql`
 * templates, writes and imports of kysely's `sql` tag in TypeScript source, with file:line.
 * dependency-cruiser sees imports only; these rules need the text.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Rule = 'query-outside-repository' | 'write-under-web' | 'sql-tag-import';

export interface Violation {
  rule: Rule;
  file: string;
  line: number;
  text: string;
}

export interface SourceFile {
  /** Repository-relative, forward slashes: `src/web/site/x.ts`. */
  path: string;
  text: string;
}

/** A query-builder entry point, or a `sql` template (`sql\`…\``, `sql<T>\`…\``). */
const QUERY = /\.\s*(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(|\bsql\s*(?:<[^`;]*?>\s*)?`/;
/** Any mention at all, comments included: the issue's `grep -rEn "insertInto|updateTable|deleteFrom" src/web`. */
const WRITE = /insertInto|updateTable|deleteFrom/;
/** `import { sql } from 'kysely'` (a value import, not `import type`, not `type sql`). */
const SQL_IMPORT = /^\s*import\s+(?!type\b)[^;]*?\{[^}]*(?<!type\s)\bsql\b[^}]*\}\s*from\s*['"]kysely['"]/ms;

/** Where queries belong: repositories of a module, and the database layer itself (migrations included). */
export const isQueryHome = (file: string): boolean => /^src\/modules\/.+\.repository\.ts$/.test(file) || file.startsWith('src/db/');

/** Comment lines are skipped for the query rule, so a doc comment may show an example. */
const isCommentLine = (line: string): boolean => /^\s*(?:\/\/|\/\*|\*)/.test(line);

/**
 * Every violation in `files`, before any allowlist.
 *
 * @example scan([{ path: 'src/web/site/x.ts', text: "db.selectFrom('posts')" }]) // one query-outside-repository
 */
export function scan(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    const lines = f.text.split('\n');
    const home = isQueryHome(f.path);
    lines.forEach((text, i) => {
      if (!home && !isCommentLine(text) && QUERY.test(text)) out.push({ rule: 'query-outside-repository', file: f.path, line: i + 1, text: text.trim() });
      if (f.path.startsWith('src/web/') && WRITE.test(text)) out.push({ rule: 'write-under-web', file: f.path, line: i + 1, text: text.trim() });
    });
    if (!home) {
      const m = SQL_IMPORT.exec(f.text);
      if (m) {
        const start = m.index + m[0].length - m[0].trimStart().length;
        out.push({ rule: 'sql-tag-import', file: f.path, line: f.text.slice(0, start).split('\n').length, text: m[0].trim().split('\n')[0] ?? '' });
      }
    }
  }
  return out;
}

/** `src/**\/*.ts(x)` under `root`, tests excluded, as repository-relative paths with their text. */
export function readSources(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push({ path: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') });
    }
  };
  walk('src');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export const formatViolation = (v: Violation): string => `${v.file}:${v.line} [${v.rule}] ${v.text.slice(0, 120)}`;
