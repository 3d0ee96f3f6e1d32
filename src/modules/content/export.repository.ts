/**
 * @module modules/content/export.repository
 * What the WXR export reads: everything, in stable orders, the big tables a keyset page at a time.
 * Call inside one repeatable-read transaction (import/export/export-wxr) for a consistent file.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Every author with an address, by id: their account's when they sign in here, else their own (an imported author's; none: null). */
export async function authorsWithEmail(db: Db): Promise<{ id: number; slug: string; name: string; email: string | null }[]> {
  const rows = await db
    .selectFrom('authors')
    .leftJoin('users', 'users.id', 'authors.user_id')
    .select(['authors.id', 'authors.slug', 'authors.name', 'users.email as account_email', 'authors.email'])
    .orderBy('authors.id')
    .execute();
  return rows.map(({ account_email, email, ...a }) => ({ ...a, email: account_email || email || null }));
}

/** Every category by position, then id. */
export async function categoriesByPosition(db: Db) {
  return db.selectFrom('categories').selectAll().orderBy('position').orderBy('id').execute();
}

/** The largest post id (0 when there are none). */
export async function maxPostId(db: Db): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('posts')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirst()
    )?.m ?? 0,
  );
}

/** Rows of a table with an `id` key, `batch` at a time, by id. */
export async function* keysetPages<T extends 'tags' | 'media' | 'posts'>(db: Db, table: T, batch: number): AsyncGenerator<Selectable<Database[T]>[]> {
  let last = 0;
  for (;;) {
    const rows = (await db
      .selectFrom(table as 'posts')
      .selectAll()
      .where('id', '>', last)
      .orderBy('id')
      .limit(batch)
      .execute()) as unknown as Selectable<Database[T]>[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    last = (rows[rows.length - 1] as { id: number }).id;
  }
}

/** The links and comments of a batch of posts, each by post then byline position / id. */
export async function linksOfPosts(db: Db, ids: number[]) {
  return Promise.all([
    db.selectFrom('post_authors').select(['post_id', 'author_id']).where('post_id', 'in', ids).orderBy('post_id').orderBy('position').execute(),
    db
      .selectFrom('post_categories')
      .innerJoin('categories', 'categories.id', 'post_categories.category_id')
      .select(['post_id', 'slug', 'name'])
      .where('post_id', 'in', ids)
      .orderBy('post_id')
      .orderBy('categories.id')
      .execute(),
    db
      .selectFrom('post_tags')
      .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
      .select(['post_id', 'slug', 'name'])
      .where('post_id', 'in', ids)
      .orderBy('post_id')
      .orderBy('tags.id')
      .execute(),
    db
      .selectFrom('comments')
      .select(['id', 'post_id', 'parent_id', 'author_name', 'author_email', 'author_url', 'user_id', 'body_html', 'status', 'created_at'])
      .where('post_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
}
