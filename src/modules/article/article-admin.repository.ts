/**
 * @module modules/article/article-admin.repository
 * What the newsroom reads about articles: the filtered admin list, one article with its links as
 * the editor loads it, whether a user is in its byline, the slug's owner, the languages in use.
 */
import type { ExpressionBuilder } from 'kysely';
import { peopleOfPost } from '../person/person.repository.js';
import type { Db } from '../../db/database.js';
import type { AuthorRow, Database, PostRow, PostStatus, PostType, TagRow } from '../../db/schema.js';
import { containsText } from '../../db/like.js';
import * as repo from './article.repository.js';

export const ADMIN_PER_PAGE = 20;

export interface AdminListFilter {
  status?: PostStatus;
  authorId?: number;
  categoryId?: number;
  language?: string;
  q?: string;
  /** Only articles bylined to this user's author profile. */
  ownerUserId?: number;
}

export interface AdminListRow {
  id: number;
  title: string;
  slug: string;
  status: PostStatus;
  language: string;
  updated_at: string;
  published_at: string | null;
}

/** The ids of posts with `userId`'s author profile in their byline (a subquery). */
export const bylinedTo = (eb: ExpressionBuilder<Database, 'posts'>, userId: number) =>
  eb
    .selectFrom('post_authors')
    .innerJoin('authors', 'authors.id', 'post_authors.author_id')
    .select('post_authors.post_id')
    .where('authors.user_id', '=', userId);

function listQuery(db: Db, f: AdminListFilter) {
  let q = db.selectFrom('posts').where('posts.type', '=', 'post');
  q = f.status ? q.where('posts.status', '=', f.status) : q.where('posts.status', '!=', 'trash');
  if (f.authorId !== undefined) {
    const id = f.authorId;
    q = q.where('posts.id', 'in', (eb) => eb.selectFrom('post_authors').select('post_id').where('author_id', '=', id));
  }
  if (f.ownerUserId !== undefined) {
    const uid = f.ownerUserId;
    q = q.where('posts.id', 'in', (eb) => bylinedTo(eb, uid));
  }
  if (f.categoryId !== undefined) {
    const id = f.categoryId;
    q = q.where('posts.id', 'in', (eb) => eb.selectFrom('post_categories').select('post_id').where('category_id', '=', id));
  }
  if (f.language !== undefined) q = q.where('posts.language', '=', f.language);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([containsText('posts.title', text), containsText('posts.slug', text)]));
  }
  return q;
}

export async function listAdminArticles(
  db: Db,
  f: AdminListFilter,
  page: number,
): Promise<{ rows: AdminListRow[]; total: number; authors: Map<number, AuthorRow[]> }> {
  const { n } = await listQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await listQuery(db, f)
    .select(['posts.id', 'posts.title', 'posts.slug', 'posts.status', 'posts.language', 'posts.updated_at', 'posts.published_at'])
    .orderBy('posts.updated_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(ADMIN_PER_PAGE)
    .offset((page - 1) * ADMIN_PER_PAGE)
    .execute();
  const authors = await repo.authorsForPosts(
    db,
    rows.map((r) => r.id),
  );
  return { rows, total: Number(n), authors };
}

/** The languages of every post, in order (the list filter and the language field's suggestions). */
export async function postLanguages(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('posts').select('language').distinct().orderBy('language').execute();
  return rows.map((l) => l.language);
}

export interface EditableArticle {
  post: PostRow;
  authorIds: number[];
  categoryIds: number[];
  tags: TagRow[];
  /** Its people: those the editor chose and those its body cites, in order. */
  people: Awaited<ReturnType<typeof peopleOfPost>>;
}

/** Post (or page, with `type`) `id` with its links, as the editor loads it. */
export async function findEditableArticle(db: Db, id: number, type: PostType = 'post'): Promise<EditableArticle | undefined> {
  const post = await db.selectFrom('posts').selectAll().where('id', '=', id).where('type', '=', type).executeTakeFirst();
  if (!post) return undefined;
  const [authors, categoryIds, tags, people] = await Promise.all([
    db.selectFrom('post_authors').select('author_id').where('post_id', '=', id).orderBy('position').execute(),
    repo.categoryIdsForPost(db, id),
    repo.tagsForPost(db, id),
    peopleOfPost(db, id),
  ]);
  return { post, authorIds: authors.map((a) => a.author_id), categoryIds, tags, people };
}

/** True when one of the article's bylines is this user's author profile. */
export async function ownsArticle(db: Db, postId: number, userId: number): Promise<boolean> {
  const r = await db
    .selectFrom('posts')
    .select('posts.id')
    .where('posts.id', '=', postId)
    .where('posts.id', 'in', (eb) => bylinedTo(eb, userId))
    .executeTakeFirst();
  return r !== undefined;
}

export async function findArticleIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}
