/**
 * @module modules/article/article.repository
 * Kysely queries for posts and their links. The handle (db or trx) is always the first argument.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { runPrepared } from '../../db/prepared.js';
import type { Updateable } from 'kysely';
import type { AuthorRow, NewPost, PostRow, PostStatus, PostsTable, PostType, TagRow } from '../../db/schema.js';

/** Columns a story card needs; never the body. */
export const CARD_COLUMNS = [
  'posts.id',
  'posts.type',
  'posts.slug',
  'posts.title',
  'posts.excerpt',
  'posts.language',
  'posts.primary_category_id',
  'posts.featured_media_id',
  'posts.published_at',
  'posts.updated_at',
  'posts.word_count',
  'posts.live_status',
  'posts.live_updated_at',
  'posts.format',
] as const;
export type CardRow = Pick<
  PostRow,
  | 'id'
  | 'type'
  | 'slug'
  | 'title'
  | 'excerpt'
  | 'language'
  | 'primary_category_id'
  | 'featured_media_id'
  | 'published_at'
  | 'updated_at'
  | 'word_count'
  | 'live_status'
  | 'live_updated_at'
  | 'format'
> & {
  /** Approved comments, counted in the same query (no query per card). */
  comment_count: number;
};

/** Approved comments of the row's post: the total kept by triggers (migration 0027), one row read per card. */
const COMMENT_COUNT = sql<number>`coalesce((select cc.approved from comment_counts cc where cc.post_id = posts.id), 0)`.as('comment_count');

export async function insertPost(db: Db, row: NewPost): Promise<number> {
  const r = await db.insertInto('posts').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The whole post row, any type and status (previews, revisions). */
export async function findPostById(db: Db, id: number): Promise<PostRow | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The post's tag ids and its author ids in byline order (what a revision records). */
export async function linkIdsForPost(db: Db, postId: number): Promise<{ tagIds: number[]; authorIds: number[] }> {
  const [tags, authors] = await Promise.all([
    db.selectFrom('post_tags').select('tag_id').where('post_id', '=', postId).execute(),
    db.selectFrom('post_authors').select('author_id').where('post_id', '=', postId).orderBy('position').execute(),
  ]);
  return { tagIds: tags.map((t) => t.tag_id), authorIds: authors.map((a) => a.author_id) };
}

/** What a save needs to know of the post before it writes: its slug, status and dates. */
export async function findPostState(db: Db, id: number): Promise<Pick<PostRow, 'slug' | 'status' | 'published_at' | 'updated_at'> | undefined> {
  return db.selectFrom('posts').select(['slug', 'status', 'published_at', 'updated_at']).where('id', '=', id).executeTakeFirst();
}

/** Writes the post's columns; with `expectedUpdatedAt`, only if it is still that version. False when no row matched. */
export async function updatePost(db: Db, id: number, row: Updateable<PostsTable>, expectedUpdatedAt?: string): Promise<boolean> {
  let q = db.updateTable('posts').set(row).where('id', '=', id);
  if (expectedUpdatedAt !== undefined) q = q.where('updated_at', '=', expectedUpdatedAt);
  return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
}

export async function updatePostStatus(db: Db, id: number, status: PostStatus, updatedAt: string): Promise<boolean> {
  return Number((await db.updateTable('posts').set({ status, updated_at: updatedAt }).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0;
}

export async function updatePostSlug(db: Db, id: number, slug: string, updatedAt: string): Promise<void> {
  await db.updateTable('posts').set({ slug, updated_at: updatedAt }).where('id', '=', id).execute();
}

/** What an article page shows of its post: everything but the editor document and search text. */
export type PagePost = Omit<PostRow, 'body_doc' | 'search_text'>;
const PAGE_COLUMNS = [
  'id',
  'type',
  'status',
  'slug',
  'title',
  'excerpt',
  'body_html',
  'word_count',
  'language',
  'translation_group',
  'primary_category_id',
  'featured_media_id',
  'published_at',
  'updated_at',
  'created_at',
  'comment_status',
  'sticky',
  'seo_title',
  'seo_description',
  'parent_id',
  'menu_order',
  'live_status',
  'live_started_at',
  'live_ended_at',
  'live_updated_at',
  'format',
] as const;

/**
 * A published post for its page. The body is read once (body_html), not three times (the editor
 * document and the search text are as long), and the query is compiled once. `has_corrections`
 * spares most articles (those without notes) the corrections query.
 */
export async function findPagePostBySlug(db: Db, slug: string): Promise<(PagePost & { has_corrections: unknown }) | undefined> {
  const rows = await runPrepared(db, 'page-post-by-slug', [slug, 'published'], () =>
    db
      .selectFrom('posts')
      .select(PAGE_COLUMNS)
      .select((eb) => eb.exists(eb.selectFrom('corrections').select('corrections.id').whereRef('corrections.post_id', '=', 'posts.id')).as('has_corrections'))
      .where('slug', '=', slug)
      .where('status', '=', 'published'),
  );
  return rows[0];
}

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export interface ListFilter {
  type?: PostType;
  /** Posts in any of these categories. */
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
  /** Posts that name this person (about them or quoting them: post_people). */
  personId?: number;
  excludeId?: number;
  /** Leaves these out (a front page's pinned stories, shown above the list). */
  excludeIds?: number[];
  language?: string;
  /** Published at or after this instant (ISO) and before `publishedBefore`: a date archive. */
  publishedFrom?: string;
  publishedBefore?: string;
}

function listQuery(db: Db, f: ListFilter) {
  let q = db
    .selectFrom('posts')
    .where('posts.status', '=', 'published')
    .where('posts.type', '=', f.type ?? 'post');
  // IN (subquery) lets the planner start from the small link table instead of walking every post.
  if (f.categoryIds) {
    const ids = f.categoryIds.length ? f.categoryIds : [-1];
    q = q.where('posts.id', 'in', (eb) => eb.selectFrom('post_categories').select('post_categories.post_id').where('post_categories.category_id', 'in', ids));
  }
  if (f.tagId !== undefined) {
    const tagId = f.tagId;
    q = q.where('posts.id', 'in', (eb) => eb.selectFrom('post_tags').select('post_tags.post_id').where('post_tags.tag_id', '=', tagId));
  }
  if (f.authorId !== undefined) {
    const authorId = f.authorId;
    q = q.where('posts.id', 'in', (eb) => eb.selectFrom('post_authors').select('post_authors.post_id').where('post_authors.author_id', '=', authorId));
  }
  if (f.personId !== undefined) {
    const personId = f.personId;
    q = q.where('posts.id', 'in', (eb) => eb.selectFrom('post_people').select('post_people.post_id').where('post_people.person_id', '=', personId));
  }
  if (f.excludeId !== undefined) q = q.where('posts.id', '!=', f.excludeId);
  if (f.excludeIds?.length) q = q.where('posts.id', 'not in', f.excludeIds);
  if (f.language !== undefined) q = q.where('posts.language', '=', f.language);
  if (f.publishedFrom !== undefined) q = q.where('posts.published_at', '>=', f.publishedFrom);
  if (f.publishedBefore !== undefined) q = q.where('posts.published_at', '<', f.publishedBefore);
  return q;
}

/** Newest first. */
export async function listPublished(db: Db, f: ListFilter, limit: number, offset: number): Promise<CardRow[]> {
  return listQuery(db, f)
    .select([...CARD_COLUMNS, COMMENT_COUNT])
    .orderBy('posts.published_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countPublished(db: Db, f: ListFilter): Promise<number> {
  const r = await listQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function cardRowsByIds(db: Db, ids: number[]): Promise<CardRow[]> {
  return db
    .selectFrom('posts')
    .select([...CARD_COLUMNS, COMMENT_COUNT])
    .where('posts.id', 'in', ids)
    .where('posts.status', '=', 'published')
    .execute();
}

/** The stored "You may also like" list, published posts only, in rank order. */
export async function storedRelated(db: Db, postId: number): Promise<CardRow[]> {
  return runPrepared(db, 'stored-related', [postId, 'published'], () =>
    db
      .selectFrom('related_posts')
      .innerJoin('posts', 'posts.id', 'related_posts.related_id')
      .select([...CARD_COLUMNS, COMMENT_COUNT])
      .where('related_posts.post_id', '=', postId)
      .where('posts.status', '=', 'published')
      .orderBy('related_posts.rank'),
  );
}

/**
 * The newest published posts whose primary section is `categoryId` (the stand-in related list):
 * served by the posts_section_latest index, it reads a few rows however large the section.
 */
export async function latestInSection(db: Db, categoryId: number, excludeId: number, language: string, limit: number): Promise<CardRow[]> {
  return runPrepared(db, 'latest-in-section', [categoryId, 'published', 'post', excludeId, language, limit], () =>
    db
      .selectFrom('posts')
      .select([...CARD_COLUMNS, COMMENT_COUNT])
      .where('posts.primary_category_id', '=', categoryId)
      .where('posts.status', '=', 'published')
      .where('posts.type', '=', 'post')
      .where('posts.id', '!=', excludeId)
      .where('posts.language', '=', language)
      .orderBy('posts.published_at', 'desc')
      .orderBy('posts.id', 'desc')
      .limit(limit),
  );
}

/** Authors of many posts in one query, in byline order. */
export async function authorsForPosts(db: Db, postIds: number[]): Promise<Map<number, AuthorRow[]>> {
  const out = new Map<number, AuthorRow[]>();
  if (postIds.length === 0) return out;
  // One compiled text per list length (a page asks for 1 + its related cards, so a handful).
  const rows = await runPrepared(db, `authors-for-posts:${postIds.length}`, postIds, () =>
    db
      .selectFrom('post_authors')
      .innerJoin('authors', 'authors.id', 'post_authors.author_id')
      .selectAll('authors')
      .select('post_authors.post_id')
      .where('post_authors.post_id', 'in', postIds)
      .orderBy('post_authors.post_id')
      .orderBy('post_authors.position'),
  );
  for (const { post_id, ...author } of rows) {
    const list = out.get(post_id) ?? [];
    list.push(author);
    out.set(post_id, list);
  }
  return out;
}

export async function tagsForPost(db: Db, postId: number): Promise<TagRow[]> {
  return runPrepared(db, 'tags-for-post', [postId], () =>
    db.selectFrom('post_tags').innerJoin('tags', 'tags.id', 'post_tags.tag_id').selectAll('tags').where('post_tags.post_id', '=', postId).orderBy('tags.name'),
  );
}

export async function categoryIdsForPost(db: Db, postId: number): Promise<number[]> {
  const rows = await db.selectFrom('post_categories').select('category_id').where('post_id', '=', postId).execute();
  return rows.map((r) => r.category_id);
}

/** Published posts in the same translation group, other than the given one. */
export async function translationsOf(db: Db, group: string, excludeId: number): Promise<Pick<PostRow, 'id' | 'slug' | 'title' | 'language' | 'type'>[]> {
  return runPrepared(db, 'translations-of', [group, excludeId, 'published'], () =>
    db
      .selectFrom('posts')
      .select(['id', 'slug', 'title', 'language', 'type'])
      .where('translation_group', '=', group)
      .where('id', '!=', excludeId)
      .where('status', '=', 'published')
      .orderBy('language'),
  );
}

export async function linkAuthors(db: Db, postId: number, authorIds: number[]): Promise<void> {
  await db.deleteFrom('post_authors').where('post_id', '=', postId).execute();
  if (authorIds.length)
    await db
      .insertInto('post_authors')
      .values(authorIds.map((author_id, position) => ({ post_id: postId, author_id, position })))
      .execute();
}

export async function linkCategories(db: Db, postId: number, categoryIds: number[]): Promise<void> {
  await db.deleteFrom('post_categories').where('post_id', '=', postId).execute();
  if (categoryIds.length)
    await db
      .insertInto('post_categories')
      .values(categoryIds.map((category_id) => ({ post_id: postId, category_id })))
      .execute();
}

export async function linkTags(db: Db, postId: number, tagIds: number[]): Promise<void> {
  await db.deleteFrom('post_tags').where('post_id', '=', postId).execute();
  if (tagIds.length)
    await db
      .insertInto('post_tags')
      .values(tagIds.map((tag_id) => ({ post_id: postId, tag_id })))
      .execute();
}

/**
 * The languages of published articles, in order. A loose index scan (one index probe per
 * language, recursive CTE on both databases) instead of DISTINCT over every post: the search
 * page asks on every request, and sites have a handful of languages and up to millions of posts.
 */
export async function publishedLanguages(db: Db): Promise<string[]> {
  const { rows } = await sql<{ lang: string }>`with recursive l(lang) as (
    select min(language) from posts where status = 'published' and type = 'post'
    union all
    select (select min(language) from posts where status = 'published' and type = 'post' and language > l.lang) from l where l.lang is not null
  ) select lang from l where lang is not null`.execute(db);
  return rows.map((r) => r.lang);
}
