/**
 * @module import/wordpress/text
 * Small conversions of WordPress values: plain text from HTML, slugs, dates, old paths.
 */
import sanitizeHtml from 'sanitize-html';
import { SLUG_PATTERN, slugify } from '../../modules/article/article.js';
import { decodeEntities } from '../html-tree.js';

/** Text of an HTML fragment (titles, excerpts): tags out, entities decoded, spaces collapsed. */
export const plainText = (html: string): string =>
  decodeEntities(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim();

/** A WordPress slug (often percent-encoded for non-Latin scripts) as one of ours, or '' if none can be made. */
export function slugOf(raw: string, fallbackText = ''): string {
  let s = raw.trim();
  try {
    s = decodeURIComponent(s);
  } catch {
    // Not percent-encoded after all.
  }
  s = s.toLowerCase();
  if (SLUG_PATTERN.test(s)) return s;
  const made = slugify(s) || slugify(fallbackText);
  return SLUG_PATTERN.test(made) ? made : '';
}

/** "2013-01-11 20:22:19" (GMT or local) → ISO; undefined for WordPress' zero date or garbage. */
export function wpDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m || m[1] === '0000') return undefined;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The path of a URL of the old site, decoded, with a trailing slash; undefined for `/?p=` style links. */
export function oldPath(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.search || u.pathname === '/' || u.pathname === '') return undefined;
    let p = decodeURI(u.pathname);
    if (!p.endsWith('/') && !/\.[a-z0-9]{2,5}$/i.test(p)) p += '/';
    return p.length <= 1000 ? p : undefined;
  } catch {
    return undefined;
  }
}

/** A stable id of the exported site: its blog URL, lowercased, without a trailing slash. */
export function sourceId(...candidates: string[]): string {
  for (const c of candidates) {
    const v = c.trim().toLowerCase().replace(/\/+$/, '');
    if (v) return v.slice(0, 200);
  }
  return 'wordpress';
}
