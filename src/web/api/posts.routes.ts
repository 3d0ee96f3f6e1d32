/**
 * @module web/api/posts.routes
 * GET /api/v1/posts: published articles, newest first, as JSON with allow-listed fields only.
 * Filters: category (slug; sub-sections included), tag (slug), author (slug); page, per_page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { ListFilter } from '../../modules/article/article.repository.js';
import { authorPath, categoryPath, postPath } from '../../modules/article/permalink.js';
import { listPage, type ListPage } from '../../modules/article/reading.service.js';
import { readingMinutes } from '../../modules/article/render.js';
import { findAuthorBySlug } from '../../modules/author/author.repository.js';
import { tag as cacheTag } from '../../modules/content/cache-tags.js';
import { responsiveImage } from '../../modules/media/media.js';
import { findTagBySlug } from '../../modules/taxonomy/taxonomy.repository.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import type { CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { cacheFor } from '../cache/index.js';
import { badRequest, notFound } from '../errors.js';
import { cardTags, pageTags } from '../site/page-tags.js';
import { pageOf } from '../../lib/ids.js';

export interface ApiDeps {
  db: Db;
  siteUrl: string;
}

function intParam(raw: unknown, name: string, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = pageOf(raw);
  if (n === undefined || n > max) throw badRequest(`${name} must be a whole number from 1 to ${max}.`);
  return n;
}

/** The public shape of an article in lists: no body, no internal fields. */
export function serializeCard(list: ListPage, row: ListPage['rows'][number], tree: CategoryTree, siteUrl: string) {
  const cat = tree.get(row.primary_category_id);
  const img = row.featured_media_id !== null ? list.media.get(row.featured_media_id) : undefined;
  const image = img ? responsiveImage(img) : undefined;
  return {
    id: row.id,
    title: row.title,
    url: siteUrl + postPath(row.slug),
    excerpt: row.excerpt,
    language: row.language,
    published_at: row.published_at,
    updated_at: row.updated_at,
    reading_minutes: readingMinutes(row.word_count),
    category: cat ? { name: cat.name, url: siteUrl + categoryPath(tree.pathOf(cat.id)) } : null,
    authors: (list.authors.get(row.id) ?? []).map((a) => ({ name: a.name, url: siteUrl + authorPath(a.slug) })),
    image: img && image ? { url: siteUrl + image.src, width: img.width, height: img.height, alt: img.alt, caption: img.caption, credit: img.credit } : null,
  };
}

export async function apiPostRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { db, siteUrl } = deps;

  // GET /api/v1/posts?page=&per_page=&category=&tag=&author=
  app.get('/api/v1/posts', async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as Record<string, unknown>;
    const page = intParam(q.page, 'page', 1, 100_000);
    const perPage = intParam(q.per_page, 'per_page', 20, 100);
    const tree = await loadCategoryTree(db);
    const filter: ListFilter = {};
    const tags: string[] = [];
    if (typeof q.category === 'string') {
      const c = tree.findBySlug(q.category);
      if (!c) throw notFound(`No section "${q.category.slice(0, 100)}".`);
      filter.categoryIds = tree.subtreeIds(c.id);
      tags.push(cacheTag.catList(c.id));
    } else if (typeof q.tag === 'string') {
      const t = await findTagBySlug(db, q.tag);
      if (!t) throw notFound(`No tag "${q.tag.slice(0, 100)}".`);
      filter.tagId = t.id;
      tags.push(cacheTag.tagList(t.id));
    } else if (typeof q.author === 'string') {
      const a = await findAuthorBySlug(db, q.author);
      if (!a) throw notFound(`No author "${q.author.slice(0, 100)}".`);
      filter.authorId = a.id;
      tags.push(cacheTag.authorList(a.id));
    } else {
      tags.push(cacheTag.home);
    }
    const list = await listPage(db, filter, page, perPage);
    if (!list) throw notFound('There is no such page.');
    cacheFor(reply, pageTags(tags, cardTags(list)));
    return reply.send({
      page: list.page,
      per_page: perPage,
      total: list.total,
      total_pages: list.totalPages,
      posts: list.rows.map((row) => serializeCard(list, row, tree, siteUrl)),
    });
  });
}
