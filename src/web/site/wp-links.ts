/**
 * @module web/site/wp-links
 * WordPress' query-string links — `/?p=123`, `/?page_id=`, `/?cat=`, `/?tag=`, `/?author=`,
 * `/?attachment_id=`, `/?feed=`, `/?m=`, `/?year=`, `/?s=` — resolved to our paths through the import map. Paths of the
 * old site (`/2013/01/11/slug/`, `/category/…`) are stored redirects and need nothing here.
 *
 * The home route calls this first:
 *   const wp = await wordpressQueryRedirect(request, deps);
 *   if (wp === null) throw notFound();          // a WordPress link to nothing we have
 *   if (wp) return reply.redirect(wp, 301);
 * A link to an id or a term we do not have is a 404, never the home page with a 200.
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { lookupAnySource } from '../../modules/redirect/import-map.repository.js';
import { categoryPath, postPath, tagPath, authorPath } from '../../modules/article/permalink.js';
import { mediaUrl } from '../../modules/media/media.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import { findTagBySlug } from '../../modules/taxonomy/taxonomy.repository.js';
import { authorSlugById } from '../../modules/author/author-lookup.repository.js';
import { findMediaById } from '../../modules/media/media.repository.js';
import { publishedPostSlug, publishedSlug } from '../../modules/content/posts.repository.js';
import { countPublished } from '../../modules/article/article.repository.js';
import { periodOf, periodOfM, periodPath, periodRange } from '../../modules/article/date-archive.js';

const ID = /^\d{1,18}$/;
const FEEDS: Record<string, string> = { rss: '/feed/', rss2: '/feed/', rdf: '/feed/', atom: '/feed/atom/', json: '/feed/json/' };

/**
 * The new path for a WordPress query-string link; null when it is one but names nothing we have
 * (a 404); undefined when the request is not one.
 */
export async function wordpressQueryRedirect(
  request: FastifyRequest,
  deps: { db: Db; site: { dates: { timeZone: string } } },
): Promise<string | null | undefined> {
  const to = await target(request, deps);
  return to === undefined && isWordPressQuery(request) ? null : to;
}

const WP_KEYS = ['p', 'page_id', 'cat', 'tag', 'author', 'attachment_id', 'feed', 'm', 'name', 'pagename', 'year', 'monthnum', 'day', 'preview'];
const isWordPressQuery = (request: FastifyRequest): boolean => {
  const q = request.query as Record<string, unknown> | undefined;
  return !!q && typeof q === 'object' && WP_KEYS.some((k) => q[k] !== undefined);
};

async function target(request: FastifyRequest, deps: { db: Db; site: { dates: { timeZone: string } } }): Promise<string | undefined> {
  const q = request.query as Record<string, unknown> | undefined;
  if (!q || typeof q !== 'object') return undefined;
  const one = (name: string): string | undefined => (typeof q[name] === 'string' ? (q[name] as string) : undefined);
  const { db } = deps;

  const postId = one('p') ?? one('page_id');
  if (postId !== undefined) {
    if (!ID.test(postId)) return undefined;
    const local = await lookupAnySource(db, 'post', postId);
    if (local === undefined) return undefined;
    const slug = await publishedPostSlug(db, local);
    return slug !== undefined ? postPath(slug) : undefined;
  }
  const cat = one('cat');
  if (cat !== undefined) {
    if (!ID.test(cat)) return undefined;
    const local = await lookupAnySource(db, 'category', cat);
    if (local === undefined) return undefined;
    const tree = await loadCategoryTree(db);
    return tree.get(local) ? categoryPath(tree.pathOf(local)) : undefined;
  }
  const tag = one('tag');
  if (tag !== undefined) {
    const row = await findTagBySlug(db, tag.toLowerCase().slice(0, 200));
    return row ? tagPath(row.slug) : undefined;
  }
  const author = one('author');
  if (author !== undefined) {
    if (!ID.test(author)) return undefined;
    const local = await lookupAnySource(db, 'author', `id:${author}`);
    const slug = local !== undefined ? await authorSlugById(db, local) : undefined;
    return slug !== undefined ? authorPath(slug) : undefined;
  }
  const attachment = one('attachment_id');
  if (attachment !== undefined) {
    if (!ID.test(attachment)) return undefined;
    const local = await lookupAnySource(db, 'attachment', attachment);
    const row = local !== undefined ? await findMediaById(db, local) : undefined;
    return row ? mediaUrl(row.path) : undefined;
  }
  const feed = one('feed');
  if (feed !== undefined) return FEEDS[feed] ?? undefined;
  const name = one('name') ?? one('pagename');
  if (name !== undefined && /^[\w%-]{1,200}$/.test(name)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(name).toLowerCase();
    } catch {
      return undefined;
    }
    const slug = await publishedSlug(db, decoded);
    return slug !== undefined ? postPath(slug) : undefined;
  }
  // ?m=202403, ?year=2024&monthnum=3&day=15: the date archive, when it has stories.
  const m = one('m');
  const year = one('year');
  if (m !== undefined || year !== undefined) {
    const period = m !== undefined ? periodOfM(m) : periodOf(year!, one('monthnum'), one('day'));
    if (!period) return undefined;
    const range = periodRange(period, deps.site.dates.timeZone);
    return (await countPublished(db, { publishedFrom: range.from, publishedBefore: range.before })) > 0 ? periodPath(period) : undefined;
  }
  const s = one('s');
  if (s !== undefined && s.length <= 500) return `/search?q=${encodeURIComponent(s)}`;
  return undefined;
}
