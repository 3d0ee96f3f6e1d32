/**
 * @module modules/author/author.repository
 */
import type { Db } from '../../db/database.js';
import type { AuthorRow } from '../../db/schema.js';

export async function findAuthorBySlug(db: Db, slug: string): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertAuthor(db: Db, row: { slug: string; name: string; role_title?: string; bio?: string; avatar_media_id?: number | null; created_at: string }): Promise<number> {
  const r = await db.insertInto('authors').values({ role_title: '', bio: '', ...row }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
