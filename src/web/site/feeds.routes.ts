/**
 * @module web/site/feeds.routes
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site, each category (with its children), tag,
 * author and person in the news, at WordPress' URLs: `…/feed/` (RSS, also `feed/rss2/` and `feed/rss/`), `…/feed/atom/`,
 * `…/feed/json/`. Answers conditional GETs with 304.
 *
 * The XML is written by the `feed` package. It leaves some escaping to its caller, so every string
 * goes through one of the helpers below according to where the package puts it:
 * - text elements (`xmlText`): xml-js un-escapes `&amp;` before escaping, so `&` is doubled first;
 * - CDATA (`cdata`): xml-js splits only the first `]]>`, so HTML gets `]]&gt;` (same meaning) instead;
 * - attributes the package escapes itself (`ownAttr`): only `&` and `"` are escaped, so a `<` cannot be
 *   represented and becomes U+FF1C;
 * - attributes it passes through (`xmlAttr`): `&` and `<` are escaped here.
 * The RSS item title is written as text rather than CDATA (through an extension that replaces it),
 * because a headline may hold `]]>` more than once.
 * Two things the package cannot do are added afterwards: `xml:lang` on the Atom root, and the JSON
 * Feed 1.1 fields (`version`, `language`, `authors`) on its JSON Feed 1.0 output.
 */
import { isLanguageTag } from '../../lib/direction.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Feed, type Extension, type Item } from 'feed';
import type { Db } from '../../db/database.js';
import type { ListFilter } from '../../modules/article/article.repository.js';
import { authorPath, categoryPath, postPath, tagPath } from '../../modules/article/permalink.js';
import { findAuthorBySlug } from '../../modules/author/author.repository.js';
import { publishedPostBySlug } from '../../modules/content/posts.repository.js';
import { escapeHtml, stripNonXml, type FeedEntry, type FeedImage, type FeedLink } from '../../modules/feed/feed.js';
import { commentFeedEntries, feedEntries } from '../../modules/feed/feed.service.js';
import type { CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { findTagBySlug } from '../../modules/taxonomy/taxonomy.repository.js';
import { findPersonBySlug } from '../../modules/person/person.repository.js';
import { personPath } from '../../modules/person/person.service.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import { badRequest, notFound } from '../errors.js';
import { siteNameIn } from '../../modules/site/site.js';
import { cacheFor, etagOf, etagMatches } from '../cache/index.js';
import { tag as cacheTag } from '../../modules/content/cache-tags.js';
import { stringsFor } from './i18n.js';
import { periodOf, periodPath, periodRange } from '../../modules/article/date-archive.js';
import { formatPeriod } from '../../lib/dates.js';
import type { SiteContext } from './site-context.js';

/** What the feed routes need; `SiteDeps` fits. Declared here so routes.ts can import this file. */
export interface FeedDeps {
  db: Db;
  site: SiteContext;
  /** Whole article bodies in feeds (default) or the standfirst only. */
  fullText?: boolean;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

const FORMAT_OF = new Map<string, FeedFormat>([
  ['rss2', 'rss'],
  ['rss', 'rss'],
  ['atom', 'atom'],
  ['json', 'json'],
]);

export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const SLUG = /^[\p{L}\p{N}\p{M}_-]{1,200}$/u;
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const MEDIA_NS = 'http://search.yahoo.com/mrss/';
const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

const xmlText = (s: string): string => stripNonXml(s).replace(/&/g, '&amp;');
const cdata = (html: string): string => stripNonXml(html).replace(/\]\]>/g, ']]&gt;');
const ownAttr = (s: string): string => stripNonXml(s).replace(/</g, '\uFF1C');
const xmlAttr = (s: string): string => stripNonXml(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

function formatOf(raw: string | undefined): FeedFormat {
  if (raw === undefined) return 'rss';
  const format = FORMAT_OF.get(raw);
  if (!format) throw notFound();
  return format;
}

/** `?lang=` of a feed or sitemap request: a language code, or absent; anything else is refused (400). */
export function languageOf(request: FastifyRequest): string | undefined {
  const raw = (request.query as Record<string, unknown>).lang;
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || raw.length > 35 || !isLanguageTag(raw)) throw badRequest('lang must be a language code, such as fa or en-GB.');
  return raw;
}

function parseSlug(raw: string): string {
  if (!SLUG.test(raw)) throw notFound();
  return raw;
}

/**
 * Splits category path segments that end in a feed: `['world', 'europe', 'feed', 'atom']` →
 * `{ segments: ['world', 'europe'], format: 'atom' }`. Undefined when the path is not a feed.
 */
export function feedPathOf(segments: string[]): { segments: string[]; format: FeedFormat } | undefined {
  const at = segments.lastIndexOf('feed');
  if (at < 1 || at < segments.length - 2) return undefined;
  const tail = segments[at + 1];
  const format = tail === undefined ? 'rss' : FORMAT_OF.get(tail);
  return format ? { segments: segments.slice(0, at), format } : undefined;
}

/** The archive a feed follows. */
export interface Channel {
  title: string;
  description: string;
  /** The HTML page, e.g. `/tag/rail/`. */
  pagePath: string;
  /** Where the RSS version lives, e.g. `/tag/rail/feed/`; Atom and JSON are below it. */
  feedPath: string;
  author: FeedLink;
  /** A feed of one language's articles (`?lang=fa`): its language, and the query its links keep. */
  language?: string;
}

const newestUpdate = (entries: FeedEntry[]): Date | undefined =>
  entries.reduce<Date | undefined>((max, e) => (!max || e.updated > max ? e.updated : max), undefined);

/** The entries' common language, or the site's when they differ. */
function feedLanguage(entries: FeedEntry[], siteLanguage: string): string {
  const langs = new Set(entries.map((e) => e.language));
  const [only] = langs;
  return langs.size === 1 && only !== undefined ? only : siteLanguage;
}

function rssItem(e: FeedEntry): Item {
  const extensions: Extension[] = [{ name: 'title', objects: { _text: xmlText(e.title) } }];
  // <author> must be an e-mail address in RSS; Dublin Core carries names. Declared on the element
  // because the package only declares dc: on the root when items have content.
  const creators = e.authors.map((a) => ({ _attributes: { 'xmlns:dc': DC_NS }, _text: xmlText(a.name) }));
  if (creators.length) extensions.push({ name: 'dc:creator', objects: creators as unknown as Record<string, unknown> });
  if (e.image) extensions.push({ name: 'media:content', objects: mediaContent(e.image) });
  return {
    title: e.title,
    link: e.url,
    date: e.updated,
    published: e.published,
    description: cdata(escapeHtml(e.summary)),
    ...(e.contentHtml !== undefined ? { content: cdata(e.contentHtml) } : {}),
    category: [...e.categories, ...e.tags].map((c) => ({ name: xmlText(c.name), domain: xmlAttr(c.url) })),
    ...(e.image ? { image: { url: e.image.url, type: e.image.mime, length: 0 } } : {}),
    extensions,
  };
}

/** Media RSS: the featured image with its caption and credit. */
function mediaContent(img: FeedImage): Record<string, unknown> {
  return {
    _attributes: { 'xmlns:media': MEDIA_NS, url: xmlAttr(img.url), type: xmlAttr(img.mime), medium: 'image', width: img.width, height: img.height },
    ...(img.caption ? { 'media:description': { _attributes: { type: 'plain' }, _text: xmlText(img.caption) } } : {}),
    ...(img.credit ? { 'media:credit': { _text: xmlText(img.credit) } } : {}),
  };
}

function atomItem(e: FeedEntry, site: SiteContext): Item {
  const scheme = (path: string): string => site.siteUrl + path;
  return {
    // type="html": the plain headline is escaped as HTML, so readers show it as written.
    title: escapeHtml(e.title),
    id: e.url,
    link: e.url,
    date: e.updated,
    published: e.published,
    description: cdata(escapeHtml(e.summary)),
    ...(e.contentHtml !== undefined ? { content: cdata(e.contentHtml) } : {}),
    author: e.authors.map((a) => ({ name: xmlText(a.name), link: a.url })),
    category: [
      ...e.categories.map((c) => ({ term: ownAttr(c.name), name: ownAttr(c.name), scheme: scheme('/category/') })),
      ...e.tags.map((c) => ({ term: ownAttr(c.name), name: ownAttr(c.name), scheme: scheme('/tag/') })),
    ],
    // The package names the type after the file extension (image/jpg for .jpg).
    ...(e.image ? { image: { url: e.image.url, title: xmlAttr(e.image.caption || e.image.alt) } } : {}),
  };
}

function jsonItem(e: FeedEntry): Item {
  return {
    title: e.title,
    id: e.url,
    link: e.url,
    date: e.updated,
    published: e.published,
    ...(e.summary ? { description: e.summary } : {}),
    content: e.contentHtml ?? escapeHtml(e.summary),
    // The package reads the first author of any array it is given: an article without a byline has none.
    ...(e.authors.length ? { author: e.authors.map((a) => ({ name: a.name, link: a.url, ...(a.avatar ? { avatar: a.avatar } : {}) })) } : {}),
    category: [...e.categories, ...e.tags].map((c) => ({ name: c.name })),
    ...(e.image ? { image: e.image.url } : {}),
  };
}

const jsonAuthor = (a: FeedLink): Record<string, string> => ({ name: a.name, url: a.url, ...(a.avatar ? { avatar: a.avatar } : {}) });

/** The package writes JSON Feed 1.0; 1.1 adds `language` and `authors` (all of them, not the first). */
function toJsonFeed11(json: string, ch: Channel, entries: FeedEntry[], language: string, site: SiteContext): string {
  const { items, ...head } = JSON.parse(json) as { items: Record<string, unknown>[] } & Record<string, unknown>;
  const out = {
    ...head,
    version: 'https://jsonfeed.org/version/1.1',
    language,
    icon: `${site.siteUrl}/assets/logo.png`,
    favicon: `${site.siteUrl}/favicon.svg`,
    authors: [jsonAuthor(ch.author)],
    items: items.map((item, i) => {
      const e = entries[i];
      return e ? { ...item, authors: e.authors.map(jsonAuthor), language: e.language } : item;
    }),
  };
  return JSON.stringify(out, null, 2);
}

/**
 * A feed document in one format. Deterministic: the same entries give the same bytes (the feed's
 * update time is its newest entry's, or 1970 when it has none), so the ETag is stable.
 *
 * @example renderFeed('atom', channel, await feedEntries(db, tree, {}, q), site)
 */
export function renderFeed(format: FeedFormat, ch: Channel, entries: FeedEntry[], site: SiteContext): string {
  const abs = (path: string): string => site.siteUrl + path;
  const language = ch.language ?? feedLanguage(entries, site.siteLanguage);
  const q = ch.language ? `?lang=${encodeURIComponent(ch.language)}` : '';
  const text = format === 'json' ? (s: string) => s : xmlText;
  const feed = new Feed({
    title: text(ch.title),
    description: text(ch.description),
    id: abs(`${ch.feedPath}atom/${q}`),
    link: abs(ch.pagePath),
    ...(isLanguageTag(language) ? { language } : {}),
    updated: newestUpdate(entries) ?? new Date(0),
    generator: 'Broadsheet',
    feedLinks: { rss: abs(`${ch.feedPath}${q}`), atom: abs(`${ch.feedPath}atom/${q}`), json: abs(`${ch.feedPath}json/${q}`) },
    author: { name: text(ch.author.name), link: ch.author.url },
    favicon: abs('/favicon.svg'),
  });
  for (const e of entries) feed.addItem(format === 'rss' ? rssItem(e) : format === 'atom' ? atomItem(e, site) : jsonItem(e));
  if (format === 'rss') return feed.rss2();
  if (format === 'json') return toJsonFeed11(feed.json1(), ch, entries, language, site);
  const atom = feed.atom1();
  return isLanguageTag(language) ? atom.replace(ATOM_ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`) : atom;
}

function notModified(request: FastifyRequest, etag: string, lastModified: Date | undefined): boolean {
  const inm = request.headers['if-none-match'];
  // If-None-Match wins when both are sent (RFC 9110 §13.2.2); it compares weakly.
  if (inm !== undefined) return etagMatches(inm, etag);
  const ims = request.headers['if-modified-since'];
  if (!ims || !lastModified) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * Sends a generated document with `ETag` and `Last-Modified`, or 304 with no body when the
 * request's `If-None-Match` / `If-Modified-Since` says the client has it.
 */
export function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: string, type: string, lastModified?: Date): FastifyReply {
  const etag = etagOf(body);
  reply.header('etag', etag);
  if (lastModified) reply.header('last-modified', lastModified.toUTCString());
  if (notModified(request, etag, lastModified)) return reply.code(304).send();
  return reply.code(200).type(type).send(body);
}

async function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: FeedDeps,
  format: FeedFormat,
  channel: Channel,
  tree: CategoryTree,
  all: ListFilter,
): Promise<FastifyReply> {
  // ?lang=fa: the same feed with that language's articles only (a language's own subscribers).
  const language = languageOf(request);
  const ch: Channel = language ? { ...channel, language } : channel;
  const filter: ListFilter = language ? { ...all, language } : all;
  const entries = await feedEntries(deps.db, tree, filter, {
    siteUrl: deps.site.siteUrl,
    fullText: deps.fullText ?? deps.site.feedFullText,
    dates: deps.site.dates,
  });
  // Any post change purges 'feed'; a renamed section, tag or author purges its own feed's title.
  cacheFor(reply, [
    cacheTag.feed,
    ...(filter.categoryIds ?? []).map(cacheTag.cat),
    ...(filter.tagId !== undefined ? [cacheTag.tag(filter.tagId)] : []),
    ...(filter.authorId !== undefined ? [cacheTag.author(filter.authorId)] : []),
    ...(filter.personId !== undefined ? [cacheTag.person(filter.personId), cacheTag.personList(filter.personId)] : []),
    ...(filter.publishedFrom !== undefined ? [cacheTag.dates] : []),
  ]);
  return sendCacheable(request, reply, renderFeed(format, ch, entries, deps.site), FEED_CONTENT_TYPE[format], newestUpdate(entries));
}

const siteAuthor = (site: SiteContext): FeedLink => ({ name: site.siteName, url: `${site.siteUrl}/` });

/**
 * GET /category/{parent}/{child}/feed/[atom/|json/]: a section and its sub-sections. Called from
 * the `/category/*` route, which owns that part of the URL space.
 */
export async function categoryFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: FeedDeps,
  segments: string[],
  format: FeedFormat,
): Promise<FastifyReply> {
  if (segments.length === 0 || segments.length > 6) throw notFound();
  segments.forEach(parseSlug);
  const tree = await loadCategoryTree(deps.db);
  const category = tree.findByPath(segments);
  if (!category) {
    // /category/europe/feed/ for a child category: the feed at its full path, as for its page.
    const bySlug = segments.length === 1 ? tree.findBySlug(segments[0]!) : undefined;
    if (bySlug) return reply.redirect(`${categoryPath(tree.pathOf(bySlug.id))}feed/${format === 'rss' ? '' : `${format}/`}`, 301);
    throw notFound();
  }
  const { site } = deps;
  const base = categoryPath(tree.pathOf(category.id));
  const ch: Channel = {
    title: `${category.name} | ${site.siteName}`,
    description: category.description || `${stringsFor(site.siteLanguage).latest}: ${category.name}`,
    pagePath: base,
    feedPath: `${base}feed/`,
    author: siteAuthor(site),
  };
  return sendFeed(request, reply, deps, format, ch, tree, { categoryIds: tree.subtreeIds(category.id) });
}

/** Route patterns of the date archives: a four-digit year, then a month and a day of one or two digits. */
export const DATE_YEAR = '/:y(^\\d{4}$)/';
export const DATE_PART = (name: string): string => `:${name}(^\\d{1,2}$)/`;

export async function feedRoutes(app: FastifyInstance, deps: FeedDeps): Promise<void> {
  const { db, site } = deps;

  // GET /feed/, /feed/{rss2|rss|atom|json}/: the whole site.
  const siteFeed = async (request: FastifyRequest<{ Params: { format?: string } }>, reply: FastifyReply) => {
    const format = formatOf(request.params.format);
    // A language's feed is titled with the site's name in that language, where it has one.
    const language = languageOf(request);
    const title = language ? siteNameIn({ names: site.siteNames }, site.siteName, site.siteLanguage, language).name : site.siteName;
    const ch: Channel = { title, description: site.siteDescription, pagePath: '/', feedPath: '/feed/', author: siteAuthor(site) };
    return sendFeed(request, reply, deps, format, ch, await loadCategoryTree(db), {});
  };
  app.get('/feed/', siteFeed);
  app.get('/feed/:format/', siteFeed);

  // GET /tag/{slug}/feed/[atom/|json/]
  const tagFeed = async (request: FastifyRequest<{ Params: { slug: string; format?: string } }>, reply: FastifyReply) => {
    const format = formatOf(request.params.format);
    const tag = await findTagBySlug(db, parseSlug(request.params.slug));
    if (!tag) throw notFound();
    const ch: Channel = {
      title: `${tag.name} | ${site.siteName}`,
      description: tag.description || `${stringsFor(site.siteLanguage).latest}: ${tag.name}`,
      pagePath: tagPath(tag.slug),
      feedPath: `${tagPath(tag.slug)}feed/`,
      author: siteAuthor(site),
    };
    return sendFeed(request, reply, deps, format, ch, await loadCategoryTree(db), { tagId: tag.id });
  };
  app.get('/tag/:slug/feed/', tagFeed);
  app.get('/tag/:slug/feed/:format/', tagFeed);

  // GET /author/{slug}/feed/[atom/|json/]
  const authorFeed = async (request: FastifyRequest<{ Params: { slug: string; format?: string } }>, reply: FastifyReply) => {
    const format = formatOf(request.params.format);
    const author = await findAuthorBySlug(db, parseSlug(request.params.slug));
    if (!author) throw notFound();
    const url = site.siteUrl + authorPath(author.slug);
    const ch: Channel = {
      title: `${author.name} | ${site.siteName}`,
      description: author.bio || stringsFor(site.siteLanguage).format('articlesBy', { name: author.name }),
      pagePath: authorPath(author.slug),
      feedPath: `${authorPath(author.slug)}feed/`,
      author: { name: author.name, url },
    };
    return sendFeed(request, reply, deps, format, ch, await loadCategoryTree(db), { authorId: author.id });
  };
  app.get('/author/:slug/feed/', authorFeed);
  app.get('/author/:slug/feed/:format/', authorFeed);

  // GET /people/{slug}/feed/[atom/|json/]: the articles about or quoting a person.
  const personFeed = async (request: FastifyRequest<{ Params: { slug: string; format?: string } }>, reply: FastifyReply) => {
    const format = formatOf(request.params.format);
    const person = await findPersonBySlug(db, parseSlug(request.params.slug));
    if (!person) throw notFound();
    const ch: Channel = {
      title: `${person.name} | ${site.siteName}`,
      description: person.description || stringsFor(site.siteLanguage).format('articlesAboutOrQuoting', { name: person.name }),
      pagePath: personPath(person.slug),
      feedPath: `${personPath(person.slug)}feed/`,
      author: siteAuthor(site),
    };
    return sendFeed(request, reply, deps, format, ch, await loadCategoryTree(db), { personId: person.id });
  };
  app.get('/people/:slug/feed/', personFeed);
  app.get('/people/:slug/feed/:format/', personFeed);

  // GET /comments/feed/[atom/|json/]: the newest approved comments on the site; GET
  // /{slug}/feed/[…]: those on one article (WordPress' comment feeds, at its addresses).
  const commentFeed = async (request: FastifyRequest<{ Params: { slug?: string; format?: string } }>, reply: FastifyReply) => {
    const format = formatOf(request.params.format);
    const slug = request.params.slug;
    const post = slug !== undefined ? await publishedPostBySlug(db, parseSlug(slug)) : undefined;
    if (slug !== undefined && !post) throw notFound();
    const t = stringsFor(post?.language ?? site.siteLanguage);
    const pagePath = post ? postPath(post.slug) : '/';
    const ch: Channel = {
      title: t.format('commentsFeed', { site: post?.title ?? site.siteName }),
      description: post ? site.siteName : site.siteDescription,
      pagePath,
      feedPath: post ? `${pagePath}feed/` : '/comments/feed/',
      author: siteAuthor(site),
      ...(post ? { language: post.language } : {}),
    };
    const entries = await commentFeedEntries(db, site.siteUrl, (c) => t.format('commentOn', { title: c.post_title, name: c.author_name }), post?.id);
    cacheFor(reply, [cacheTag.commentsFeed, ...(post ? [cacheTag.post(post.id), cacheTag.comments(post.id)] : [])]);
    return sendCacheable(request, reply, renderFeed(format, ch, entries, site), FEED_CONTENT_TYPE[format], newestUpdate(entries));
  };
  app.get('/comments/feed/', commentFeed);
  app.get('/comments/feed/:format/', commentFeed);
  app.get('/:slug/feed/', commentFeed);
  app.get('/:slug/feed/:format/', commentFeed);

  // GET /YYYY/[MM/[DD/]]feed/[atom/|json/]: what was published in a period (in the site's zone).
  const dateFeed = async (request: FastifyRequest<{ Params: { y: string; m?: string; d?: string; format?: string } }>, reply: FastifyReply) => {
    const format = formatOf(request.params.format);
    const period = periodOf(request.params.y, request.params.m, request.params.d);
    if (!period) throw notFound();
    const base = periodPath(period);
    const range = periodRange(period, site.dates.timeZone);
    const heading = formatPeriod(site.siteLanguage, period.year, period.month, period.day);
    const ch: Channel = {
      title: `${heading} | ${site.siteName}`,
      description: stringsFor(site.siteLanguage).format('articlesFrom', { period: heading }),
      pagePath: base,
      feedPath: `${base}feed/`,
      author: siteAuthor(site),
    };
    return sendFeed(request, reply, deps, format, ch, await loadCategoryTree(db), { publishedFrom: range.from, publishedBefore: range.before });
  };
  for (const base of [DATE_YEAR, `${DATE_YEAR}${DATE_PART('m')}`, `${DATE_YEAR}${DATE_PART('m')}${DATE_PART('d')}`]) {
    app.get(`${base}feed/`, dateFeed);
    app.get(`${base}feed/:format/`, dateFeed);
  }
}
