/**
 * @module modules/author/author-lookup.repository
 * Small author reads: the search form's author choices, an author's slug by id (old WordPress
 * `/?author=N` links), a user's author profile id (the dashboard). The handle is always first.
 */
import type { Db } from '../../db/database.js';

/** Authors by name, for a filter list (at most `limit`). */
export async function authorChoices(db: Db, limit: number): Promise<{ slug: string; name: string }[]> {
  return db.selectFrom('authors').select(['slug', 'name']).orderBy('name').limit(limit).execute();
}

export async function authorSlugById(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('authors').select('slug').where('id', '=', id).executeTakeFirst())?.slug;
}

/** The id of a user's author profile (the oldest, should there be several). */
export async function authorIdOfUser(db: Db, userId: number): Promise<number | undefined> {
  return (await db.selectFrom('authors').select('id').where('user_id', '=', userId).orderBy('id').executeTakeFirst())?.id;
}
