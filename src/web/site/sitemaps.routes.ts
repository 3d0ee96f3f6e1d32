/**
 * @module web/site/sitemaps.routes
 * For search engines: the sitemap index `/sitemap.xml`, its parts (`/sitemap-posts-N.xml`,
 * `-pages`, `-categories`, `-tags`, `-authors`, `-people`, and the Google News sitemap `-news`), and
 * `/robots.txt`. Published content only, absolute URLs, hreflang between translations. Each
 * language has its own index too (`/sitemap.xml?lang=fa`: its posts, pages and news, each with the
 * same `?lang=`), named in robots.txt beside the main one. The XML is
 * small and regular, so it is written here with one escaping function (modules/feed/feed.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { escapeXml, SITEMAP_MAX_URLS, type NewsUrl, type SitemapRef, type SitemapUrl } from '../../modules/feed/feed.js';
import { withXDefault } from '../../modules/translation/translation.js';
import {
  authorSitemap,
  categorySitemap,
  contentSitemap,
  newsSitemap,
  languageSitemapIndex,
  pagesSitemap,
  peopleSitemap,
  sitemapIndex,
  sitemapLanguages,
  tagSitemap,
} from '../../modules/feed/feed.service.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import { notFound } from '../errors.js';
import { languageOf, sendCacheable } from './feeds.routes.js';
import { cacheFor } from '../cache/index.js';
import { tag as cacheTag } from '../../modules/content/cache-tags.js';
import type { SiteContext } from './site-context.js';
import { pageOf } from '../../lib/ids.js';

/** What the sitemap routes need; `SiteDeps` fits. */
export interface SitemapDeps {
  db: Db;
  site: SiteContext;
  /** URLs per posts sitemap; 50,000 (the protocol's limit) unless a test asks for fewer. */
  sitemapPageSize?: number;
}

const XML_TYPE = 'application/xml; charset=utf-8';
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

const element = (name: string, value: string): string => `<${name}>${escapeXml(value)}</${name}>`;

export function urlsetXml(urls: SitemapUrl[], siteLanguage: string): string {
  const body = urls
    .map((u) => {
      const alternates = withXDefault(u.alternates ?? [], siteLanguage)
        .map((a) => `\n    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`)
        .join('');
      return `  <url>\n    ${element('loc', u.loc)}${u.lastmod ? `\n    ${element('lastmod', u.lastmod)}` : ''}${alternates}\n  </url>\n`;
    })
    .join('');
  return `${PROLOG}<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">\n${body}</urlset>\n`;
}

export function indexXml(refs: SitemapRef[], siteUrl: string): string {
  const body = refs
    .map((r) => `  <sitemap>\n    ${element('loc', siteUrl + r.path)}${r.lastmod ? `\n    ${element('lastmod', r.lastmod)}` : ''}\n  </sitemap>\n`)
    .join('');
  return `${PROLOG}<sitemapindex xmlns="${SITEMAP_NS}">\n${body}</sitemapindex>\n`;
}

/** Google News wants ISO 639 codes, except zh-cn and zh-tw for Chinese. */
function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /^zh-(tw|hk|mo|hant)/.test(lower) ? 'zh-tw' : 'zh-cn';
  return lower.split('-')[0] ?? lower;
}

export function newsXml(urls: NewsUrl[], siteName: string): string {
  const body = urls
    .map((u) =>
      [
        '  <url>',
        `    ${element('loc', u.loc)}`,
        `    ${element('lastmod', u.lastmod)}`,
        '    <news:news>',
        `      <news:publication>${element('news:name', siteName)}${element('news:language', newsLanguage(u.language))}</news:publication>`,
        `      ${element('news:publication_date', u.published)}`,
        `      ${element('news:title', u.title)}`,
        '    </news:news>',
        '  </url>\n',
      ].join('\n'),
    )
    .join('');
  return `${PROLOG}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body}</urlset>\n`;
}

const newest = (dates: (string | undefined)[]): Date | undefined => {
  let max: number | undefined;
  for (const d of dates) {
    const t = d === undefined ? NaN : Date.parse(d);
    if (!Number.isNaN(t) && (max === undefined || t > max)) max = t;
  }
  return max === undefined ? undefined : new Date(max);
};

/**
 * Sends a sitemap with ETag/Last-Modified; sitemaps live in the page cache until a post changes
 * or the section tree does (`cache: false` for the news sitemap, which ages with the clock).
 */
function sendXml(request: FastifyRequest, reply: FastifyReply, xml: string, lastmods: (string | undefined)[], cache = true): FastifyReply {
  if (cache) cacheFor(reply, [cacheTag.sitemap, cacheTag.nav]);
  return sendCacheable(request, reply, xml, XML_TYPE, newest(lastmods));
}

export async function sitemapRoutes(app: FastifyInstance, deps: SitemapDeps): Promise<void> {
  const { db, site } = deps;
  const pageSize = Math.max(1, Math.min(SITEMAP_MAX_URLS, Math.floor(deps.sitemapPageSize ?? SITEMAP_MAX_URLS)));

  // GET /sitemap.xml: the index of every non-empty sitemap below; ?lang=fa: that language's.
  app.get('/sitemap.xml', async (request, reply) => {
    const language = languageOf(request);
    const refs = language === undefined ? await sitemapIndex(db, site.now(), pageSize) : await languageSitemapIndex(db, site.now(), pageSize, language);
    return sendXml(
      request,
      reply,
      indexXml(refs, site.siteUrl),
      refs.map((r) => r.lastmod),
    );
  });

  // GET /sitemap-posts-N.xml: published posts, oldest first, `pageSize` per part. Part 1 always exists.
  // ?lang=fa: that language's posts, in parts of their own.
  app.get('/sitemap-posts-:n.xml', async (request: FastifyRequest<{ Params: { n: string } }>, reply) => {
    const part = pageOf(request.params.n);
    if (part === undefined) throw notFound();
    const urls = await contentSitemap(db, site.siteUrl, 'post', part, pageSize, undefined, languageOf(request));
    if (urls.length === 0 && part > 1) throw notFound();
    return sendXml(
      request,
      reply,
      urlsetXml(urls, site.siteLanguage),
      urls.map((u) => u.lastmod),
    );
  });

  // GET /sitemap-pages.xml: the home page and static pages (?lang=fa: that language's pages).
  app.get('/sitemap-pages.xml', async (request, reply) => {
    const urls = await pagesSitemap(db, site.siteUrl, languageOf(request));
    return sendXml(
      request,
      reply,
      urlsetXml(urls, site.siteLanguage),
      urls.map((u) => u.lastmod),
    );
  });

  // GET /sitemap-categories.xml, -tags.xml, -authors.xml: archives with at least one published post.
  app.get('/sitemap-categories.xml', async (request, reply) => {
    const urls = await categorySitemap(db, await loadCategoryTree(db), site.siteUrl);
    return sendXml(
      request,
      reply,
      urlsetXml(urls, site.siteLanguage),
      urls.map((u) => u.lastmod),
    );
  });
  app.get('/sitemap-tags.xml', async (request, reply) => {
    const urls = await tagSitemap(db, site.siteUrl);
    return sendXml(
      request,
      reply,
      urlsetXml(urls, site.siteLanguage),
      urls.map((u) => u.lastmod),
    );
  });
  app.get('/sitemap-authors.xml', async (request, reply) => {
    const urls = await authorSitemap(db, site.siteUrl);
    return sendXml(
      request,
      reply,
      urlsetXml(urls, site.siteLanguage),
      urls.map((u) => u.lastmod),
    );
  });

  // GET /sitemap-people.xml: people in the news with at least one published article.
  app.get('/sitemap-people.xml', async (request, reply) => {
    const urls = await peopleSitemap(db, site.siteUrl);
    return sendXml(
      request,
      reply,
      urlsetXml(urls, site.siteLanguage),
      urls.map((u) => u.lastmod),
    );
  });

  // GET /sitemap-news.xml: Google News, posts of the last 48 hours by the site's clock (?lang=fa: in Persian).
  app.get('/sitemap-news.xml', async (request, reply) => {
    const urls = await newsSitemap(db, site.siteUrl, site.now(), languageOf(request));
    return sendXml(
      request,
      reply,
      newsXml(urls, site.siteName),
      urls.map((u) => u.lastmod),
      false,
    );
  });

  // GET /robots.txt: the main sitemap, then one per language other than the site's with articles.
  app.get('/robots.txt', async (_request, reply) => {
    const languages = (await sitemapLanguages(db)).filter((l) => l !== site.siteLanguage);
    const sitemaps = ['', ...languages.map((l) => `?lang=${encodeURIComponent(l)}`)].map((q) => `Sitemap: ${site.siteUrl}/sitemap.xml${q}\n`);
    cacheFor(reply, [cacheTag.sitemap]);
    return reply.type('text/plain; charset=utf-8').send(`User-agent: *\nDisallow: /admin/\nAllow: /\n\n${sitemaps.join('')}`);
  });
}
