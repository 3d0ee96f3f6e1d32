/**
 * @module modules/taxonomy/tag.repository
 * The tag writes of the newsroom (rename, merge, delete) and the lookups they need. Single-tag
 * reads and the tag list are in taxonomy.repository. The handle (db or trx) is always first.
 */
import { containsText } from '../../db/like.js';
import type { Db } from '../../db/database.js';
import type { TagRow } from '../../db/schema.js';

/** The id of a tag whose slug is one of `slugs` (the first the database finds). */
export async function tagIdWithSlugIn(db: Db, slugs: string[]): Promise<number | undefined> {
  return (await db.selectFrom('tags').select('id').where('slug', 'in', slugs).executeTakeFirst())?.id;
}

/**
 * Tags a set of hashtags may name: by lower-cased name (SQLite lowers ASCII only; a name that
 * differs in another script's case is still found by its slug) or by slug. The caller picks the
 * match (modules/article/hashtags matchHashtags).
 */
export async function tagsNamedOrSlugged(db: Db, lowerNames: string[], slugs: string[]): Promise<TagRow[]> {
  if (lowerNames.length === 0 && slugs.length === 0) return [];
  return db
    .selectFrom('tags')
    .selectAll()
    .where((eb) => eb.or([...(lowerNames.length ? [eb(eb.fn('lower', ['name']), 'in', lowerNames)] : []), ...(slugs.length ? [eb('slug', 'in', slugs)] : [])]))
    .execute();
}

export async function findTagsByIds(db: Db, ids: number[]): Promise<TagRow[]> {
  return db.selectFrom('tags').selectAll().where('id', 'in', ids).execute();
}

export async function updateTagRow(db: Db, id: number, changes: Partial<Pick<TagRow, 'name' | 'slug' | 'description' | 'names'>>): Promise<void> {
  await db.updateTable('tags').set(changes).where('id', '=', id).execute();
}

/** Deletes the tags and their links to posts. */
export async function deleteTagsAndLinks(db: Db, ids: number[]): Promise<void> {
  await db.deleteFrom('post_tags').where('tag_id', 'in', ids).execute();
  await db.deleteFrom('tags').where('id', 'in', ids).execute();
}

/** The (post, tag) links of these posts, unordered. */
export async function tagLinksOfPosts(db: Db, postIds: number[]): Promise<{ post_id: number; tag_id: number }[]> {
  return db.selectFrom('post_tags').select(['post_id', 'tag_id']).where('post_id', 'in', postIds).execute();
}

/** Bulk (seeding): one multi-row INSERT; returns the ids in row order. */
export async function insertTagsReturningIds(db: Db, rows: { slug: string; name: string; description: string }[]): Promise<number[]> {
  return (await db.insertInto('tags').values(rows).returning('id').execute()).map((x) => x.id);
}

/** Up to `limit` tag names containing `text` (any case), those starting with it first, then by name: the tag field's suggestions. */
export async function tagNamesLike(db: Db, text: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('tags').select('name').where(containsText('name', text)).orderBy('name').limit(200).execute();
  const lower = text.toLowerCase();
  const starts = (n: string): number => (n.toLowerCase().startsWith(lower) ? 0 : 1);
  return rows
    .map((r) => r.name)
    .sort((a, b) => starts(a) - starts(b) || a.localeCompare(b))
    .slice(0, limit);
}
