/**
 * @module modules/redirect/import-map.repository
 * Which local row an imported item became, keyed by (source site, kind, source id). Every write of
 * an imported entity records itself here in the same transaction, so a re-run updates instead of
 * duplicating, and an interrupted run resumes where it stopped. Old WordPress query-string links
 * (`/?p=123`) resolve through it too, which is why it sits beside the redirects.
 */
import type { Db } from '../../db/database.js';

/** `image`: a file fetched for a post body that is no attachment, keyed by a hash of its original's URL. */
export type ImportKind = 'author' | 'category' | 'tag' | 'post' | 'attachment' | 'image' | 'comment';

export async function lookup(db: Db, source: string, kind: ImportKind, sourceId: string): Promise<number | undefined> {
  const r = await db
    .selectFrom('import_map')
    .select('local_id')
    .where('source', '=', source)
    .where('kind', '=', kind)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return r?.local_id;
}

/** All mappings of one kind (authors, categories, tags, attachments: small sets). */
export async function lookupAll(db: Db, source: string, kind: ImportKind): Promise<Map<string, number>> {
  const rows = await db.selectFrom('import_map').select(['source_id', 'local_id']).where('source', '=', source).where('kind', '=', kind).execute();
  return new Map(rows.map((r) => [r.source_id, r.local_id]));
}

export async function remember(db: Db, source: string, kind: ImportKind, sourceId: string, localId: number): Promise<void> {
  await db
    .insertInto('import_map')
    .values({ source, kind, source_id: sourceId, local_id: localId })
    .onConflict((oc) => oc.columns(['source', 'kind', 'source_id']).doUpdateSet({ local_id: localId }))
    .execute();
}

/** Any source: the newest local id for a WordPress id (old `?p=123` links name no site). */
export async function lookupAnySource(db: Db, kind: ImportKind, sourceId: string): Promise<number | undefined> {
  const r = await db
    .selectFrom('import_map')
    .select('local_id')
    .where('kind', '=', kind)
    .where('source_id', '=', sourceId)
    .orderBy('local_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.local_id;
}

/** Bulk: upserts many mappings in one statement (a stale row, for an item deleted since, is replaced). */
export async function rememberMany(db: Db, rows: { source: string; kind: string; source_id: string; local_id: number }[]): Promise<void> {
  await db
    .insertInto('import_map')
    .values(rows)
    .onConflict((oc) => oc.columns(['source', 'kind', 'source_id']).doUpdateSet((eb) => ({ local_id: eb.ref('excluded.local_id') })))
    .execute();
}

/** The posts these WordPress ids became, with their current slugs (ids not imported are absent). */
export async function mappedPosts(db: Db, source: string, sourceIds: string[]): Promise<{ source_id: string; id: number; slug: string }[]> {
  return db
    .selectFrom('import_map')
    .innerJoin('posts', 'posts.id', 'import_map.local_id')
    .select(['import_map.source_id', 'posts.id', 'posts.slug'])
    .where('import_map.source', '=', source)
    .where('import_map.kind', '=', 'post')
    .where('import_map.source_id', 'in', sourceIds)
    .execute();
}

/** The comments these WordPress comment ids became, on these posts. */
export async function mappedComments(
  db: Db,
  source: string,
  postIds: number[],
  sourceIds: string[],
): Promise<{ source_id: string; local_id: number; post_id: number }[]> {
  return db
    .selectFrom('import_map')
    .innerJoin('comments', 'comments.id', 'import_map.local_id')
    .select(['import_map.source_id', 'import_map.local_id', 'comments.post_id'])
    .where('import_map.source', '=', source)
    .where('import_map.kind', '=', 'comment')
    .where('comments.post_id', 'in', postIds)
    .where('import_map.source_id', 'in', sourceIds)
    .execute();
}
