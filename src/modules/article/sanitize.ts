/**
 * @module modules/article/sanitize
 * The HTML allow-list for article bodies (editor output and imported posts). Everything stored in
 * posts.body_html has passed through here. Images are our own media only: an `<img>` or a srcset
 * candidate on another host is dropped (our CSP would block it on pages, and full-text feeds would
 * send readers' feed apps to it: a tracking pixel). What was dropped is listed for the editor by
 * modules/article/remote-images.
 */
import { isLanguageTag } from '../../lib/direction.js';
import sanitizeHtml from 'sanitize-html';
import { GALLERY_COLUMNS } from './document.js';

/** A path on this site ("/media/…"), never another host ("//host", "/\\host", "https:"). */
export const isLocalImageSrc = (src: string | undefined): boolean => {
  const v = (src ?? '').trim();
  return v.startsWith('/') && !/^\/[/\\]/.test(v);
};

/** A srcset's candidates ("a.jpg 480w, b.jpg 960w"): each as written and its URL. */
export const srcsetCandidates = (srcset: string | undefined): { text: string; url: string }[] =>
  (srcset ?? '')
    .split(/,(?=\s*\S)/)
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((text) => ({ text, url: text.split(/\s+/)[0]! }));

/** The srcset candidates on this site, or undefined when none is. */
function localSrcset(srcset: string | undefined): string | undefined {
  const kept = srcsetCandidates(srcset).filter((c) => isLocalImageSrc(c.url));
  return kept.length ? kept.map((c) => c.text).join(', ') : undefined;
}

/** An element's attributes with remote image URLs taken out, in their order (src dropped: the filter removes the img). */
function ownImagesOnly(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const [k, v] of Object.entries(attribs)) {
    if (k === 'src') {
      if (isLocalImageSrc(v)) kept[k] = v;
    } else if (k === 'srcset') {
      const set = localSrcset(v);
      if (set !== undefined) kept[k] = set;
    } else kept[k] = v;
  }
  return { tagName, attribs: kept };
}

/** A footnote's id or its reference's: fn-1, fnref-1 (import/wordpress numbers them). */
export const FOOTNOTE_ID = /^fn(ref)?-\d{1,4}$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'code',
    'pre',
    'sub',
    'sup',
    'mark',
    'small',
    'abbr',
    'a',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'hr',
    'blockquote',
    'cite',
    'footer',
    'q',
    'figure',
    'figcaption',
    'picture',
    'source',
    'img',
    'time',
    'span',
    'bdi',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'details',
    'summary',
  ],
  allowedAttributes: {
    // A passage in another language or script than the article keeps its own direction.
    '*': ['dir', 'lang'],
    bdi: ['class'],
    a: ['href', 'rel', 'title', 'hreflang', 'class', 'aria-label'],
    img: ['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'loading', 'decoding'],
    source: ['type', 'srcset', 'sizes'],
    blockquote: ['cite', 'class'],
    figure: ['class'],
    figcaption: ['class'],
    span: ['class'],
    time: ['datetime'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'reversed', 'class'],
    // Footnotes link both ways: the reference and the note carry ids (fn-N, fnref-N only, below).
    sup: ['class', 'id'],
    li: ['id'],
    details: ['open'],
  },
  allowedClasses: {
    figure: [
      'figure',
      'figure--center',
      'figure--wide',
      'figure--left',
      'figure--right',
      'figure--portrait',
      'figure--sized',
      'quote-card',
      'gallery',
      'gallery__item',
      ...Array.from({ length: GALLERY_COLUMNS.max }, (_, i) => `gallery--cols-${i + 1}`),
    ],
    figcaption: ['gallery__caption'],
    blockquote: ['quote', 'pullquote'],
    span: ['figure__credit', 'quote-card__author', 'quote-card__handle', 'quote-card__network', 'shortcode'],
    bdi: ['quote-card__author', 'quote-card__handle'],
    a: ['quote-card__link', 'quote__person', 'figure__person', 'footnote-back'],
    sup: ['fn'],
    ol: ['footnotes'],
  },
  // Void elements must not get an end tag (`<source></source>` is invalid HTML).
  selfClosing: ['img', 'br', 'hr', 'source', 'wbr'],
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    // dir only as HTML defines it (ltr, rtl, auto); lang only as a language tag.
    '*': (tagName, attribs) => {
      const { dir, lang, id, ...rest } = attribs;
      const d = dir?.trim().toLowerCase();
      return {
        tagName,
        attribs: {
          ...rest,
          ...(d === 'ltr' || d === 'rtl' || d === 'auto' ? { dir: d } : {}),
          ...(lang && isLanguageTag(lang) ? { lang } : {}),
          // The only ids a body has: footnotes' (fn-3 on the note, fnref-3 on its reference).
          ...(id && FOOTNOTE_ID.test(id) ? { id } : {}),
        },
      };
    },
    img: ownImagesOnly,
    source: ownImagesOnly,
    // Links leaving the site never get the opener; rel from the source is replaced, not trusted.
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      const rel = external ? (attribs.rel?.includes('nofollow') ? 'nofollow noopener' : 'noopener') : undefined;
      const { rel: _ignored, ...rest } = attribs;
      return { tagName, attribs: rel ? { ...rest, rel } : rest };
    },
  },
  exclusiveFilter: (frame) => (frame.tag === 'img' && !frame.attribs.src) || (frame.tag === 'source' && !frame.attribs.srcset),
};

/**
 * What readers get: the same, and an imported shortcode no plugin here understands
 * (`<span class="shortcode">[poll id=3]</span>`, kept in the stored document for an editor to fix)
 * taken out with its text.
 */
const READER_OPTIONS: sanitizeHtml.IOptions = {
  ...OPTIONS,
  exclusiveFilter: (frame) => OPTIONS.exclusiveFilter!(frame) || (frame.tag === 'span' && (frame.attribs.class ?? '').split(/\s+/).includes('shortcode')),
};

/** The body as readers see it: sanitised, unknown shortcodes taken out (modules/article/render). */
export function sanitizeForReaders(html: string): string {
  return sanitizeHtml(html, READER_OPTIONS);
}

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
