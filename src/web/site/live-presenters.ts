/**
 * @module web/site/live-presenters
 * A live page's view-models and JSON-LD: key events, entries newest first with their permalinks
 * (`/{slug}/#entry-N`, shared at `/{slug}/entry/N/`), pages of older entries
 * (`/{slug}/live/2/`), and the `LiveBlogPosting` a search engine reads.
 */
import type { ArticleBundle, HashtagTags } from '../../modules/article/reading.service.js';
import type { LiveEntryRow } from '../../db/schema.js';
import { postPath } from '../../modules/article/permalink.js';
import { withHashtagLinks } from '../../modules/article/hashtags.js';
import { withQuoteCardDates } from '../../modules/article/render.js';
import { ENTRIES_PER_PAGE, entryAnchor } from '../../modules/live/live.js';
import { stringsFor } from './i18n.js';
import { absolute, dateVM } from './presenters.js';
import type { SiteContext } from './site-context.js';
import type { LiveBlogVM, LiveEntryVM } from './view-models.js';
import { clipText, htmlText } from '../../lib/html.js';

/** Older entries of a live page: page 2 and after. */
export const livePagePath = (slug: string, page: number): string => (page <= 1 ? postPath(slug) : `${postPath(slug)}live/${page}/`);

/** One entry's own page, to share it. */
export const entryPath = (slug: string, id: number): string => `${postPath(slug)}entry/${id}/`;

/** What a page script polls for entries newer than `after`. */
export const livePollPath = (slug: string, after: number): string => `${postPath(slug)}live.json?after=${after}`;

/** The live part of an article page (undefined for an article that never ran live). */
export function liveBlogVM(site: SiteContext, b: ArticleBundle): LiveBlogVM | undefined {
  const live = b.live;
  const { post } = b;
  if (!live || !post.live_status) return undefined;
  const lang = post.language;
  const t = stringsFor(lang, site.siteLanguage);
  const withTime = { ...site.dates, showTime: true };
  const pages = Math.max(1, Math.ceil(live.total / ENTRIES_PER_PAGE));
  const newest = live.entries[0]?.id ?? 0;
  return {
    status: post.live_status,
    label: post.live_status === 'live' ? t.live : t.format('liveEnded', { date: dateVM(post.live_ended_at ?? post.updated_at, lang, withTime).label }),
    ...(post.live_updated_at ? { updated: dateVM(post.live_updated_at, lang, withTime) } : {}),
    keyEvents: live.keyEvents.map((k) => ({
      anchor: entryAnchor(k.id),
      headline: k.headline || textStart(k.body_html),
      at: dateVM(k.created_at, lang, withTime),
    })),
    entries: live.entries.map((e) => liveEntryVM(site, post, e, b.hashtags?.tags)),
    total: live.total,
    page: live.page,
    ...(live.page < pages ? { olderUrl: livePagePath(post.slug, live.page + 1) } : {}),
    ...(live.page > 1 ? { newerUrl: livePagePath(post.slug, live.page - 1) } : {}),
    ...(post.live_status === 'live' && live.page === 1 ? { pollUrl: livePollPath(post.slug, newest) } : {}),
  };
}

/** One entry as a page shows it (its quoted posts' hashtags linked, their dates in the site's zone). */
export function liveEntryVM(
  site: SiteContext,
  post: { slug: string; language: string },
  e: LiveEntryRow & { author_name: string | null },
  hashtags?: HashtagTags['tags'],
): LiveEntryVM {
  const lang = post.language;
  return {
    id: e.id,
    anchor: entryAnchor(e.id),
    at: dateVM(e.created_at, lang, { ...site.dates, showTime: true }),
    author: e.author_name ?? '',
    headline: e.headline,
    pinned: e.pinned === 1,
    bodyHtml: withQuoteCardDates(withHashtagLinks(e.body_html, hashtags), lang, site.dates),
    shareUrl: entryPath(post.slug, e.id),
  };
}

/** The first words of an entry's text (a key event without a headline is listed by them). */
export const textStart = (html: string, max = 90): string => clipText(htmlText(html), max);

/**
 * The schema.org fields that make a NewsArticle a LiveBlogPosting: when the coverage started and
 * ended, and its updates (the entries on this page) as BlogPostings with their own addresses.
 */
export function liveJsonLd(site: SiteContext, b: ArticleBundle): Record<string, unknown> {
  const { post, live } = b;
  if (!live || !post.live_status) return {};
  return {
    '@type': 'LiveBlogPosting',
    ...(post.live_started_at ? { coverageStartTime: post.live_started_at } : {}),
    ...(post.live_ended_at && post.live_status === 'ended' ? { coverageEndTime: post.live_ended_at } : {}),
    ...(post.live_updated_at && post.live_updated_at > post.updated_at ? { dateModified: post.live_updated_at } : {}),
    liveBlogUpdate: live.entries.map((e) => ({
      '@type': 'BlogPosting',
      headline: (e.headline || textStart(e.body_html, 110)).slice(0, 110),
      datePublished: e.created_at,
      ...(e.updated_at !== e.created_at ? { dateModified: e.updated_at } : {}),
      url: absolute(site, `${postPath(post.slug)}#${entryAnchor(e.id)}`),
      articleBody: textStart(e.body_html, 5000),
      ...(e.author_name ? { author: { '@type': 'Person', name: e.author_name } } : {}),
    })),
  };
}
