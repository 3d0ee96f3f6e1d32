/**
 * @module modules/feed/feed.service
 * The read side of feeds and sitemaps: published content only, every URL absolute. Each function
 * runs a fixed number of queries however large the site (a feed: list, authors, images, bodies,
 * categories, tags, and the tags its quoted posts' hashtags name).
 */
import type { Db } from '../../db/database.js';
import type { PostType } from '../../db/schema.js';
import { listPublished, publishedLanguages, type ListFilter } from '../article/article.repository.js';
import { authorPath, categoryPath, postPath, tagPath } from '../article/permalink.js';
import { hashtagTags, hydrate, pagePaths } from '../article/reading.service.js';
import { withHashtagLinks } from '../article/hashtags.js';
import { withQuoteCardDates } from '../article/render.js';
import { formatDate, type DateFormat } from '../../lib/dates.js';
import { clipText, escapeHtml, htmlText } from '../../lib/html.js';
import { latestApprovedComments, type FeedComment } from '../comment/comment.repository.js';
import { recentEntriesOfPosts } from '../live/live.repository.js';
import { latestPublicCorrection } from '../correction/correction.repository.js';
import { responsiveImage } from '../media/media.js';
import type { CategoryTree } from '../taxonomy/taxonomy.js';
import { categoryLinksOfPosts } from '../taxonomy/category.repository.js';
import {
  absolutizeHtml,
  feedImage,
  FEED_SIZE,
  isoOf,
  NEWS_MAX_URLS,
  NEWS_WINDOW_MS,
  SITEMAP_MAX_URLS,
  type FeedEntry,
  type FeedLink,
  type NewsUrl,
  type SitemapRef,
  type SitemapUrl,
} from './feed.js';
import * as repo from './feed.repository.js';
import { peopleForSitemap } from '../person/person.repository.js';
import { personPath } from '../person/person.service.js';

export interface FeedQuery {
  siteUrl: string;
  /** Whole bodies (true) or the standfirst only. */
  fullText: boolean;
  limit?: number;
  /** The zone and style social-post cards in bodies are dated in (UTC, medium unless told). */
  dates?: DateFormat;
}

/**
 * The newest published posts matching `filter`, newest first, ready for any feed format.
 *
 * @example await feedEntries(db, tree, { tagId: 3 }, { siteUrl: 'https://news.example', fullText: true })
 */
export async function feedEntries(db: Db, tree: CategoryTree, filter: ListFilter, q: FeedQuery): Promise<FeedEntry[]> {
  const rows = await listPublished(db, { ...filter, type: 'post' }, q.limit ?? FEED_SIZE, 0);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [bundle, bodies, categoryLinks, tagLinks] = await Promise.all([
    hydrate(db, rows),
    q.fullText ? repo.postBodies(db, ids) : Promise.resolve([]),
    categoryLinksOfPosts(db, ids),
    repo.tagLinksOf(db, ids),
  ]);
  const abs = (path: string): string => q.siteUrl + path;
  // Quoted posts' hashtags link to the tags they name, as on the article page (every tag change purges feeds).
  // A live page carries its newest entries after its summary (at most 10 each, 200 in all).
  const liveIds = q.fullText ? rows.filter((r) => r.live_status !== null).map((r) => r.id) : [];
  const entries = await recentEntriesOfPosts(db, liveIds, 200);
  const hashtags = await hashtagTags(db, ...bodies.map((b) => b.body_html), ...entries.map((e) => e.body_html));
  const languageOf = new Map(rows.map((r) => [r.id, r.language]));
  const entriesOf = groupBy(entries, (e) => e.post_id);
  const bodyOf = new Map(
    bodies.map((b) => {
      const lang = languageOf.get(b.id) ?? 'en';
      const own = (entriesOf.get(b.id) ?? []).slice(0, 10).map((e) => liveEntryHtml(e, lang, q.dates ?? {}));
      return [b.id, withQuoteCardDates(withHashtagLinks(b.body_html + own.join(''), hashtags.tags), lang, q.dates ?? {})];
    }),
  );
  const categoriesOf = groupBy(categoryLinks, (l) => l.post_id);
  const tagsOf = groupBy(tagLinks, (l) => l.post_id);
  return rows.map((r): FeedEntry => {
    const categoryIds = (categoriesOf.get(r.id) ?? [])
      .map((l) => l.category_id)
      // Primary category first, then the others in a stable order.
      .sort((a, b) => Number(b === r.primary_category_id) - Number(a === r.primary_category_id) || a - b);
    const categories = categoryIds.flatMap((id): FeedLink[] => {
      const c = tree.get(id);
      return c ? [{ name: c.name, url: abs(categoryPath(tree.pathOf(c.id))) }] : [];
    });
    const authors = (bundle.authors.get(r.id) ?? []).map((a): FeedLink => {
      const avatar = a.avatar_media_id !== null ? bundle.media.get(a.avatar_media_id) : undefined;
      return { name: a.name, url: abs(authorPath(a.slug)), ...(avatar ? { avatar: abs(responsiveImage(avatar).src) } : {}) };
    });
    const image = r.featured_media_id !== null ? bundle.media.get(r.featured_media_id) : undefined;
    const body = bodyOf.get(r.id);
    return {
      id: r.id,
      url: abs(postPath(r.slug)),
      title: r.title,
      summary: r.excerpt,
      ...(body !== undefined ? { contentHtml: absolutizeHtml(body, q.siteUrl) } : {}),
      language: r.language,
      published: new Date(r.published_at ?? r.updated_at),
      // A live page was last changed by its newest entry.
      updated: new Date(r.live_updated_at && r.live_updated_at > r.updated_at ? r.live_updated_at : r.updated_at),
      authors,
      categories,
      tags: (tagsOf.get(r.id) ?? []).map((t) => ({ name: t.name, url: abs(tagPath(t.slug)) })),
      ...(image ? { image: feedImage(image, q.siteUrl) } : {}),
    };
  });
}

/** One live entry in a feed item's content: its time and headline as a heading, then its body. */
function liveEntryHtml(e: { headline: string; body_html: string; created_at: string }, lang: string, dates: DateFormat): string {
  const when = formatDate(e.created_at, lang, { ...dates, time: true });
  return `<h3><time datetime="${escapeHtml(e.created_at)}">${escapeHtml(when)}</time>${e.headline ? ` · ${escapeHtml(e.headline)}` : ''}</h3>${e.body_html}`;
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k) ?? [];
    list.push(row);
    out.set(k, list);
  }
  return out;
}

const later = (a: string | undefined, b: string | null | undefined): string | undefined => {
  if (b === null || b === undefined) return a;
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
};

/**
 * One part of the posts (or pages) sitemap, with hreflang alternates for translated content.
 * Two queries at most: the part, then the published members of the translation groups in it
 * (skipped when nothing in the part is translated). A part is a range of ids, which is how the
 * second query finds its groups without sending them all as parameters.
 */
export async function contentSitemap(
  db: Db,
  siteUrl: string,
  type: PostType,
  part: number,
  pageSize: number,
  /** Pages: their nested paths by slug (`/about/team/`). */
  paths?: ReadonlyMap<string, string>,
  /** Only content in this language (a language's own sitemap); alternates still name every version. */
  language?: string,
): Promise<SitemapUrl[]> {
  const pathOf = (slug: string): string => paths?.get(slug) ?? postPath(slug);
  const size = Math.max(1, Math.floor(pageSize));
  const rows = await repo.sitemapPart(db, type, size, (part - 1) * size, language);
  const first = rows[0];
  const last = rows.at(-1);
  const versions = new Map<string, { hreflang: string; href: string }[]>();
  if (first && last && rows.some((r) => r.translation_group !== null)) {
    const members = await repo.translationMembersInRange(db, type, first.id, last.id);
    for (const m of members) {
      if (m.translation_group === null) continue;
      const list = versions.get(m.translation_group) ?? [];
      if (!list.some((v) => v.hreflang === m.language)) list.push({ hreflang: m.language, href: siteUrl + pathOf(m.slug) });
      versions.set(m.translation_group, list);
    }
  }
  return rows.map((r) => {
    const alternates = r.translation_group !== null ? (versions.get(r.translation_group) ?? []) : [];
    return { loc: siteUrl + pathOf(r.slug), lastmod: isoOf(r.updated_at), ...(alternates.length > 1 ? { alternates } : {}) };
  });
}

/** Newest change per content type, over published content. */
async function latestByType(db: Db): Promise<{ post?: string; page?: string }> {
  const rows = await repo.latestUpdatedByType(db);
  const out: { post?: string; page?: string } = {};
  for (const r of rows) if (r.lastmod !== null) out[r.type] = isoOf(r.lastmod);
  return out;
}

/**
 * The home page and every published page. A language's own pages sitemap lists that language's
 * pages only (the home page and the corrections page are the whole site's, in the main one).
 */
export async function pagesSitemap(db: Db, siteUrl: string, language?: string): Promise<SitemapUrl[]> {
  if (language !== undefined) {
    const paths = await pagePaths(db);
    return contentSitemap(db, siteUrl, 'page', 1, SITEMAP_MAX_URLS, paths.bySlug, language);
  }
  const [latest, paths, corrected] = await Promise.all([latestByType(db), pagePaths(db), latestPublicCorrection(db)]);
  // Each page at its nested path (`/about/team/`).
  const pages = await contentSitemap(db, siteUrl, 'page', 1, SITEMAP_MAX_URLS - 2, paths.bySlug);
  return [
    { loc: `${siteUrl}/`, ...(latest.post ? { lastmod: latest.post } : {}) },
    ...pages,
    // The corrections page, once there is a note to show.
    ...(corrected ? [{ loc: `${siteUrl}/corrections/`, lastmod: isoOf(corrected) }] : []),
  ];
}

/** Categories with at least one published post in them or below them, parents before children. */
export async function categorySitemap(db: Db, tree: CategoryTree, siteUrl: string): Promise<SitemapUrl[]> {
  const rows = await repo.latestUpdatedByCategory(db);
  // A category page lists its whole subtree: a post in Europe also updates World.
  const latest = new Map<number, string>();
  for (const r of rows) {
    for (const c of tree.ancestry(r.category_id)) {
      const next = later(latest.get(c.id), r.lastmod);
      if (next !== undefined) latest.set(c.id, next);
    }
  }
  const out: SitemapUrl[] = [];
  const visit = (id: number, depth: number): void => {
    const lastmod = latest.get(id);
    if (lastmod === undefined || depth > 50) return;
    out.push({ loc: siteUrl + categoryPath(tree.pathOf(id)), lastmod: isoOf(lastmod) });
    for (const child of tree.childrenOf(id)) visit(child.id, depth + 1);
  };
  for (const root of tree.roots()) visit(root.id, 0);
  return out;
}

/** Tags with at least one published post (the first 50,000 by slug). */
export async function tagSitemap(db: Db, siteUrl: string): Promise<SitemapUrl[]> {
  const rows = await repo.latestUpdatedByTag(db, SITEMAP_MAX_URLS);
  return rows.map((r) => ({ loc: siteUrl + tagPath(r.slug), lastmod: isoOf(r.lastmod) }));
}

/** Authors with at least one published post. */
export async function authorSitemap(db: Db, siteUrl: string): Promise<SitemapUrl[]> {
  const rows = await repo.latestUpdatedByAuthor(db, SITEMAP_MAX_URLS);
  return rows.map((r) => ({ loc: siteUrl + authorPath(r.slug), lastmod: isoOf(r.lastmod) }));
}

/** People with at least one published article (their page changes with their own fields). */
export async function peopleSitemap(db: Db, siteUrl: string): Promise<SitemapUrl[]> {
  const rows = await peopleForSitemap(db);
  return rows.slice(0, SITEMAP_MAX_URLS).map((r) => ({ loc: siteUrl + personPath(r.slug), lastmod: isoOf(r.updated_at) }));
}

/** Posts published in the 48 hours before `now`, newest first, at most 1,000; of one language when given. */
export async function newsSitemap(db: Db, siteUrl: string, now: Date, language?: string, limit = NEWS_MAX_URLS): Promise<NewsUrl[]> {
  const rows = await repo.publishedBetween(db, new Date(now.getTime() - NEWS_WINDOW_MS).toISOString(), now.toISOString(), limit, language);
  return rows.map((r) => ({
    loc: siteUrl + postPath(r.slug),
    // A live page's newest entry is its latest change.
    lastmod: isoOf(r.live_updated_at && r.live_updated_at > r.updated_at ? r.live_updated_at : r.updated_at),
    title: r.title,
    language: r.language,
    published: isoOf(r.published_at ?? r.updated_at),
  }));
}

/**
 * The sitemap index: every non-empty sitemap with its newest change. The pages sitemap is always
 * there (it holds the home page). The posts sitemap has one part per `pageSize` posts, by id, so a
 * post stays in its part as the site grows.
 *
 * One query, one pass over published content: each row is ranked within its type to find its part,
 * and the newest change is taken per type and part, overall and among posts that have a category, a
 * tag, an author, or a publication date in the news window. A second, beside it, finds the people
 * with a published article (the people sitemap, listed when there is anyone in it).
 */
export async function sitemapIndex(db: Db, now: Date, pageSize: number): Promise<SitemapRef[]> {
  const size = Math.max(1, Math.floor(pageSize));
  const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
  const [rows, linked, people] = await Promise.all([repo.sitemapParts(db, size), repo.sitemapNewest(db, since, now.toISOString()), peopleForSitemap(db)]);
  const refs: SitemapRef[] = [];
  const newest: Record<'home' | 'pages' | 'categories' | 'tags' | 'authors' | 'news', string | undefined> = { home: undefined, pages: undefined, ...linked };
  for (const r of rows) {
    if (r.type === 'page') {
      newest.pages = later(newest.pages, r.lastmod);
      continue;
    }
    refs.push({ path: `/sitemap-posts-${Number(r.part) + 1}.xml`, lastmod: isoOf(r.lastmod) });
    newest.home = later(newest.home, r.lastmod);
  }
  const pages = later(newest.home, newest.pages);
  refs.push({ path: '/sitemap-pages.xml', ...(pages ? { lastmod: isoOf(pages) } : {}) });
  for (const key of ['categories', 'tags', 'authors', 'news'] as const) {
    const lastmod = newest[key];
    if (lastmod) refs.push({ path: `/sitemap-${key}.xml`, lastmod: isoOf(lastmod) });
  }
  const peopleLastmod = people.reduce<string | undefined>((max, p) => later(max, p.updated_at), undefined);
  if (peopleLastmod) refs.push({ path: '/sitemap-people.xml', lastmod: isoOf(peopleLastmod) });
  return refs;
}

/**
 * A language's own sitemap index (`/sitemap.xml?lang=fa`): its posts parts, its pages and its
 * news, each URL carrying the language. Sections, tags, authors and people are the whole site's and
 * stay in the main index. Posts are ranked within the language, so its parts are as full as the main ones.
 */
export async function languageSitemapIndex(db: Db, now: Date, pageSize: number, language: string): Promise<SitemapRef[]> {
  const size = Math.max(1, Math.floor(pageSize));
  const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
  const [rows, news] = await Promise.all([repo.sitemapParts(db, size, language), repo.newestNewsChange(db, since, now.toISOString(), language)]);
  const query = `?lang=${encodeURIComponent(language)}`;
  const refs: SitemapRef[] = [];
  let pages: string | undefined;
  for (const r of rows) {
    if (r.type === 'page') pages = later(pages, r.lastmod);
    else refs.push({ path: `/sitemap-posts-${Number(r.part) + 1}.xml${query}`, lastmod: isoOf(r.lastmod) });
  }
  if (pages) refs.push({ path: `/sitemap-pages.xml${query}`, lastmod: isoOf(pages) });
  if (news) refs.push({ path: `/sitemap-news.xml${query}`, lastmod: isoOf(news) });
  return refs;
}

/** The languages with published articles, for robots.txt's list of sitemaps. */
export const sitemapLanguages = (db: Db): Promise<string[]> => publishedLanguages(db);

/**
 * The newest approved comments on published posts (of one post when given) as feed entries: the
 * comment's words in full, its lasting link (/comments/{id}/), the commenter's name (never their
 * address or link); `titleOf` names each in the reader's language.
 */
export async function commentFeedEntries(db: Db, siteUrl: string, titleOf: (c: FeedComment) => string, postId?: number): Promise<FeedEntry[]> {
  const rows = await latestApprovedComments(db, FEED_SIZE, postId);
  return rows.map((c) => {
    const url = `${siteUrl}/comments/${c.id}/`;
    return {
      id: c.id,
      url,
      title: titleOf(c),
      summary: clipText(htmlText(c.body_html), 300),
      contentHtml: absolutizeHtml(c.body_html, siteUrl),
      language: c.post_language,
      published: new Date(isoOf(c.created_at)),
      updated: new Date(isoOf(c.updated_at || c.created_at)),
      authors: [{ name: c.author_name, url }],
      categories: [],
      tags: [],
    };
  });
}
