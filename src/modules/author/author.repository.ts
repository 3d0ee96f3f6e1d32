/**
 * @module modules/author/author.repository
 */
import type { Db } from '../../db/database.js';
import type { AuthorRow } from '../../db/schema.js';

export async function findAuthorBySlug(db: Db, slug: string): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertAuthor(
  db: Db,
  row: { slug: string; name: string; role_title?: string; bio?: string; avatar_media_id?: number | null; created_at: string },
): Promise<number> {
  const r = await db
    .insertInto('authors')
    .values({ role_title: '', bio: '', ...row })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The author profile of a user account (the oldest, should there be several). */
export async function findAuthorOfUser(db: Db, userId: number): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('user_id', '=', userId).orderBy('id').executeTakeFirst();
}

export async function authorSlugExists(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function allAuthors(db: Db): Promise<AuthorRow[]> {
  return db.selectFrom('authors').selectAll().orderBy('name').execute();
}

/** Adds an author profile that belongs to a user account. */
export async function insertUserAuthor(db: Db, row: { slug: string; name: string; user_id: number; created_at: string }): Promise<number> {
  const r = await db
    .insertInto('authors')
    .values({ role_title: '', bio: '', avatar_media_id: null, ...row })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function renameAuthor(db: Db, id: number, name: string): Promise<void> {
  await db.updateTable('authors').set({ name }).where('id', '=', id).execute();
}

/** Bulk (seeding): one multi-row INSERT; returns the ids in row order. */
export async function insertAuthorsReturningIds(
  db: Db,
  rows: { slug: string; name: string; role_title: string; bio: string; created_at: string }[],
): Promise<number[]> {
  return (await db.insertInto('authors').values(rows).returning('id').execute()).map((x) => x.id);
}
