/**
 * @module modules/site/menu.repository
 * The reads the menus need: the targets their items name (tags, pages, authors; sections come
 * from the category tree), and the choices the editor offers. The handle is always first.
 */
import type { Db } from '../../db/database.js';

export interface MenuTargetRows {
  tags: { id: number; slug: string; name: string; names: string }[];
  pages: { id: number; slug: string; title: string }[];
  authors: { id: number; slug: string; name: string }[];
}

/** The published pages, tags and authors with these ids (what is gone or unpublished is left out). */
export async function menuTargetRows(db: Db, ids: { tag: number[]; page: number[]; author: number[] }): Promise<MenuTargetRows> {
  const [tags, pages, authors] = await Promise.all([
    ids.tag.length ? db.selectFrom('tags').select(['id', 'slug', 'name', 'names']).where('id', 'in', ids.tag).execute() : [],
    ids.page.length
      ? db
          .selectFrom('posts')
          .select(['id', 'slug', 'title'])
          .where('id', 'in', ids.page)
          .where('type', '=', 'page')
          .where('status', '=', 'published')
          .execute()
      : [],
    ids.author.length ? db.selectFrom('authors').select(['id', 'slug', 'name']).where('id', 'in', ids.author).execute() : [],
  ]);
  return { tags, pages, authors };
}

/** Every published page by title, for the editor's "add a page" list. */
export async function publishedPageChoices(db: Db): Promise<{ id: number; title: string; slug: string }[]> {
  return db
    .selectFrom('posts')
    .select(['id', 'title', 'slug'])
    .where('type', '=', 'page')
    .where('status', '=', 'published')
    .orderBy('title')
    .limit(500)
    .execute();
}

/** Every author by name, for the editor's "add an author" list. */
export async function authorMenuChoices(db: Db): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('authors').select(['id', 'name']).orderBy('name').limit(500).execute();
}

/** A tag by its slug or its name (case as typed), for the editor's "add a tag" field. */
export async function tagBySlugOrName(db: Db, text: string): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('tags')
    .select('id')
    .where((eb) => eb.or([eb('slug', '=', text.toLowerCase()), eb('name', '=', text)]))
    .orderBy('id')
    .executeTakeFirst();
}

/** Posts and pages of any status with these ids, for an import that links to them from a menu. */
export async function menuPostRows(db: Db, ids: number[]): Promise<{ id: number; slug: string; title: string; type: string; status: string }[]> {
  if (!ids.length) return [];
  return db.selectFrom('posts').select(['id', 'slug', 'title', 'type', 'status']).where('id', 'in', ids).execute();
}

/** The published post or page with this slug (a path of this site that a menu link names). */
export async function publishedPostBySlug(db: Db, slug: string): Promise<{ id: number; type: string; title: string } | undefined> {
  return db.selectFrom('posts').select(['id', 'type', 'title']).where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst();
}
