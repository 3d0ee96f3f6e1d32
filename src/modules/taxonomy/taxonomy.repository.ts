/**
 * @module modules/taxonomy/taxonomy.repository
 */
import type { Db } from '../../db/database.js';
import type { CategoryRow, TagRow } from '../../db/schema.js';
import { containsText } from '../../db/like.js';

export async function allCategories(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().execute();
}

export async function insertCategory(
  db: Db,
  row: { parent_id: number | null; slug: string; name: string; description?: string; position?: number; names?: string },
): Promise<number> {
  const r = await db
    .insertInto('categories')
    .values({ description: '', position: 0, ...row })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findTagBySlug(db: Db, slug: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertTag(db: Db, row: { slug: string; name: string; description?: string }): Promise<number> {
  const r = await db
    .insertInto('tags')
    .values({ description: '', ...row })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Articles (any status but trash) filed under each category, by category id. */
export async function categoryArticleCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('post_categories')
    .innerJoin('posts', 'posts.id', 'post_categories.post_id')
    .select(['post_categories.category_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('posts.status', '!=', 'trash')
    .groupBy('post_categories.category_id')
    .execute();
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}

export interface TagListRow {
  id: number;
  slug: string;
  name: string;
  articles: number;
}

function tagQuery(db: Db, q: string) {
  let query = db.selectFrom('tags');
  if (q) {
    query = query.where((eb) => eb.or([containsText('tags.name', q), containsText('tags.slug', q)]));
  }
  return query;
}

/** One page of tags by name, each with its article count (not trashed; one query for the rows, one for the total). */
export async function listTags(db: Db, q: string, page: number, perPage: number): Promise<{ rows: TagListRow[]; total: number }> {
  const { n } = await tagQuery(db, q)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await tagQuery(db, q)
    .select([
      'tags.id',
      'tags.slug',
      'tags.name',
      (eb) =>
        eb
          .selectFrom('post_tags')
          .innerJoin('posts', 'posts.id', 'post_tags.post_id')
          .select((e) => e.fn.countAll<number | string>().as('c'))
          .whereRef('post_tags.tag_id', '=', 'tags.id')
          .where('posts.status', '!=', 'trash')
          .as('articles'),
    ])
    .orderBy('tags.name')
    .orderBy('tags.id')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return { rows: rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, articles: Number(r.articles ?? 0) })), total: Number(n) };
}

export async function findTagById(db: Db, id: number): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ids of the posts linked to any of these tags. */
export async function postIdsWithTags(db: Db, tagIds: number[]): Promise<number[]> {
  if (tagIds.length === 0) return [];
  const rows = await db.selectFrom('post_tags').select('post_id').distinct().where('tag_id', 'in', tagIds).execute();
  return rows.map((r) => r.post_id);
}

/** Inserts (post, category or tag) link rows in chunks, so a large section stays within parameter limits. */
export async function insertLinks(db: Db, table: 'post_tags' | 'post_categories', postIds: number[], otherId: number): Promise<void> {
  for (let i = 0; i < postIds.length; i += 500) {
    const chunk = postIds.slice(i, i + 500);
    if (table === 'post_tags')
      await db
        .insertInto('post_tags')
        .values(chunk.map((post_id) => ({ post_id, tag_id: otherId })))
        .execute();
    else
      await db
        .insertInto('post_categories')
        .values(chunk.map((post_id) => ({ post_id, category_id: otherId })))
        .execute();
  }
}

/** Every category by name (the article form's section choices). Added by the article-editing work. */
export async function categoriesByName(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().orderBy('name').execute();
}
