/**
 * @module modules/redirect/redirect.repository
 * Old URLs that keep working: a changed slug, a moved category, an imported WordPress permalink.
 */
import type { Db } from '../../db/database.js';

export async function findRedirect(db: Db, fromPath: string): Promise<{ to_path: string; status: number } | undefined> {
  return db.selectFrom('redirects').select(['to_path', 'status']).where('from_path', '=', fromPath).executeTakeFirst();
}

/**
 * The longest of these prefix redirects that is stored (`/news/*`: an imported site that lived in
 * a subdirectory), with its target.
 */
export async function findPrefixRedirect(db: Db, prefixes: string[]): Promise<{ from_path: string; to_path: string; status: number } | undefined> {
  if (prefixes.length === 0) return undefined;
  const rows = await db.selectFrom('redirects').select(['from_path', 'to_path', 'status']).where('from_path', 'in', prefixes).execute();
  return rows.sort((a, b) => b.from_path.length - a.from_path.length)[0];
}

/**
 * Records from → to, and points every older redirect that led to `from` straight at `to`,
 * so chains never form and a path that becomes live again stops redirecting.
 */
export async function addRedirect(db: Db, fromPath: string, toPath: string, now: string): Promise<void> {
  if (fromPath === toPath) return;
  await db.deleteFrom('redirects').where('from_path', '=', toPath).execute();
  await db.updateTable('redirects').set({ to_path: toPath }).where('to_path', '=', fromPath).execute();
  await db
    .insertInto('redirects')
    .values({ from_path: fromPath, to_path: toPath, status: 301, created_at: now })
    .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: toPath, status: 301 }))
    .execute();
}

/** A path in use again stops redirecting elsewhere. */
export async function removeRedirectFrom(db: Db, fromPath: string): Promise<void> {
  await db.deleteFrom('redirects').where('from_path', '=', fromPath).execute();
}

/** Redirects that led to any of these paths stop (the paths are gone for good). */
export async function removeRedirectsTo(db: Db, toPaths: string[]): Promise<void> {
  await db.deleteFrom('redirects').where('to_path', 'in', toPaths).execute();
}

/** Bulk (imports): redirects from any of these paths stop; the caller keeps lists within parameter limits. */
export async function removeRedirectsFrom(db: Db, fromPaths: string[]): Promise<void> {
  await db.deleteFrom('redirects').where('from_path', 'in', fromPaths).execute();
}

/** Bulk: redirects that led to any of `fromPaths` lead to `toPath` instead (no chains). */
export async function retargetRedirects(db: Db, fromPaths: string[], toPath: string): Promise<void> {
  await db.updateTable('redirects').set({ to_path: toPath }).where('to_path', 'in', fromPaths).execute();
}

/** Bulk: which of these paths some stored redirect leads to. */
export async function redirectTargetsAmong(db: Db, paths: string[]): Promise<string[]> {
  return (await db.selectFrom('redirects').select('to_path').where('to_path', 'in', paths).execute()).map((r) => r.to_path);
}

/** Bulk: the stored redirects from these paths, by path (where each leads now). */
export async function redirectsFrom(db: Db, paths: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < paths.length; i += 500) {
    for (const r of await db
      .selectFrom('redirects')
      .select(['from_path', 'to_path'])
      .where('from_path', 'in', paths.slice(i, i + 500))
      .execute())
      out.set(r.from_path, r.to_path);
  }
  return out;
}

/** Bulk: upserts 301s, 200 rows a statement. */
export async function upsertRedirects(db: Db, rows: { from_path: string; to_path: string; created_at: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('redirects')
      .values(rows.slice(i, i + 200).map((r) => ({ from_path: r.from_path, to_path: r.to_path, status: 301, created_at: r.created_at })))
      .onConflict((oc) => oc.column('from_path').doUpdateSet((eb) => ({ to_path: eb.ref('excluded.to_path'), status: 301 })))
      .execute();
  }
}
