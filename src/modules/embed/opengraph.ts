/**
 * @module modules/embed/opengraph
 * What a post's page says about itself in its <head>: the OpenGraph title, description and
 * publication time (Mastodon, Threads, Instagram, Facebook pages carry them for link previews),
 * and the first <time datetime> of the page when no meta dates it. Read with htmlparser2's
 * streaming parser: nothing is built but the few values kept, and scripts are never run or read.
 *
 * @example
 * readOpenGraph('<meta property="og:title" content="Ana (@ana@mastodon.social)">').title // 'Ana (@ana@mastodon.social)'
 */
import { Parser } from 'htmlparser2';

export interface PageMeta {
  title?: string;
  description?: string;
  siteName?: string;
  /** article:published_time (or og:published_time, Mastodon's), else the page's first <time datetime>. */
  published?: string;
}

/** Meta names read, in order of preference for each field. */
const FIELDS: Readonly<Record<keyof PageMeta, readonly string[]>> = {
  title: ['og:title', 'twitter:title'],
  description: ['og:description', 'twitter:description', 'description'],
  siteName: ['og:site_name'],
  published: ['article:published_time', 'og:published_time', 'og:article:published_time'],
};

export function readOpenGraph(html: string): PageMeta {
  const meta = new Map<string, string>();
  let time: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? '').trim().toLowerCase();
          const value = attrs.content;
          if (key && value !== undefined && !meta.has(key)) meta.set(key, value);
        } else if (name === 'time' && time === undefined && attrs.datetime) time = attrs.datetime;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const first = (keys: readonly string[]): string | undefined => keys.map((k) => meta.get(k)?.trim()).find((v) => v);
  const out: PageMeta = {};
  for (const field of ['title', 'description', 'siteName'] as const) {
    const v = first(FIELDS[field]);
    if (v) out[field] = v;
  }
  const published = first(FIELDS.published) ?? time?.trim();
  if (published) out.published = published;
  return out;
}
