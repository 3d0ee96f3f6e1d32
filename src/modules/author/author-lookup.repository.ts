/**
 * @module modules/author/author-lookup.repository
 * Small author reads of the public site: the search form's author choices and an author's slug
 * by id (old WordPress `/?author=N` links). The handle is always the first argument.
 */
import type { Db } from '../../db/database.js';

/** Authors by name, for a filter list (at most `limit`). */
export async function authorChoices(db: Db, limit: number): Promise<{ slug: string; name: string }[]> {
  return db.selectFrom('authors').select(['slug', 'name']).orderBy('name').limit(limit).execute();
}

export async function authorSlugById(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('authors').select('slug').where('id', '=', id).executeTakeFirst())?.slug;
}
