/**
 * @module web/admin/articles/articles.queries
 * What the admin's article pages read and the small writes around an article save: the filtered
 * list, one article with its links, who owns it, the signed-in user's author profile, tags made
 * inline by name. Kysely only; the article itself is written by modules/article/article.service.
 */
import type { Db } from '../../../db/database.js';
import type { AuthorRow, CategoryRow, PostRow, PostStatus, TagRow } from '../../../db/schema.js';
import { slugify } from '../../../modules/article/article.js';
import * as repo from '../../../modules/article/article.repository.js';
import type { User } from '../../../modules/user/user.js';
import { containsText } from '../../../db/like.js';

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


function listQuery(db: Db, f: AdminListFilter) {
  let q = db.selectFrom('posts').where('posts.type', '=', 'post');
  q = f.status ? q.where('posts.status', '=', f.status) : q.where('posts.status', '!=', 'trash');
  if (f.authorId !== undefined) {
    const id = f.authorId;
    q = q.where('posts.id', 'in', (eb) => eb.selectFrom('post_authors').select('post_id').where('author_id', '=', id));
  }
  if (f.ownerUserId !== undefined) {
    const uid = f.ownerUserId;
    q = q.where('posts.id', 'in', (eb) => eb.selectFrom('post_authors').innerJoin('authors', 'authors.id', 'post_authors.author_id').select('post_authors.post_id').where('authors.user_id', '=', uid));
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

export async function listAdminArticles(db: Db, f: AdminListFilter, page: number): Promise<{ rows: AdminListRow[]; total: number; authors: Map<number, AuthorRow[]> }> {
  const { n } = await listQuery(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await listQuery(db, f)
    .select(['posts.id', 'posts.title', 'posts.slug', 'posts.status', 'posts.language', 'posts.updated_at', 'posts.published_at'])
    .orderBy('posts.updated_at', 'desc').orderBy('posts.id', 'desc')
    .limit(ADMIN_PER_PAGE).offset((page - 1) * ADMIN_PER_PAGE).execute();
  const authors = await repo.authorsForPosts(db, rows.map((r) => r.id));
  return { rows, total: Number(n), authors };
}

export interface EditOptions {
  authors: AuthorRow[];
  categories: CategoryRow[];
  languages: string[];
}

export async function editOptions(db: Db): Promise<EditOptions> {
  const [authors, categories, langs] = await Promise.all([
    db.selectFrom('authors').selectAll().orderBy('name').execute(),
    db.selectFrom('categories').selectAll().orderBy('name').execute(),
    db.selectFrom('posts').select('language').distinct().orderBy('language').execute(),
  ]);
  return { authors, categories, languages: langs.map((l) => l.language) };
}

export interface EditableArticle {
  post: PostRow;
  authorIds: number[];
  categoryIds: number[];
  tags: TagRow[];
}

export async function findArticle(db: Db, id: number): Promise<EditableArticle | undefined> {
  const post = await db.selectFrom('posts').selectAll().where('id', '=', id).where('type', '=', 'post').executeTakeFirst();
  if (!post) return undefined;
  const [authors, categoryIds, tags] = await Promise.all([
    db.selectFrom('post_authors').select('author_id').where('post_id', '=', id).orderBy('position').execute(),
    repo.categoryIdsForPost(db, id),
    repo.tagsForPost(db, id),
  ]);
  return { post, authorIds: authors.map((a) => a.author_id), categoryIds, tags };
}

/** True when one of the article's bylines is this user's author profile. */
export async function ownsArticle(db: Db, postId: number, userId: number): Promise<boolean> {
  const r = await db.selectFrom('post_authors').innerJoin('authors', 'authors.id', 'post_authors.author_id')
    .select('post_authors.post_id').where('post_authors.post_id', '=', postId).where('authors.user_id', '=', userId).executeTakeFirst();
  return r !== undefined;
}

export async function authorOfUser(db: Db, userId: number): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('user_id', '=', userId).orderBy('id').executeTakeFirst();
}

/** The user's author profile, made (slug from their name) the first time they write. */
export async function ensureAuthorOfUser(db: Db, user: User, now: Date): Promise<number> {
  const found = await authorOfUser(db, user.id);
  if (found) return found.id;
  const base = slugify(user.name) || `author-${user.id}`;
  let slug = base;
  for (let n = 2; await db.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst(); n++) slug = `${base}-${n}`;
  const r = await db.insertInto('authors').values({ slug, name: user.name, role_title: '', bio: '', avatar_media_id: null, user_id: user.id, created_at: now.toISOString() })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Ids that exist in the table, out of the ones asked for. */
export async function existingIds(db: Db, table: 'authors' | 'categories' | 'media' | 'tags', ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Tag ids for names typed in the form; tags that do not exist yet are created. */
export async function tagIdsForNames(db: Db, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    const found = await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
    ids.push(found ? found.id : (await db.insertInto('tags').values({ slug, name, description: '' }).returning('id').executeTakeFirstOrThrow()).id);
  }
  return [...new Set(ids)];
}

export async function findArticleIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}
