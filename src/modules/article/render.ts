/**
 * @module modules/article/render
 * The one renderer from the structured document to HTML. Its output always goes through
 * sanitizeArticleHtml() before it is stored, so a bug here cannot become an XSS hole.
 */
import type { MediaRow } from '../../db/schema.js';
import { clipText, escapeHtml, htmlText, unescapeHtml } from '../../lib/html.js';
import { responsiveImage } from '../media/media.js';
import { figuresOf, GALLERY_COLUMNS, mapFigures, type ArticleDocument, type Block, type Figure, type Inline, type Mark } from './document.js';
import { sanitizeArticleHtml, sanitizeForReaders } from './sanitize.js';
import { formatDate, type DateFormat } from '../../lib/dates.js';

export interface RenderContext {
  /** Media rows referenced by figures, keyed by id. */
  media: Map<number, MediaRow>;
  /** People quotations and figures are attributed to, keyed by id (none: no links). */
  people?: ReadonlyMap<number, { slug: string; name: string }>;
  /** Language of the article, for dates in quote cards. */
  lang: string;
}

const esc = escapeHtml;

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;
const safeHref = (href: string | undefined): string | undefined => (href && SAFE_URL.test(href.trim()) ? href.trim() : undefined);

/** Each figure's rendered width (article.css): the 60rem wide column, the 40rem text column, 45% of it beside the text, a 22.5rem portrait. */
const SIZES: Record<string, string> = {
  wide: '(min-width: 1008px) 960px, (min-width: 768px) calc(100vw - 48px), calc(100vw - 32px)',
  center: '(min-width: 688px) 640px, calc(100vw - 32px)',
  left: '(min-width: 768px) 288px, calc(100vw - 32px)',
  right: '(min-width: 768px) 288px, calc(100vw - 32px)',
  portrait: '(min-width: 392px) 360px, calc(100vw - 32px)',
};

function renderMarks(textHtml: string, marks: Mark[] | undefined): string {
  let out = textHtml;
  for (const m of marks ?? []) {
    if (m.type === 'bold') out = `<strong>${out}</strong>`;
    else if (m.type === 'italic') out = `<em>${out}</em>`;
    else if (m.type === 'code') out = `<code>${out}</code>`;
    else if (m.type === 'link') {
      const href = safeHref(m.attrs?.href);
      if (href) out = `<a href="${esc(href)}">${out}</a>`;
    }
  }
  return out;
}

const renderInline = (nodes: Inline[] | undefined): string =>
  (nodes ?? []).map((n) => (n.type === 'hardBreak' ? '<br>' : renderMarks(esc(n.text), n.marks))).join('');

const formatPostDate = (iso: string, lang: string, o: DateFormat = {}): string =>
  formatDate(iso, lang, { timeZone: o.timeZone ?? 'UTC', style: o.style === 'iso' ? 'iso' : 'medium' });

// A social-post card's date: its <time> (the body holds no other markup between them and the figure's end).
const QUOTE_CARD_TIME = /(<figure class="quote-card">(?:(?!<\/figure>)[\s\S])*?<time datetime=")([^"]+)(">)[^<]*(<\/time>)/g;

/**
 * Rewrites the dates of social-post cards in a stored body for the site's time zone and date
 * style as they are now (the body is stored once; the settings may change after): a post made at
 * 23:30 UTC is dated the next day in Berlin. Other <time> elements (imported content) are left
 * as written.
 * @example withQuoteCardDates(html, 'en', { timeZone: 'Europe/Berlin', style: 'long' })
 */
export function withQuoteCardDates(html: string, lang: string, o: DateFormat): string {
  if (!html.includes('<figure class="quote-card">')) return html;
  return html.replace(QUOTE_CARD_TIME, (whole, open: string, iso: string, mid: string, close: string) => {
    const label = formatPostDate(iso, lang, o);
    return label ? `${open}${iso}${mid}${escapeHtml(label)}${close}` : whole;
  });
}

function renderBlock(block: Block, ctx: RenderContext): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${renderInline(block.content)}</p>`;
    case 'heading':
      return `<h${block.attrs.level}>${renderInline(block.content)}</h${block.attrs.level}>`;
    case 'blockquote': {
      const inner = block.content.map((c) => renderBlock(c, ctx)).join('');
      const person = block.attrs?.personId !== undefined ? ctx.people?.get(block.attrs.personId) : undefined;
      const citation = block.attrs?.citation ? esc(block.attrs.citation) : '';
      // The citation as written, linked to the page of the person who said it.
      const cited = person ? `<a class="quote__person" href="${esc(personHref(person.slug))}">${citation || esc(person.name)}</a>` : citation;
      const cite = cited ? `<footer><cite>${cited}</cite></footer>` : '';
      // The class says which it is: a quotation is set at body size, a pull quote large (article.css).
      // A quotation (or a caption) may be in another language than the article: its own direction.
      return `<blockquote class="${block.attrs?.kind === 'pull' ? 'pullquote' : 'quote'}" dir="auto">${inner}${cite}</blockquote>`;
    }
    case 'bulletList':
    case 'orderedList': {
      const tag = block.type === 'bulletList' ? 'ul' : 'ol';
      return `<${tag}>${block.content.map((li) => `<li>${li.content.map((c) => renderBlock(c, ctx)).join('')}</li>`).join('')}</${tag}>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'figure':
      return renderFigure(block, ctx);
    case 'gallery': {
      const columns = Math.min(GALLERY_COLUMNS.max, Math.max(GALLERY_COLUMNS.min, block.attrs.columns));
      const items = block.content.map((f) => renderFigure(f, ctx, columns)).join('');
      if (!items) return '';
      const caption = block.attrs.caption ? `<figcaption class="gallery__caption" dir="auto">${esc(block.attrs.caption)}</figcaption>` : '';
      return `<figure class="gallery gallery--cols-${columns}">${items}${caption}</figure>`;
    }
    case 'quoteCard': {
      const q = block.attrs;
      const url = safeHref(q.url);
      const paragraphs = q.text
        .split(/\n{2,}/)
        .map((t) => `<p>${esc(t).replace(/\n/g, '<br>')}</p>`)
        .join('');
      const label = formatPostDate(q.date, ctx.lang);
      const time = label ? `<time datetime="${esc(new Date(q.date).toISOString())}">${esc(label)}</time>` : '';
      const when = url && time ? `<a class="quote-card__link" href="${esc(url)}" rel="nofollow noopener">${time}</a>` : time;
      return (
        `<figure class="quote-card"><blockquote${url ? ` cite="${esc(url)}"` : ''} dir="auto">${paragraphs}</blockquote>` +
        `<figcaption><bdi class="quote-card__author">${esc(q.author)}</bdi> <bdi class="quote-card__handle">${esc(q.handle)}</bdi>` +
        `${q.network ? ` <span class="quote-card__network">${esc(q.network)}</span>` : ''}${when ? ` ${when}` : ''}</figcaption></figure>`
      );
    }
    case 'html':
      // Sanitised here and again with the whole body: an html block is never trusted.
      return sanitizeArticleHtml(block.attrs.html);
    default:
      return '';
  }
}

/**
 * One figure: the image in every format we hold, sized for where it is shown, its caption and
 * credit under it. `columns`: a gallery's image, one cell of a grid that many wide (two on a
 * narrow screen, article.css).
 */
function renderFigure(block: Figure, ctx: RenderContext, columns?: number): string {
  const row = ctx.media.get(block.attrs.mediaId);
  if (!row) return '';
  // An empty figure text means "the library's" (the admin form sends every attr, empty or not).
  const img = responsiveImage(row, block.attrs.alt || row.alt);
  const portrait = row.height > row.width;
  const align = block.attrs.align ?? 'center';
  // An image placed at a size of its own is shown at most that wide; its file at that width.
  const own = block.attrs.width !== undefined && block.attrs.width < img.width ? block.attrs.width : undefined;
  const sizes =
    columns !== undefined
      ? gallerySizes(columns)
      : own !== undefined
        ? `${own}px`
        : portrait && align === 'center'
          ? SIZES.portrait!
          : (SIZES[align] ?? SIZES.center!);
  const caption = block.attrs.caption || row.caption;
  const credit = block.attrs.credit || row.credit;
  const source =
    (img.avifSrcset ? `<source type="image/avif" srcset="${esc(img.avifSrcset)}" sizes="${sizes}">` : '') +
    (img.webpSrcset ? `<source type="image/webp" srcset="${esc(img.webpSrcset)}" sizes="${sizes}">` : '');
  const srcset = img.srcset ? ` srcset="${esc(img.srcset)}" sizes="${sizes}"` : '';
  const person = block.attrs.personId !== undefined ? ctx.people?.get(block.attrs.personId) : undefined;
  const figcaption =
    caption || credit
      ? `<figcaption dir="auto">${person ? linkName(caption, person) : esc(caption)}${credit ? ` <span class="figure__credit" dir="auto">${esc(credit)}</span>` : ''}</figcaption>`
      : '';
  const width = own ?? img.width;
  const height = own !== undefined ? Math.max(1, Math.round((img.height * own) / img.width)) : img.height;
  const cls =
    columns !== undefined
      ? 'figure gallery__item'
      : `figure figure--${align}${portrait ? ' figure--portrait' : ''}${own !== undefined ? ' figure--sized' : ''}`;
  return `<figure class="${cls}"><picture>${source}<img src="${esc(img.src)}"${srcset} width="${width}" height="${height}" alt="${esc(img.alt)}" loading="lazy" decoding="async"></picture>${figcaption}</figure>`;
}

/** A gallery cell's rendered width: the 40rem text column in `columns`, two columns below 600 px (article.css). */
function gallerySizes(columns: number): string {
  const narrow = Math.min(columns, 2);
  return `(min-width: 688px) ${Math.ceil(640 / columns)}px, (min-width: 600px) calc((100vw - 32px) / ${columns}), calc((100vw - 32px) / ${narrow})`;
}

const personHref = (slug: string): string => `/people/${slug}/`;

/**
 * A caption with the person's name in it linked to their page, the words as written ("Maria Lind,
 * harbour master"); a caption that does not name them is left as it is.
 */
function linkName(caption: string, person: { slug: string; name: string }): string {
  const at = person.name ? caption.toLowerCase().indexOf(person.name.toLowerCase()) : -1;
  if (at < 0) return esc(caption);
  const end = at + person.name.length;
  return `${esc(caption.slice(0, at))}<a class="figure__person" href="${esc(personHref(person.slug))}">${esc(caption.slice(at, end))}</a>${esc(caption.slice(end))}`;
}

/** People ids a document's quotations and figures are attributed to. */
export function referencedPersonIds(doc: ArticleDocument): number[] {
  const out = new Set<number>();
  for (const b of doc.content) if (b.type === 'blockquote' && b.attrs?.personId !== undefined) out.add(b.attrs.personId);
  for (const f of figuresOf(doc)) if (f.attrs.personId !== undefined) out.add(f.attrs.personId);
  return [...out];
}

/**
 * The document with `personId` attributions moved to `into` (a merge), or dropped (a deletion):
 * the words, citations and captions stay.
 */
export function withoutPerson(doc: ArticleDocument, personId: number, into?: number): ArticleDocument {
  const moved = mapFigures(doc, (f) => {
    if (f.attrs.personId !== personId) return f;
    const { personId: _, ...rest } = f.attrs;
    return { ...f, attrs: into !== undefined ? { ...rest, personId: into } : rest };
  });
  const content = moved.content.map((b): Block => {
    if (b.type === 'blockquote' && b.attrs?.personId === personId) {
      const { personId: _, ...rest } = b.attrs;
      const attrs = into !== undefined ? { ...rest, personId: into } : rest;
      return Object.keys(attrs).length ? { ...b, attrs } : { type: 'blockquote', content: b.content };
    }
    return b;
  });
  return { ...doc, content };
}

/** Media ids a document refers to, so callers can load them in one query. */
export function referencedMediaIds(doc: ArticleDocument): number[] {
  return figuresOf(doc).map((f) => f.attrs.mediaId);
}

/** Renders and sanitises; the result is what posts.body_html stores. */
export function renderDocument(doc: ArticleDocument, ctx: RenderContext): string {
  return sanitizeForReaders(doc.content.map((b) => renderBlock(b, ctx)).join('\n'));
}

/** Plain text of a document, for word counts, excerpts and search. */
export function documentText(doc: ArticleDocument): string {
  const parts: string[] = [];
  const walk = (b: Block): void => {
    if (b.type === 'paragraph' || b.type === 'heading') parts.push((b.content ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join(''));
    else if (b.type === 'blockquote') b.content.forEach(walk);
    else if (b.type === 'bulletList' || b.type === 'orderedList') for (const li of b.content) li.content.forEach(walk);
    else if (b.type === 'quoteCard') parts.push(b.attrs.text);
    else if (b.type === 'figure' && b.attrs.caption) parts.push(b.attrs.caption);
    else if (b.type === 'gallery') {
      b.content.forEach(walk);
      if (b.attrs.caption) parts.push(b.attrs.caption);
    } else if (b.type === 'html') parts.push(htmlText(b.attrs.html));
  };
  doc.content.forEach(walk);
  return parts.join('\n');
}

export { countWords, readingMinutes } from '../../lib/words.js';

/**
 * The first paragraph's words of a stored body (renderDocument's output), for a description when
 * the article has no standfirst: at most `max` characters, cut at a word. '' when it has none.
 */
export function firstParagraphText(bodyHtml: string, max = 200): string {
  for (const m of bodyHtml.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)) {
    const text = htmlText(m[1]!);
    if (text) return clipText(text, max);
  }
  return '';
}

/**
 * The first figure's image of a stored body, as a file to share (og:image): the largest JPEG or
 * PNG of its srcset up to 1,600 px wide, with that file's size (from the image's proportions; a
 * body whose only images are shown at a size of their own may be a pixel off in height).
 */
export function firstBodyImage(bodyHtml: string): { url: string; width: number; height: number; alt: string } | undefined {
  // An image shown at a size of its own carries that size, not its file's proportions exactly: another first, if any.
  const figures = [...bodyHtml.matchAll(/<figure class="(figure[^"]*)"><picture>(?:<source[^>]*>)*(<img\b[^>]*>)/g)];
  const tag = (figures.find((m) => !m[1]!.includes('figure--sized')) ?? figures[0])?.[2];
  if (!tag) return undefined;
  const attr = (name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const width = Number(attr('width'));
  const height = Number(attr('height'));
  const src = attr('src');
  if (!src || !(width > 0) || !(height > 0)) return undefined;
  const candidates = (attr('srcset') ?? '')
    .split(',')
    .map((c) => c.trim().split(/\s+/))
    .map(([url, w]) => ({ url: url ?? '', w: Number((w ?? '').replace(/w$/, '')) }))
    .filter((c) => c.url && c.w > 0 && c.w <= 1600)
    .sort((a, b) => b.w - a.w);
  const best = candidates[0];
  const alt = unescapeHtml(attr('alt') ?? '');
  if (!best) return { url: unescapeHtml(src), width, height, alt };
  return { url: unescapeHtml(best.url), width: best.w, height: Math.round((height * best.w) / width), alt };
}
