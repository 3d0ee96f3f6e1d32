/**
 * @module modules/feed/feed.repository
 * The queries behind feeds and sitemaps: published content only, each a fixed number of statements
 * however large the site. The handle (db or trx) is always the first argument.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, PostType } from '../../db/schema.js';

/** Bodies of these posts, for full-text feeds. (Their category links: taxonomy/category.repository.) */
export async function postBodies(db: Db, ids: number[]): Promise<{ id: number; body_html: string }[]> {
  return db.selectFrom('posts').select(['id', 'body_html']).where('id', 'in', ids).execute();
}

/** The tags of these posts, by tag name. */
export async function tagLinksOf(db: Db, ids: number[]): Promise<{ post_id: number; slug: string; name: string }[]> {
  return db
    .selectFrom('post_tags')
    .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
    .select(['post_tags.post_id', 'tags.slug', 'tags.name'])
    .where('post_tags.post_id', 'in', ids)
    .orderBy('tags.name')
    .execute();
}

/** Published content of one type; of one language too when `language` is given (the per-language sitemaps). */
function publishedOf(db: Db, type: PostType, language?: string) {
  const q = db.selectFrom('posts').where('posts.status', '=', 'published').where('posts.type', '=', type);
  return language === undefined ? q : q.where('posts.language', '=', language);
}

export interface SitemapRow {
  id: number;
  slug: string;
  updated_at: string;
  translation_group: string | null;
}

/** One part of the published posts (or pages), by id; of one language when given. */
export async function sitemapPart(db: Db, type: PostType, limit: number, offset: number, language?: string): Promise<SitemapRow[]> {
  return publishedOf(db, type, language)
    .select(['posts.id', 'posts.slug', 'posts.updated_at', 'posts.translation_group'])
    .orderBy('posts.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * The published members of the translation groups that have a published `type` member with an id in
 * [firstId, lastId], by language then id. A range rather than a list of groups: no parameter per group.
 */
export async function translationMembersInRange(
  db: Db,
  type: PostType,
  firstId: number,
  lastId: number,
): Promise<{ translation_group: string | null; slug: string; language: string }[]> {
  return db
    .selectFrom('posts')
    .select(['translation_group', 'slug', 'language'])
    .where('status', '=', 'published')
    .where('translation_group', 'in', (eb) =>
      eb
        .selectFrom('posts as g')
        .select('g.translation_group')
        .where('g.type', '=', type)
        .where('g.status', '=', 'published')
        .where('g.translation_group', 'is not', null)
        .where('g.id', '>=', firstId)
        .where('g.id', '<=', lastId),
    )
    .orderBy('language')
    .orderBy('id')
    .execute();
}

/** Newest change per content type, over published content. */
export async function latestUpdatedByType(db: Db): Promise<{ type: PostType; lastmod: string | null }[]> {
  return db
    .selectFrom('posts')
    .select(['type', (eb) => eb.fn.max('updated_at').as('lastmod')])
    .where('status', '=', 'published')
    .groupBy('type')
    .execute();
}

/** Newest change of a published post per category it is filed under (directly). */
export async function latestUpdatedByCategory(db: Db): Promise<{ category_id: number; lastmod: string }[]> {
  return db
    .selectFrom('post_categories')
    .innerJoin('posts', 'posts.id', 'post_categories.post_id')
    .select(['post_categories.category_id', (eb) => eb.fn.max('posts.updated_at').as('lastmod')])
    .where('posts.status', '=', 'published')
    .where('posts.type', '=', 'post')
    .groupBy('post_categories.category_id')
    .execute();
}

/** Tags with at least one published post and its newest change, by slug. */
export async function latestUpdatedByTag(db: Db, limit: number): Promise<{ slug: string; lastmod: string }[]> {
  return db
    .selectFrom('tags')
    .innerJoin('post_tags', 'post_tags.tag_id', 'tags.id')
    .innerJoin('posts', 'posts.id', 'post_tags.post_id')
    .select(['tags.slug', (eb) => eb.fn.max('posts.updated_at').as('lastmod')])
    .where('posts.status', '=', 'published')
    .where('posts.type', '=', 'post')
    .groupBy(['tags.id', 'tags.slug'])
    .orderBy('tags.slug')
    .limit(limit)
    .execute();
}

/** Authors with at least one published post and its newest change, by slug. */
export async function latestUpdatedByAuthor(db: Db, limit: number): Promise<{ slug: string; lastmod: string }[]> {
  return db
    .selectFrom('authors')
    .innerJoin('post_authors', 'post_authors.author_id', 'authors.id')
    .innerJoin('posts', 'posts.id', 'post_authors.post_id')
    .select(['authors.slug', (eb) => eb.fn.max('posts.updated_at').as('lastmod')])
    .where('posts.status', '=', 'published')
    .where('posts.type', '=', 'post')
    .groupBy(['authors.id', 'authors.slug'])
    .orderBy('authors.slug')
    .limit(limit)
    .execute();
}

/** Published posts with a publication date in [since, until], newest first; of one language when given. */
export async function publishedBetween(
  db: Db,
  since: string,
  until: string,
  limit: number,
  language?: string,
): Promise<{ slug: string; title: string; language: string; published_at: string | null; updated_at: string; live_updated_at: string | null }[]> {
  // A live page stays in the window while its coverage runs and gets entries.
  return publishedOf(db, 'post', language)
    .where((eb) =>
      eb.or([
        eb.and([eb('posts.published_at', '>=', since), eb('posts.published_at', '<=', until)]),
        eb.and([eb('posts.live_status', '=', 'live'), eb('posts.live_updated_at', '>=', since), eb('posts.live_updated_at', '<=', until)]),
      ]),
    )
    .select(['posts.slug', 'posts.title', 'posts.language', 'posts.published_at', 'posts.updated_at', 'posts.live_updated_at'])
    .orderBy('posts.published_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(limit)
    .execute();
}

export interface SitemapPartRow {
  type: PostType;
  part: number;
  lastmod: string;
}

/**
 * The sitemap index's parts: each published row is ranked within its type to find its part
 * (`pageSize` rows each, by id), and the newest change is taken per type and part. One pass over
 * the published rows' ids and dates.
 */
export async function sitemapParts(db: Db, pageSize: number, language?: string): Promise<SitemapPartRow[]> {
  const published = db.selectFrom('posts').where('posts.status', '=', 'published');
  const ranked = (language === undefined ? published : published.where('posts.language', '=', language)).select([
    'posts.type',
    'posts.updated_at',
    sql<number>`(row_number() over (partition by ${sql.ref('posts.type')} order by ${sql.ref('posts.id')}) - 1) / ${sql.lit(pageSize)}`.as('part'),
  ]);
  return db
    .selectFrom(ranked.as('r'))
    .select((eb) => ['r.type', 'r.part', eb.fn.max('r.updated_at').as('lastmod')])
    .groupBy(['r.type', 'r.part'])
    .orderBy('r.type')
    .orderBy('r.part')
    .execute();
}

/** What the category, tag, author and news sitemaps list changed last: the newest change of a published post with one. */
export interface SitemapNewest {
  categories: string | undefined;
  tags: string | undefined;
  authors: string | undefined;
  news: string | undefined;
}

/**
 * Each is the first published post, newest change first, that has a category (a tag, an author, a
 * publication date in [since, until]): a walk down the posts_published_changed index that stops
 * at once on a site in use, instead of testing every post.
 */
export async function sitemapNewest(db: Db, since: string, until: string): Promise<SitemapNewest> {
  const linked = (table: 'post_categories' | 'post_tags' | 'post_authors') => (eb: ExpressionBuilder<Database, 'posts'>) =>
    eb.exists(eb.selectFrom(table).select(`${table}.post_id`).whereRef(`${table}.post_id`, '=', 'posts.id'));
  const [categories, tags, authors, news] = await Promise.all([
    newestChange(db, linked('post_categories')),
    newestChange(db, linked('post_tags')),
    newestChange(db, linked('post_authors')),
    newestNewsChange(db, since, until),
  ]);
  return { categories, tags, authors, news };
}

/** The newest change of a published post with a publication date in [since, until] (of one language when given). */
export async function newestNewsChange(db: Db, since: string, until: string, language?: string): Promise<string | undefined> {
  return newestChange(db, (eb) => eb.and([eb('posts.published_at', '>=', since), eb('posts.published_at', '<=', until)]), language);
}

async function newestChange(
  db: Db,
  condition: (eb: ExpressionBuilder<Database, 'posts'>) => Expression<SqlBool>,
  language?: string,
): Promise<string | undefined> {
  const row = await publishedOf(db, 'post', language)
    .select('posts.updated_at')
    .where(condition)
    .orderBy('posts.updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.updated_at;
}
