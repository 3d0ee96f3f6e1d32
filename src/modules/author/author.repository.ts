/**
 * @module modules/author/author.repository
 * Every query on `authors`: profiles by slug, id or user, the admin's list, and the writes of the
 * author services. The handle is always the first argument.
 */
import type { Db } from '../../db/database.js';
import type { AuthorRow } from '../../db/schema.js';

export async function findAuthorBySlug(db: Db, slug: string): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertAuthor(
  db: Db,
  row: {
    slug: string;
    name: string;
    role_title?: string;
    role_titles?: string;
    bio?: string;
    avatar_media_id?: number | null;
    public_email?: string;
    links?: string;
    user_id?: number | null;
    created_at: string;
  },
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

/** An author's own address (kept for exports, never shown; '' for none). */
export async function setAuthorEmail(db: Db, id: number, email: string): Promise<void> {
  await db.updateTable('authors').set({ email }).where('id', '=', id).execute();
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

export async function findAuthorById(db: Db, id: number): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The fields a profile form saves. */
export interface ProfileColumns {
  name: string;
  role_title: string;
  /** JSON object: language → title. */
  role_titles: string;
  bio: string;
  avatar_media_id: number | null;
  public_email: string;
  /** JSON array of strings. */
  links: string;
}

export async function updateAuthorProfile(db: Db, id: number, row: ProfileColumns): Promise<void> {
  await db.updateTable('authors').set(row).where('id', '=', id).execute();
}

export async function deleteAuthorRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('authors').where('id', '=', id).execute();
}

/** How many articles (any status, the trash too) carry this author's byline. */
export async function articleCountOfAuthor(db: Db, id: number): Promise<number> {
  const r = await db
    .selectFrom('post_authors')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('author_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One row of the admin's author list: the profile, its login (if any) and its article count. */
export interface AuthorListRow {
  id: number;
  slug: string;
  name: string;
  role_title: string;
  avatar_media_id: number | null;
  user_id: number | null;
  user_email: string | null;
  user_role: string | null;
  articles: number;
}

/** Every author, by name, with its account's email and role (guests: null) and its article count. */
export async function authorsForAdmin(db: Db): Promise<AuthorListRow[]> {
  const rows = await db
    .selectFrom('authors')
    .leftJoin('users', 'users.id', 'authors.user_id')
    .select((eb) => [
      'authors.id',
      'authors.slug',
      'authors.name',
      'authors.role_title',
      'authors.avatar_media_id',
      'authors.user_id',
      'users.email as user_email',
      'users.role as user_role',
      eb.selectFrom('post_authors').select(eb.fn.countAll<number | string>().as('n')).whereRef('post_authors.author_id', '=', 'authors.id').as('articles'),
    ])
    .orderBy('authors.name')
    .orderBy('authors.id')
    .execute();
  return rows.map((r) => ({ ...r, articles: Number(r.articles ?? 0) }));
}

/** The login of an author's user account (email and role), or undefined for a guest author. */
export async function loginOfAuthor(db: Db, author: Pick<AuthorRow, 'user_id'>): Promise<{ email: string; role: string } | undefined> {
  if (author.user_id === null) return undefined;
  return db.selectFrom('users').select(['email', 'role']).where('id', '=', author.user_id).executeTakeFirst();
}
