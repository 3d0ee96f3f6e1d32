/**
 * @module modules/content/posts.repository
 * Small reads and writes of posts that other modules, jobs and the public site need outside the
 * article module's own use cases: a post's language or public slug, scheduled publishing.
 * Candidates to join modules/article/article.repository.
 * The handle (db or trx) is always the first argument.
 */
import type { Db } from '../../db/database.js';
import type { NewPost, PostRow } from '../../db/schema.js';

export async function postLanguage(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('posts').select('language').where('id', '=', id).executeTakeFirst())?.language;
}

/** The slug of a published post (of any type). */
export async function publishedPostSlug(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('posts').select('slug').where('id', '=', id).where('status', '=', 'published').executeTakeFirst())?.slug;
}

/** Whether a published post or page (or only `type`) has this slug (WordPress' `/?name=slug` links): the slug, or undefined. */
export async function publishedSlug(db: Db, slug: string, type?: PostRow['type']): Promise<string | undefined> {
  let q = db.selectFrom('posts').select('slug').where('slug', '=', slug).where('status', '=', 'published');
  if (type) q = q.where('type', '=', type);
  return (await q.executeTakeFirst())?.slug;
}

/** A published post or page by slug, as a feed of its comments names it. */
export async function publishedPostBySlug(db: Db, slug: string): Promise<Pick<PostRow, 'id' | 'slug' | 'title' | 'language'> | undefined> {
  return db.selectFrom('posts').select(['id', 'slug', 'title', 'language']).where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst();
}

/** What a public route checks before showing something of a post. */
export async function postVisibility(db: Db, id: number): Promise<Pick<PostRow, 'id' | 'slug' | 'status' | 'type'> | undefined> {
  return db.selectFrom('posts').select(['id', 'slug', 'status', 'type']).where('id', '=', id).executeTakeFirst();
}

/** What rendering a body again needs: the document and the language of each post. */
export async function postDocuments(db: Db, ids: readonly number[]): Promise<{ id: number; body_doc: string; language: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('posts')
    .select(['id', 'body_doc', 'language'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

export async function setPostBodyDocAndHtml(db: Db, id: number, bodyDoc: string, bodyHtml: string): Promise<void> {
  await db.updateTable('posts').set({ body_doc: bodyDoc, body_html: bodyHtml }).where('id', '=', id).execute();
}

export async function setPostBodyHtml(db: Db, id: number, bodyHtml: string): Promise<void> {
  await db.updateTable('posts').set({ body_html: bodyHtml }).where('id', '=', id).execute();
}

/**
 * Publishes every scheduled post whose time has come, in one atomic UPDATE … RETURNING: each post
 * flips once whoever runs it first. Returns the ids that went live.
 */
export async function publishDue(db: Db, now: Date): Promise<number[]> {
  const rows = await db
    .updateTable('posts')
    .set({ status: 'published' })
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Scheduled posts, and how many of them are due (their time has come and they are not live yet). */
export async function scheduledCounts(db: Db, now: Date): Promise<{ scheduled: number; due: number }> {
  const row = await db
    .selectFrom('posts')
    .select([
      (eb) => eb.fn.countAll<number | string>().as('scheduled'),
      (eb) => eb.fn.sum<number | string | null>(eb.case().when('published_at', '<=', now.toISOString()).then(1).else(0).end()).as('due'),
    ])
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return { scheduled: Number(row?.scheduled ?? 0), due: Number(row?.due ?? 0) };
}

/** The slugs of these posts, by id (missing ids are absent). */
export async function slugsOfPosts(db: Db, ids: number[]): Promise<Map<number, string>> {
  const rows = await db.selectFrom('posts').select(['id', 'slug']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.slug]));
}

/** True when the database holds no posts (nor pages) yet. */
export async function noPostsYet(db: Db): Promise<boolean> {
  return (await db.selectFrom('posts').select('id').limit(1).executeTakeFirst()) === undefined;
}

/** Bulk (seeding, imports): one multi-row INSERT; returns each new post's id and slug. */
export async function insertPostsReturning(db: Db, rows: NewPost[]): Promise<{ id: number; slug: string }[]> {
  return db.insertInto('posts').values(rows).returning(['id', 'slug']).execute();
}

/** Bulk: link rows in one multi-row INSERT per table given (the caller keeps each within parameter limits). */
export async function insertPostLinks(
  db: Db,
  links: {
    categories?: { post_id: number; category_id: number }[];
    tags?: { post_id: number; tag_id: number }[];
    authors?: { post_id: number; author_id: number; position: number }[];
  },
): Promise<void> {
  if (links.categories?.length) await db.insertInto('post_categories').values(links.categories).execute();
  if (links.tags?.length) await db.insertInto('post_tags').values(links.tags).execute();
  if (links.authors?.length) await db.insertInto('post_authors').values(links.authors).execute();
}

/** Which of these slugs stored posts already use. */
export async function takenSlugs(db: Db, slugs: string[]): Promise<string[]> {
  return (await db.selectFrom('posts').select('slug').where('slug', 'in', slugs).execute()).map((r) => r.slug);
}
