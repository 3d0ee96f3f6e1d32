/**
 * @module modules/article/hashtags
 * Hashtags in quoted social posts (the `figure.quote-card` the renderer makes) and the links to the
 * site's tag pages made of them. The link is made when a page is built, not when the body is saved
 * (see docs/architecture.md, "Hashtags"): body_html keeps the words as the post had them, the page
 * asks which of its hashtags name a tag today, and carries a cache tag per hashtag so that creating,
 * renaming, merging or deleting a tag purges exactly the pages whose hashtags it matches.
 *
 * A hashtag is `#` and up to 100 letters, digits, marks, underscores or zero-width non-joiners
 * (Persian `#می‌خواهم`), with at least one letter, not preceded by a letter, digit, `&`, `#` or `/`
 * (so `&#39;`, `a#b` and `example.com/#top` are not hashtags). Only text inside a quote card's
 * quotation and outside any link or code is read.
 *
 * @example
 * hashtagsIn(html)                                  // ['Budget', 'ایران']
 * linkHashtags(html, (h) => (h === 'Budget' ? { slug: 'budget' } : undefined))
 */
import { escapeHtml } from '../../lib/html.js';
import { slugify } from './article.js';
import { tagPath } from './permalink.js';

/** Most distinct hashtags one article links (and carries cache tags for); later ones stay text. */
export const MAX_HASHTAGS = 100;
const MAX_LENGTH = 100;

const HASHTAG = /(^|[^\p{L}\p{N}\p{M}_&#/\u200c])#([\p{L}\p{N}\p{M}_\u200c]+)/gu;
const HAS_LETTER = /\p{L}/u;

/** How a hashtag is compared with tag names: `#Budget`, `#BUDGET` and `#budget` are one. */
export const hashtagKey = (name: string): string => name.normalize('NFKC').toLowerCase();
/** The tag slug a hashtag stands for (`#climate_change` → climate-change). */
export const hashtagSlug = (name: string): string => slugify(name);

const isHashtag = (name: string): boolean => name.length <= MAX_LENGTH && HAS_LETTER.test(name) && hashtagSlug(name) !== '';

/**
 * Calls `onText` with each run of text a hashtag may be read from (inside a quote card's
 * blockquote, outside links and code) and puts back what it returns; other text and every tag
 * are copied unchanged. The HTML is body_html: sanitiser output, so tags are well formed and
 * text holds no raw `<`.
 */
function mapQuotedText(html: string, onText: (text: string) => string): string {
  let figures = 0;
  let cardAt = -1;
  let quotes = 0;
  let links = 0;
  let code = 0;
  let out = '';
  for (const part of html.split(/(<[^>]*>)/)) {
    if (part.startsWith('<')) {
      const m = /^<(\/?)([a-z0-9]+)/i.exec(part);
      const closing = m?.[1] === '/';
      const name = m?.[2]?.toLowerCase();
      const step = closing ? -1 : 1;
      if (name === 'figure') {
        if (!closing && cardAt < 0 && /\bclass="[^"]*\bquote-card\b/.test(part)) cardAt = figures;
        figures += step;
        if (closing && figures <= cardAt) cardAt = -1;
      } else if (name === 'blockquote') quotes = Math.max(0, quotes + (cardAt >= 0 ? step : 0));
      else if (name === 'a') links = Math.max(0, links + step);
      else if (name === 'code' || name === 'pre') code = Math.max(0, code + step);
      out += part;
    } else out += part && cardAt >= 0 && quotes > 0 && links === 0 && code === 0 ? onText(part) : part;
  }
  return out;
}

/** The distinct hashtags of the quoted posts in a body, as written, in order (at most MAX_HASHTAGS). */
export function hashtagsIn(html: string): string[] {
  if (!html.includes('quote-card') || !html.includes('#')) return [];
  const seen = new Map<string, string>();
  mapQuotedText(html, (text) => {
    for (const m of text.matchAll(HASHTAG)) {
      const name = m[2]!;
      if (seen.size < MAX_HASHTAGS && isHashtag(name) && !seen.has(hashtagKey(name))) seen.set(hashtagKey(name), name);
    }
    return text;
  });
  return [...seen.values()];
}

/** The tag a hashtag links to. */
export interface HashtagTarget {
  slug: string;
}

/**
 * The body with each hashtag that `target` resolves made a link to that tag's page. Hashtags past
 * the first MAX_HASHTAGS distinct ones stay text, as in hashtagsIn.
 */
export function linkHashtags(html: string, target: (name: string) => HashtagTarget | undefined): string {
  const allowed = new Set(hashtagsIn(html).map(hashtagKey));
  if (allowed.size === 0) return html;
  return mapQuotedText(html, (text) =>
    text.replace(HASHTAG, (whole, before: string, name: string) => {
      const t = allowed.has(hashtagKey(name)) && isHashtag(name) ? target(name) : undefined;
      return t ? `${before}<a class="hashtag" href="${escapeHtml(tagPath(t.slug))}">#${escapeHtml(name)}</a>` : whole;
    }),
  );
}

/** The body with the hashtags that `tags` (by hashtagKey) has linked; unchanged when it has none. */
export const withHashtagLinks = (html: string, tags: ReadonlyMap<string, HashtagTarget> | undefined): string =>
  tags && tags.size > 0 ? linkHashtags(html, (name) => tags.get(hashtagKey(name))) : html;

/**
 * Which of `tags` each hashtag names: the tag whose name is the hashtag's (any case), else the tag
 * whose slug it makes. Keys are hashtagKey(name).
 */
export function matchHashtags<T extends { id: number; name: string; slug: string }>(names: string[], tags: T[]): Map<string, T> {
  const byName = new Map<string, T>();
  const bySlug = new Map<string, T>();
  for (const t of [...tags].sort((a, b) => a.id - b.id)) {
    if (!byName.has(hashtagKey(t.name))) byName.set(hashtagKey(t.name), t);
    bySlug.set(t.slug, t);
  }
  const out = new Map<string, T>();
  for (const n of names) {
    const t = byName.get(hashtagKey(n)) ?? bySlug.get(hashtagSlug(n));
    if (t) out.set(hashtagKey(n), t);
  }
  return out;
}
