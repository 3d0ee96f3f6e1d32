/**
 * @module modules/feed/feed
 * What feeds and sitemaps are made of, and the pure helpers behind them: absolute URLs inside
 * article HTML, the image a feed item carries, and XML escaping. No I/O here.
 */
import type { MediaRow } from '../../db/schema.js';
import { derivativesOf, formatOfMime, mediaUrl } from '../media/media.js';

/** Items in every feed: the newest published posts. */
export const FEED_SIZE = 20;
/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News takes articles from the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 3600_000;
export const NEWS_MAX_URLS = 1000;

/** A named, absolute link: an author, a category or a tag. */
export interface FeedLink {
  name: string;
  url: string;
  /** Author avatar, absolute. */
  avatar?: string;
}

export interface FeedImage {
  url: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** One post as every feed format needs it; all URLs absolute. */
export interface FeedEntry {
  id: number;
  url: string;
  title: string;
  /** The standfirst, plain text. */
  summary: string;
  /** Sanitised body with absolute URLs; absent when feeds carry excerpts only. */
  contentHtml?: string;
  language: string;
  published: Date;
  updated: Date;
  authors: FeedLink[];
  /** Primary category first. */
  categories: FeedLink[];
  tags: FeedLink[];
  image?: FeedImage;
}

/** A `<url>` of a sitemap. */
export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  /** Every published version of the content, itself included; only when there are several. */
  alternates?: { hreflang: string; href: string }[];
}

export interface NewsUrl {
  loc: string;
  lastmod: string;
  title: string;
  language: string;
  published: string;
}

/** A `<sitemap>` of the index, by path. */
export interface SitemapRef {
  path: string;
  lastmod?: string;
}

/** Characters XML 1.0 forbids anywhere, even escaped: C0 controls but tab/LF/CR, U+FFFE/F, lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const stripNonXml = (s: string): string => s.replace(NOT_XML, '');

/** Text or attribute value for hand-written XML (and HTML): `& < > " '` escaped, forbidden characters dropped. */
export const escapeXml = (s: string): string =>
  stripNonXml(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Plain text as HTML (for the HTML-typed fields of feeds). */
export const escapeHtml = (s: string): string => stripNonXml(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TAG = /<[A-Za-z][^>]*>/g;
const URL_ATTR = /(\s(?:src|href|srcset)\s*=\s*)(["'])([^"']*)\2/gi;

/**
 * Makes root-relative `src`, `href` and `srcset` values absolute (`/media/a.jpg` →
 * `https://site/media/a.jpg`); protocol-relative (`//host/…`), absolute and fragment URLs are left
 * alone. Works on tags only, so text that merely looks like an attribute is untouched. The body is
 * sanitize-html output: attribute values are quoted and `>` inside them is escaped.
 *
 * @example absolutizeHtml('<img src="/media/a.jpg">', 'https://news.example') // '<img src="https://news.example/media/a.jpg">'
 */
export function absolutizeHtml(html: string, siteUrl: string): string {
  const base = siteUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const fix = (url: string): string => (url.startsWith('/') && !url.startsWith('//') ? base + url : url);
  return html.replace(TAG, (tag) =>
    tag.replace(URL_ATTR, (_m, head: string, quote: string, value: string) => {
      const isSrcset = /srcset/i.test(head);
      const next = isSrcset
        ? value
            .split(',')
            .map((candidate) => candidate.replace(/^(\s*)(\S+)/, (_c, space: string, url: string) => space + fix(url)))
            .join(',')
        : fix(value.trim());
      return `${head}${quote}${next}${quote}`;
    }),
  );
}

/** The featured image as feeds carry it: about 960px wide, in the original format, absolute. */
export function feedImage(row: MediaRow, siteUrl: string): FeedImage {
  const original = formatOfMime(row.mime);
  const sizes = derivativesOf(row)
    .filter((d) => d.format === original)
    .sort((a, b) => a.width - b.width);
  const pick = sizes.find((d) => d.width >= 960) ?? sizes.at(-1);
  return {
    url: siteUrl + mediaUrl(pick?.path ?? row.path),
    mime: row.mime,
    width: pick?.width ?? row.width,
    height: pick?.height ?? row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
  };
}

/** ISO-8601 in one shape whatever the database returned (`…Z` or `….000Z`). */
export const isoOf = (value: string): string => new Date(value).toISOString();
