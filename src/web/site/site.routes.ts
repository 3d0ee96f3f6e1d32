/**
 * @module web/site/site.routes
 * Public pages. Each handler: parse → read service → page builder → view.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { findAuthorBySlug } from '../../modules/author/author.repository.js';
import { hashtagTags, listPage, readArticle } from '../../modules/article/reading.service.js';
import { entryAnchor } from '../../modules/live/live.js';
import { entriesAfterWithAuthors, entryWithAuthor, findPublishedLivePost } from '../../modules/live/live.repository.js';
import { entryPath, liveEntryVM, livePagePath, textStart } from './live-presenters.js';
import { absolute } from './presenters.js';
import { stringsFor } from './i18n.js';
import { homeScope, sectionScope } from '../../modules/frontpage/frontpage.js';
import { readFrontPage } from '../../modules/frontpage/frontpage.service.js';
import { findMediaByIds } from '../../modules/media/media.repository.js';
import { findPrefixRedirect, findRedirect } from '../../modules/redirect/redirect.repository.js';
import { findTagBySlug } from '../../modules/taxonomy/taxonomy.repository.js';
import { findPersonBySlug, publicPeoplePage } from '../../modules/person/person.repository.js';
import type { MediaRow } from '../../db/schema.js';
import { peopleIndexPage, PEOPLE_PATH } from './people-presenters.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import { badRequest, notFound, toPublicError } from '../errors.js';
import { cacheFor, PRIVATE } from '../cache/index.js';
import { tag as cacheTag } from '../../modules/content/cache-tags.js';
import { articleTags, cardTags, pageTags } from './page-tags.js';
import { categoryFeed, DATE_PART, DATE_YEAR, feedPathOf } from './feeds.routes.js';
import { wordpressQueryRedirect } from './wp-links.js';
import { articlePage, authorPage, categoryPage, datePage, errorPage, homePage, personPage, tagPage } from './pages.js';
import { periodOf, periodPath, periodRange } from '../../modules/article/date-archive.js';
import { pagedPath, postPath } from '../../modules/article/permalink.js';
import { publishedSlug } from '../../modules/content/posts.repository.js';
import type { SiteContext } from './site-context.js';
import type { CommentsWeb } from './comments.routes.js';
import type { ArticleFragments } from './article-fragments.js';
import { commentOrderOf, commentPagePath } from '../../modules/comment/thread.js';
import { MAX_PAGE_DEPTH } from '../../modules/article/page-tree.js';
import { renderArchive, renderArticle, renderBareError, renderError, renderHome, renderLiveEntries, renderPeopleIndex } from './views/index.js';
import { pageOf } from '../../lib/ids.js';
import { sendHtml } from '../html.js';

export interface SiteDeps {
  db: Db;
  site: SiteContext;
  /** Readers' comments (web/site/comments.ts): held comments and the form on article pages. */
  comments?: CommentsWeb;
  /** Article fragments (FRAGMENT_CACHE_MB); without them every article page is rendered whole. */
  fragments?: ArticleFragments;
}

/** People per page of /people/ (a list of names: more than a page of stories). */
const PEOPLE_PER_PAGE = 48;

/** Page numbers in paths: 1–999999, no leading zeros. Anything else is not a page. */
const SLUG = /^[\p{L}\p{N}\p{M}_-]{1,200}$/u;

function parsePage(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const page = pageOf(raw);
  if (page === undefined) throw notFound('There is no such page.');
  return page;
}

function parseSlug(raw: string): string {
  if (!SLUG.test(raw)) throw notFound();
  return raw;
}

/**
 * `?page=N` on a listing is the WordPress habit; answer it with the canonical /page/N/ path,
 * and a clear 400 when N is not a page number.
 */
function redirectPageQuery(request: FastifyRequest, reply: FastifyReply, base: string): FastifyReply | undefined {
  const q = (request.query as Record<string, unknown>).page ?? (request.query as Record<string, unknown>).paged;
  if (q === undefined) return undefined;
  if (pageOf(q) === undefined) throw badRequest('The page parameter must be a whole number from 1.');
  return reply.redirect(q === '1' ? base : `${base}page/${q}/`, 301);
}

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  const { db, site } = deps;

  // GET / and /page/N/: latest stories, lead story first on page 1.
  const home = async (request: FastifyRequest<{ Params: { n?: string } }>, reply: FastifyReply) => {
    // Old WordPress links (/?p=123, /?page_id=, /?cat=, /?s=…) answer with the new URL.
    if (!request.params.n && request.url.includes('?')) {
      const wp = await wordpressQueryRedirect(request, deps);
      if (wp === null) throw notFound();
      if (wp) return reply.redirect(wp, 301);
    }
    if (!request.params.n && redirectPageQuery(request, reply, '/')) return reply;
    const page = parsePage(request.params.n);
    const tree = await loadCategoryTree(db);
    const list = await readFrontPage(db, homeScope, {}, page, site.postsPerPage, site.now(), (id) => tree.subtreeIds(id));
    if (!list || (page > 1 && list.rows.length === 0)) throw notFound('There is no such page.');
    cacheFor(
      reply,
      pageTags(
        cacheTag.home,
        cacheTag.front(homeScope),
        cardTags(list),
        list.blocks.flatMap((b) => [cacheTag.catList(b.categoryId), cacheTag.cat(b.categoryId), ...cardTags(b.bundle)]),
      ),
    );
    return sendHtml(reply, renderHome(homePage(site, tree, list, { pinned: list.pinnedCount > 0, blocks: list.blocks })));
  };
  app.get('/', home);
  app.get('/page/:n/', home);

  // GET /category/{parent}/{child}/[page/N/]: a section and everything in its sub-sections.
  app.get('/category/*', async (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const rest = request.params['*'];
    if (!rest.endsWith('/')) return reply.redirect(`/category/${rest}/`, 301);
    const segments = rest.split('/').filter(Boolean);
    // /category/{…}/feed/[atom/|json/]: this wildcard owns the whole /category/ space.
    const feed = feedPathOf(segments);
    if (feed) return categoryFeed(request, reply, deps, feed.segments, feed.format);
    let pageRaw: string | undefined;
    if (segments.length >= 3 && segments.at(-2) === 'page') {
      pageRaw = segments.pop();
      segments.pop();
    }
    if (segments.length === 0 || segments.length > 6) throw notFound();
    segments.forEach(parseSlug);
    const page = parsePage(pageRaw);
    const tree = await loadCategoryTree(db);
    const category = tree.findByPath(segments);
    if (!category) {
      // /category/europe/ for a child category: send readers to its full path.
      const bySlug = segments.length === 1 && pageRaw === undefined ? tree.findBySlug(segments[0]!) : undefined;
      if (bySlug) return reply.redirect(`/category/${tree.pathOf(bySlug.id).join('/')}/`, 301);
      throw notFound();
    }
    if (pageRaw === undefined && redirectPageQuery(request, reply, `/category/${segments.join('/')}/`)) return reply;
    const scope = sectionScope(category.id);
    const list = await readFrontPage(db, scope, { categoryIds: tree.subtreeIds(category.id) }, page, site.postsPerPage, site.now(), (id) =>
      tree.subtreeIds(id),
    );
    if (!list) throw notFound('There is no such page.');
    cacheFor(
      reply,
      pageTags(
        tree.ancestry(category.id).map((c) => cacheTag.cat(c.id)),
        cacheTag.catList(category.id),
        cacheTag.front(scope),
        cardTags(list),
      ),
    );
    return sendHtml(reply, renderArchive(categoryPage(site, tree, category, list, list.leadPinned)));
  });

  // GET /tag/{slug}/[page/N/]
  const tag = async (request: FastifyRequest<{ Params: { slug: string; n?: string } }>, reply: FastifyReply) => {
    const slug = parseSlug(request.params.slug);
    const page = parsePage(request.params.n);
    const row = await findTagBySlug(db, slug);
    if (!row) throw notFound();
    const [tree, list] = await Promise.all([loadCategoryTree(db), listPage(db, { tagId: row.id }, page, site.postsPerPage)]);
    if (!list) throw notFound('There is no such page.');
    cacheFor(reply, pageTags(cacheTag.tag(row.id), cacheTag.tagList(row.id), cardTags(list)));
    return sendHtml(reply, renderArchive(tagPage(site, tree, row, list)));
  };
  app.get('/tag/:slug/', tag);
  app.get('/tag/:slug/page/:n/', tag);

  // GET /author/{slug}/[page/N/]
  const author = async (request: FastifyRequest<{ Params: { slug: string; n?: string } }>, reply: FastifyReply) => {
    const slug = parseSlug(request.params.slug);
    const page = parsePage(request.params.n);
    const row = await findAuthorBySlug(db, slug);
    if (!row) throw notFound();
    const [tree, list, media] = await Promise.all([
      loadCategoryTree(db),
      listPage(db, { authorId: row.id }, page, site.postsPerPage),
      findMediaByIds(db, row.avatar_media_id !== null ? [row.avatar_media_id] : []),
    ]);
    if (!list) throw notFound('There is no such page.');
    cacheFor(reply, pageTags(cacheTag.author(row.id), cacheTag.authorList(row.id), cardTags(list)));
    return sendHtml(reply, renderArchive(authorPage(site, tree, row, media, list)));
  };
  app.get('/author/:slug/', author);
  app.get('/author/:slug/page/:n/', author);

  // GET /people/{slug}/[page/N/]: a person in the news and every published article about or quoting them.
  const person = async (request: FastifyRequest<{ Params: { slug: string; n?: string } }>, reply: FastifyReply) => {
    const slug = parseSlug(request.params.slug);
    const page = parsePage(request.params.n);
    // Unknown: the 404 page, unless a stored redirect knows the address (an old slug, a merged duplicate).
    const row = await findPersonBySlug(db, slug);
    if (!row) throw notFound();
    if (request.params.n === undefined && redirectPageQuery(request, reply, `${PEOPLE_PATH}${encodeURIComponent(slug)}/`)) return reply;
    const [tree, list, media] = await Promise.all([
      loadCategoryTree(db),
      listPage(db, { personId: row.id }, page, site.postsPerPage),
      findMediaByIds(db, row.photo_media_id !== null ? [row.photo_media_id] : []),
    ]);
    if (!list) throw notFound('There is no such page.');
    cacheFor(reply, pageTags(cacheTag.person(row.id), cacheTag.personList(row.id), cardTags(list)));
    return sendHtml(reply, renderArchive(personPage(site, tree, row, media, list)));
  };
  app.get('/people/:slug/', person);
  app.get('/people/:slug/page/:n/', person);

  // GET /people/[page/N/]: everyone with a published article, alphabetically.
  const people = async (request: FastifyRequest<{ Params: { n?: string } }>, reply: FastifyReply) => {
    const page = parsePage(request.params.n);
    if (request.params.n === undefined && redirectPageQuery(request, reply, PEOPLE_PATH)) return reply;
    const perPage = PEOPLE_PER_PAGE;
    const [tree, found] = await Promise.all([loadCategoryTree(db), publicPeoplePage(db, perPage, (page - 1) * perPage)]);
    const totalPages = Math.max(1, Math.ceil(found.total / perPage));
    if (page > totalPages) throw notFound('There is no such page.');
    const photoIds = found.rows.map((r) => r.photo_media_id).filter((id): id is number => id !== null);
    const media: Map<number, MediaRow> = await findMediaByIds(db, photoIds);
    // Who is listed is who the people sitemap lists: `sitemap` is purged by every post change and by
    // a person renamed, merged or deleted; `person:` by any change to one shown.
    cacheFor(
      reply,
      pageTags(
        cacheTag.sitemap,
        found.rows.map((r) => cacheTag.person(r.id)),
      ),
    );
    return sendHtml(reply, renderPeopleIndex(peopleIndexPage(site, tree, { rows: found.rows, page, totalPages }, media)));
  };
  app.get('/people/', people);
  app.get('/people/page/:n/', people);

  // GET /{slug}/ (an article or a static page) and /{slug}/comment-page-N/ (its comments, N ≥ 2;
  // comment-page-1 is the article itself, so it redirects there).
  const article = async (request: FastifyRequest<{ Params: { slug: string; n?: string } }>, reply: FastifyReply) => {
    const slug = parseSlug(request.params.slug);
    const commentPage = parsePage(request.params.n);
    if (request.params.n !== undefined && commentPage === 1) return reply.redirect(`/${encodeURIComponent(slug)}/`, 301);
    // WordPress' other form (?cpage=N, plain permalinks): one answer per page, at /comment-page-N/.
    const cpage = (request.query as Record<string, unknown>).cpage;
    if (request.params.n === undefined && cpage !== undefined)
      return reply.redirect(commentPagePath(`/${encodeURIComponent(slug)}/`, parsePage(String(cpage))), 301);
    // The fragments hold the default order; newest first (?comments=newest) is rendered whole.
    const newestFirst = commentOrderOf((request.query as Record<string, unknown>).comments) === 'newest';
    if (commentPage === 1 && deps.fragments && !newestFirst) return assembled(request, reply, slug, deps.fragments);
    const [bundle, tree] = await Promise.all([readArticle(db, slug), loadCategoryTree(db)]);
    if (!bundle) throw notFound();
    // A nested page's one-segment address (what it had before it moved under a parent).
    if (bundle.path) return reply.redirect(commentPagePath(bundle.path, commentPage), 301);
    const commentsInput = await deps.comments?.articleInput(request, bundle.post, commentPage);
    const vm = articlePage(site, tree, bundle, commentsInput);
    if (vm.comments.pages.page > vm.comments.pages.totalPages || (commentPage > 1 && !vm.showComments)) throw notFound('There is no such page of comments.');
    if (!answeringComment(request)) cacheFor(reply, articleTags(bundle, tree));
    return sendHtml(reply, renderArticle(vm));
  };
  // An article's first page from its fragments and this request's comment form (see article-fragments).
  const assembled = async (request: FastifyRequest, reply: FastifyReply, slug: string, fragments: ArticleFragments) => {
    const page = await fragments.page(db, request, slug, deps.comments);
    if (!page) throw notFound();
    if ('redirect' in page) return reply.redirect(page.redirect, 301);
    if (!answeringComment(request)) cacheFor(reply, page.tags);
    return sendHtml(reply, page.html);
  };
  app.get('/:slug/', article);
  app.get('/:slug/comment-page-:n/', article);

  // GET /{slug}/live/N/: older entries of a live page (N ≥ 2; 1 is the article itself).
  app.get('/:slug/live/:n/', async (request: FastifyRequest<{ Params: { slug: string; n: string } }>, reply) => {
    const slug = parseSlug(request.params.slug);
    const page = parsePage(request.params.n);
    if (page === 1) return reply.redirect(`/${encodeURIComponent(slug)}/`, 301);
    const [bundle, tree] = await Promise.all([readArticle(db, slug, page), loadCategoryTree(db)]);
    if (!bundle?.live || bundle.path || bundle.live.entries.length === 0) throw notFound('There is no such page of updates.');
    const vm = articlePage(site, tree, bundle);
    const path = livePagePath(slug, page);
    const t = vm.layout.t;
    // A page of its own: its title and canonical; the comments stay on the article's first page.
    vm.layout = { ...vm.layout, title: `${bundle.post.title} – ${t.format('entriesPage', { n: page })} | ${site.siteName}`, canonical: absolute(site, path) };
    vm.showComments = false;
    cacheFor(reply, articleTags(bundle, tree));
    return sendHtml(reply, renderArticle(vm));
  });

  // GET /{slug}/entry/N/: one entry of a live page on its own, to share it (its own title and
  // description for link previews), with a link to the whole coverage.
  app.get('/:slug/entry/:id/', async (request: FastifyRequest<{ Params: { slug: string; id: string } }>, reply) => {
    const slug = parseSlug(request.params.slug);
    const id = pageOf(request.params.id);
    if (id === undefined) throw notFound();
    const [bundle, tree, entry] = await Promise.all([readArticle(db, slug), loadCategoryTree(db), entryWithAuthor(db, id)]);
    if (!bundle?.live || !entry || entry.post_id !== bundle.post.id) throw notFound('There is no such update.');
    const one = { ...bundle, live: { ...bundle.live, entries: [entry], keyEvents: [], total: 1, page: 1 } };
    const vm = articlePage(site, tree, one);
    const headline = entry.headline || textStart(entry.body_html, 110);
    vm.layout = {
      ...vm.layout,
      title: `${headline} – ${bundle.post.title} | ${site.siteName}`,
      description: textStart(entry.body_html, 300) || vm.layout.description,
      canonical: absolute(site, entryPath(slug, id)),
    };
    if (vm.live) {
      const { pollUrl: _, ...rest } = vm.live;
      vm.live = { ...rest, newerUrl: `/${encodeURIComponent(slug)}/#${entryAnchor(id)}` };
    }
    vm.showComments = false;
    cacheFor(reply, articleTags(one, tree));
    return sendHtml(reply, renderArticle(vm));
  });

  // GET /{slug}/live.json?after=N: the entries of a live page newer than N, as HTML list items
  // (what the page's script adds at the top), cacheable: purged with the page when one is published.
  app.get('/:slug/live.json', async (request: FastifyRequest<{ Params: { slug: string } }>, reply) => {
    const slug = parseSlug(request.params.slug);
    const afterRaw = (request.query as Record<string, unknown>).after;
    const after = afterRaw === undefined || afterRaw === '0' ? 0 : pageOf(afterRaw);
    if (after === undefined) throw badRequest('after must be the number of the newest update the page shows (0 for none).');
    const post = await findPublishedLivePost(db, slug);
    if (!post) throw notFound('There is no such live page.');
    const rows = await entriesAfterWithAuthors(db, post.id, after, 50);
    const tags = rows.length ? await hashtagTags(db, ...rows.map((r) => r.body_html)) : undefined;
    const t = stringsFor(post.language);
    const entries = renderLiveEntries(
      rows.map((r) => liveEntryVM(site, post, r, tags?.tags)),
      t,
    );
    cacheFor(
      reply,
      pageTags(
        cacheTag.post(post.id),
        cacheTag.live(post.id),
        rows.flatMap((r) => (r.author_id !== null ? [cacheTag.author(r.author_id)] : [])),
      ),
    );
    return reply.type('application/json; charset=utf-8').send({ status: post.live_status, updated: post.live_updated_at, entries });
  });

  // GET /{parent}/{page}/ … (up to MAX_PAGE_DEPTH segments): a nested static page. Slugs are
  // unique across posts and pages, so the last segment names it; any other path to it (a parent
  // renamed or moved) answers 301 with the one it has now. Static routes (/tag/x/, /page/2/…) win.
  // A last segment comment-page-N is a later page of its comments (when they are turned on).
  const nested = async (request: FastifyRequest, reply: FastifyReply) => {
    const segments = Object.values(request.params as Record<string, string>);
    const commentSegment = /^comment-page-(\d+)$/.exec(segments.at(-1)!);
    if (commentSegment) segments.pop();
    segments.forEach(parseSlug);
    const commentPage = commentSegment ? parsePage(commentSegment[1]) : 1;
    const slug = segments.at(-1)!;
    const asked = `/${segments.map(encodeURIComponent).join('/')}/`;
    if (commentSegment && commentPage === 1) return reply.redirect(asked, 301);
    const cpage = (request.query as Record<string, unknown>).cpage;
    if (!commentSegment && cpage !== undefined) return reply.redirect(commentPagePath(asked, parsePage(String(cpage))), 301);
    const [bundle, tree] = await Promise.all([readArticle(db, slug), loadCategoryTree(db)]);
    // Not a nested page: the stored redirects (sendError) may know the path.
    if (!bundle || bundle.post.type !== 'page' || !bundle.path) throw notFound();
    if (bundle.path !== asked) return reply.redirect(commentPagePath(bundle.path, commentPage), 301);
    const vm = articlePage(site, tree, bundle, await deps.comments?.articleInput(request, bundle.post, commentPage));
    if (vm.comments.pages.page > vm.comments.pages.totalPages || (commentPage > 1 && !vm.showComments)) throw notFound('There is no such page of comments.');
    if (!answeringComment(request)) cacheFor(reply, articleTags(bundle, tree));
    return sendHtml(reply, renderArticle(vm));
  };
  for (let depth = 2; depth <= MAX_PAGE_DEPTH + 1; depth++) app.get(`/${Array.from({ length: depth }, (_, i) => `:p${i}`).join('/')}/`, nested);

  // GET /{slug}/N/: a page of a WordPress post split with <!--nextpage-->. The import makes its
  // pages one article (divided by rules), so every page's address answers with the article.
  // Anything else of that shape is a nested page's.
  app.get('/:slug/:n(^\\d{1,6}$)/', async (request: FastifyRequest<{ Params: { slug: string; n: string } }>, reply) => {
    const { slug, n } = request.params;
    const found = SLUG.test(slug) ? await publishedSlug(db, slug, 'post') : undefined;
    if (found !== undefined && pageOf(n) !== undefined) return reply.redirect(postPath(found), 301);
    (request as unknown as { params: Record<string, string> }).params = { p0: slug, p1: n };
    return nested(request, reply);
  });

  // GET /YYYY/[MM/[DD/]][page/N/]: what was published in a year, a month, a day (in the site's
  // zone), as WordPress has them. The router tries these before /{slug}/ and nested pages; an
  // empty period's first page is handed to them (a page whose slug is "2024"), which answer 404
  // (or a stored redirect) when there is none.
  const dates = async (request: FastifyRequest<{ Params: { y: string; m?: string; d?: string; n?: string } }>, reply: FastifyReply) => {
    const { y, m, d, n } = request.params;
    const period = periodOf(y, m, d);
    const fallback = () => {
      const segments = [y, m, d].filter((x): x is string => x !== undefined);
      if (n !== undefined) throw notFound('There is no such page.');
      const asked = request as unknown as { params: Record<string, string> };
      if (segments.length === 1) {
        asked.params = { slug: y };
        return article(request as unknown as FastifyRequest<{ Params: { slug: string } }>, reply);
      }
      asked.params = Object.fromEntries(segments.map((s, i) => [`p${i}`, s]));
      return nested(request, reply);
    };
    if (!period) return fallback();
    const canonical = periodPath(period);
    if (n === undefined && redirectPageQuery(request, reply, canonical)) return reply;
    const page = parsePage(n);
    const range = periodRange(period, site.dates.timeZone);
    const [tree, list] = await Promise.all([
      loadCategoryTree(db),
      listPage(db, { publishedFrom: range.from, publishedBefore: range.before }, page, site.postsPerPage),
    ]);
    if (!list) throw notFound('There is no such page.');
    if (list.total === 0) return fallback();
    // /2024/3/ is /2024/03/.
    if (`/${[y, m, d].filter(Boolean).join('/')}/` !== canonical) return reply.redirect(pagedPath(canonical, page), 301);
    cacheFor(reply, pageTags(cacheTag.dates, cardTags(list)));
    return sendHtml(reply, renderArchive(datePage(site, tree, period, list)));
  };
  for (const base of [DATE_YEAR, `${DATE_YEAR}${DATE_PART('m')}`, `${DATE_YEAR}${DATE_PART('m')}${DATE_PART('d')}`]) {
    app.get(base, dates);
    app.get(`${base}page/:n/`, dates);
  }
}

/**
 * ?replytocom=ID (the no-JavaScript reply form): one reader's answer to one comment, never kept by
 * the page cache or a CDN (it would also let anyone fill the cache with ids).
 */
const answeringComment = (request: FastifyRequest): boolean => (request.query as Record<string, unknown>).replytocom !== undefined;

/**
 * Before answering 404 to a GET: a stored redirect (changed slug, migrated link) or a missing
 * trailing slash. Returns whether it answered; never the reply itself: a reply is thenable, and
 * awaiting one resolves to undefined, which once sent the 404 page after the redirect.
 */
async function redirectFor(deps: SiteDeps, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const to = await redirectTarget(deps, request);
  if (!to) return false;
  reply.redirect(to.location, to.status);
  return true;
}

/** Where a GET that matched nothing should go instead, if anywhere. */
async function redirectTarget(deps: SiteDeps, request: FastifyRequest): Promise<{ location: string; status: 301 | 302 } | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const [path = '/', query] = request.url.split('?', 2);
  if (path.length > 2000) return undefined;
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    return undefined;
  }
  const hit = (await findRedirect(deps.db, decoded)) ?? (decoded !== path ? await findRedirect(deps.db, path) : undefined);
  if (hit) return { location: hit.to_path + (query ? `?${query}` : ''), status: hit.status === 302 ? 302 : 301 };
  // Later pages of a moved listing or article (/category/old/page/3/, /old-slug/comment-page-2/)
  // follow the redirect of their first page.
  const paged = /^(.+\/)(page\/\d+\/|comment-page-\d+\/)$/.exec(decoded);
  if (paged) {
    const base = await findRedirect(deps.db, paged[1]!);
    if (base?.to_path.endsWith('/')) return { location: base.to_path + paged[2]! + (query ? `?${query}` : ''), status: base.status === 302 ? 302 : 301 };
  }
  const last = path.split('/').pop() ?? '';
  // Never to "//host…" or "/\host…": browsers read those as another site (an open redirect).
  if (/^\/[/\\]/.test(path) || /^\/[/\\]/.test(decoded)) return undefined;
  // A site imported from a subdirectory (`/news/*` → `/`): any of its old addresses without a
  // redirect of its own (/news/, /news/category/x/, /news/page/2/, /news/?attachment_id=7)
  // is the same address here, or where that one now redirects.
  const prefix = await findPrefixRedirect(deps.db, prefixesOf(decoded));
  if (prefix) {
    const rest = prefix.to_path + decoded.slice(prefix.from_path.length - 1);
    const then = rest !== prefix.to_path ? await findRedirect(deps.db, rest) : undefined;
    return { location: encodeURI(then?.to_path ?? rest) + (query ? `?${query}` : ''), status: 301 };
  }
  if (!path.endsWith('/') && !last.includes('.') && !path.startsWith('/api/')) return { location: `${path}/${query ? `?${query}` : ''}`, status: 301 };
  return undefined;
}

/** The prefix redirects a path could fall under: `/a/b/c` → `/a/*`, `/a/b/*` (up to three segments). */
function prefixesOf(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i <= Math.min(3, segments.length); i++) out.push(`/${segments.slice(0, i).join('/')}/*`);
  return out;
}

/** Requests that match no route. */
export function siteNotFoundHandler(deps: SiteDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      decodeURI(request.url);
    } catch {
      return sendError(deps, request, reply, badRequest('The address is not valid.'));
    }
    return sendError(deps, request, reply, notFound());
  };
}

/** Renders any error as the themed page (HTML) or as `{ error: { code, message } }` (API, JSON). */
export async function sendError(deps: SiteDeps, request: FastifyRequest, reply: FastifyReply, err: unknown): Promise<FastifyReply> {
  const pub = toPublicError(err);
  if (pub.internal) request.log.error({ err }, 'request failed');
  else if (pub.code === 'DATABASE_UNAVAILABLE') request.log.warn({ err }, 'database unavailable');
  if (pub.retryAfter !== undefined) reply.header('retry-after', String(pub.retryAfter));
  if (pub.status === 404) {
    if (await redirectFor(deps, request, reply).catch(() => false)) return reply;
  }
  const wantsJson = request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
  if (wantsJson) return reply.code(pub.status).send({ error: { code: pub.code, message: pub.message } });
  let tree: Awaited<ReturnType<typeof loadCategoryTree>>;
  try {
    tree = await loadCategoryTree(deps.db);
  } catch {
    // The page frame needs the database too: a page of its own that needs nothing but the stylesheet.
    return reply
      .code(pub.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', PRIVATE)
      .send(renderBareError({ siteName: deps.site.siteName, status: pub.status, message: pub.message }));
  }
  const path = request.url.split('?')[0] ?? '/';
  const lang = (err as { lang?: unknown } | undefined)?.lang;
  const vm = errorPage(
    deps.site,
    tree,
    pub.status,
    pub.code,
    path.length < 500 ? path : '/',
    pub.status === 404 ? undefined : pub.message,
    typeof lang === 'string' ? lang : undefined,
  );
  return sendHtml(reply, renderError(vm), pub.status);
}
