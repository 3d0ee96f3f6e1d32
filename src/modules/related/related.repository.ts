/**
 * @module modules/related/related.repository
 * The stored "you may also like" lists (related_posts) and what computing one reads about a post.
 * The handle (db or trx) is always the first argument.
 */
import type { Db } from '../../db/database.js';
import type { PostRow } from '../../db/schema.js';

export type RelatedSource = Pick<PostRow, 'id' | 'type' | 'status' | 'title' | 'excerpt' | 'search_text' | 'language' | 'primary_category_id' | 'published_at'>;

/** What a post's related list is computed from: its text, language, type and status. */
export async function relatedSource(db: Db, postId: number): Promise<RelatedSource | undefined> {
  return db
    .selectFrom('posts')
    .select(['id', 'type', 'status', 'title', 'excerpt', 'search_text', 'language', 'primary_category_id', 'published_at'])
    .where('id', '=', postId)
    .executeTakeFirst();
}

/** Publication dates, headlines and standfirsts of these posts (unordered): what ranks a candidate beside its text score. */
export async function candidateRows(db: Db, ids: number[]): Promise<Pick<PostRow, 'id' | 'published_at' | 'title' | 'excerpt'>[]> {
  return db.selectFrom('posts').select(['id', 'published_at', 'title', 'excerpt']).where('id', 'in', ids).execute();
}

export async function clearRelated(db: Db, postId: number): Promise<void> {
  await db.deleteFrom('related_posts').where('post_id', '=', postId).execute();
}

/** Stores the list in rank order (call clearRelated first, in the same transaction). */
export async function insertRelated(db: Db, postId: number, ranked: { id: number; score: number }[]): Promise<void> {
  if (ranked.length === 0) return;
  await db
    .insertInto('related_posts')
    .values(ranked.map((r, rank) => ({ post_id: postId, related_id: r.id, rank, score: r.score })))
    .execute();
}

/** Posts whose stored list holds `postId`. */
export async function postsListing(db: Db, postId: number): Promise<number[]> {
  return (await db.selectFrom('related_posts').select('post_id').where('related_id', '=', postId).execute()).map((r) => r.post_id);
}

/** Every published post (not page), in the database's order. */
export async function publishedPostIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('posts').select('id').where('status', '=', 'published').where('type', '=', 'post').execute()).map((r) => r.id);
}
