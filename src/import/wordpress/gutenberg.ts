/**
 * @module import/wordpress/gutenberg
 * Block-editor content: the `<!-- wp:name {attrs} -->…<!-- /wp:name -->` delimiters read into a
 * tree, then each block turned into HTML our converter understands (figures, quotes, quote cards,
 * links for embeds). Dynamic blocks (latest posts, search, calendars…) have no content of their
 * own and are dropped, and named so the report can list them.
 */
import { escapeHtml } from '../html-tree.js';
import { alignOf, galleryColumns, galleryHtml } from './shortcodes.js';

export interface GutenbergBlock {
  name: string;
  attrs: Record<string, unknown>;
  children: (GutenbergBlock | string)[];
}

const DELIMITER = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)\s+(?:(\{[\s\S]*?\})\s+)?(\/)?-->/g;

export const hasBlocks = (content: string): boolean => content.includes('<!-- wp:');

/** Splits content into freeform HTML strings and blocks; unbalanced delimiters become text. */
export function parseBlocks(content: string): (GutenbergBlock | string)[] {
  const root: GutenbergBlock = { name: '#root', attrs: {}, children: [] };
  const stack: GutenbergBlock[] = [root];
  let last = 0;
  for (const m of content.matchAll(DELIMITER)) {
    const top = stack.at(-1)!;
    if (m.index > last) top.children.push(content.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[2]!.replace(/^core\//, '');
    if (m[1]) {
      const at = stack.map((b) => b.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    let attrs: Record<string, unknown> = {};
    try {
      const parsed: unknown = m[3] ? JSON.parse(m[3]) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) attrs = parsed as Record<string, unknown>;
    } catch {
      // Broken attributes: keep the block's content, forget its settings.
    }
    const block: GutenbergBlock = { name, attrs, children: [] };
    top.children.push(block);
    if (!m[4]) stack.push(block);
  }
  if (last < content.length) stack.at(-1)!.children.push(content.slice(last));
  return root.children;
}

/** Blocks whose output WordPress computes at view time: nothing to import. */
const DYNAMIC =
  /^(latest-posts|latest-comments|archives|calendar|categories|tag-cloud|rss|search|page-list|navigation|loginout|site-(title|tagline|logo)|query.*|post-(?!s$).*|comment.*|comments.*|avatar|read-more|term-description|social-link|social-links|legacy-widget|widget-group|template-part|home-link)$/;
const SOCIAL = /^(twitter|x|instagram|facebook|mastodon|tiktok|bluesky|threads|tumblr)$/;

export interface BlockContext {
  /** HTML for an embedded URL (quote card or link). */
  embed(url: string, caption: string): string;
  /** Freeform (classic) HTML: paragraphs added. */
  freeform(html: string): string;
  /** Names of dropped dynamic blocks, collected for the report. */
  dropped: Set<string>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const captionOf = (html: string): string => /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(html)?.[1] ?? '';

/** A gallery block's own caption: a figcaption right before the gallery's closing tag (WordPress 5 and 6). */
const GALLERY_CAPTION = /<figcaption[^>]*\bblocks-gallery-caption\b[^>]*>([\s\S]*?)<\/figcaption>\s*<\/figure>\s*$/i;

/** All images of a gallery with their own captions, as our figures. */
function galleryFigures(inner: string): string {
  const out: string[] = [];
  const parts = inner.split(/(?=<img\b)/i).slice(1);
  for (const part of parts) {
    const img = /^<img\b[^>]*>/i.exec(part)?.[0] ?? '';
    const next = part.indexOf('<img', 1);
    const own = next > 0 ? part.slice(0, next) : part;
    const cap =
      /<figcaption[^>]*class="[^"]*(?:blocks-gallery-item__caption|wp-element-caption)[^"]*"[^>]*>([\s\S]*?)<\/figcaption>/i.exec(own)?.[1] ??
      /^<img\b[^>]*>(?:\s*<\/a>)?\s*<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(own)?.[1] ??
      '';
    out.push(`\n\n<figure class="figure figure--center">${img}${cap.trim() ? `<figcaption>${cap}</figcaption>` : ''}</figure>\n\n`);
  }
  return out.join('');
}

/** Renders a block tree to HTML for the converter. */
export function renderBlocks(nodes: (GutenbergBlock | string)[], ctx: BlockContext): string {
  return nodes.map((n) => (typeof n === 'string' ? ctx.freeform(n) : renderBlock(n, ctx))).join('\n\n');
}

function renderBlock(b: GutenbergBlock, ctx: BlockContext): string {
  const inner = (): string => b.children.map((c) => (typeof c === 'string' ? c : renderBlock(c, ctx))).join('');
  const name = b.name;
  if (DYNAMIC.test(name)) {
    ctx.dropped.add(name);
    return '';
  }
  switch (name) {
    case 'image': {
      const html = inner();
      const align = alignOf(str(b.attrs.align));
      const img = /<img\b[^>]*>/i.exec(html)?.[0];
      if (!img) return html;
      const cap = captionOf(html);
      return `<figure class="figure figure--${align}">${img}${cap.trim() ? `<figcaption>${cap}</figcaption>` : ''}</figure>`;
    }
    case 'gallery': {
      // The gallery's own caption (the last figcaption, right before the gallery's end) is taken
      // out first, so it is never read as its last image's caption; it goes under the gallery, once.
      const html = inner();
      const own = GALLERY_CAPTION.exec(html);
      const figures = galleryFigures(own ? html.slice(0, own.index) : html);
      const count = (figures.match(/<figure\b/g) ?? []).length;
      return figures ? galleryHtml(figures, galleryColumns(b.attrs.columns as number | undefined, Math.min(3, Math.max(1, count))), own?.[1] ?? '') : '';
    }
    case 'quote':
    case 'pullquote': {
      const html = inner()
        .replace(/^\s*<figure[^>]*>\s*/i, '')
        .replace(/\s*<\/figure>\s*$/i, '');
      return html.replace(/^\s*<blockquote\b[^>]*>/i, `<blockquote class="${name === 'pullquote' ? 'pullquote' : 'quote'}">`);
    }
    case 'embed':
    case 'video':
    case 'audio':
    case 'file': {
      const html = inner();
      const url =
        str(b.attrs.url) ||
        (/<div class="wp-block-embed__wrapper">\s*([^<\s]+)\s*<\/div>/i.exec(html)?.[1] ?? '') ||
        (/\bsrc="([^"]+)"/i.exec(html)?.[1] ?? '') ||
        (/\bhref="([^"]+)"/i.exec(html)?.[1] ?? '');
      if (!url) return '';
      if (name === 'embed') return ctx.embed(url, captionOf(html));
      const label = name === 'video' ? 'Video' : name === 'audio' ? 'Audio' : 'File';
      const fileName = url.split('?')[0]!.split('/').pop() ?? url;
      const cap = captionOf(html);
      return `<p><a href="${escapeHtml(url)}">${label}: ${escapeHtml(fileName)}</a></p>${cap.trim() ? `<p>${cap}</p>` : ''}`;
    }
    case 'cover': {
      // A cover (an image with words set on it): the image as a figure, the words as its caption;
      // a cover of colour only keeps its words.
      const html = inner();
      const img = /<img\b[^>]*>/i.exec(html)?.[0];
      const words = html
        .replace(/<img\b[^>]*>/gi, '')
        .replace(/<\/(p|h[1-6]|li)>/gi, ' ')
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (!img) return html;
      const given = str(b.attrs.align);
      const align = alignOf(given === '' || given === 'full' ? 'wide' : given);
      return `<figure class="figure figure--${align}">${img}${words ? `<figcaption>${words}</figcaption>` : ''}</figure>`;
    }
    // A page break: one page now, its pages divided by a rule (/{slug}/2/ answers with it).
    case 'nextpage':
      return '<hr>';
    case 'more':
    case 'spacer':
      return '';
    case 'freeform':
      return ctx.freeform(inner());
    default:
      if (name.startsWith('core-embed/')) {
        const html = inner();
        const url = str(b.attrs.url) || (/<div class="wp-block-embed__wrapper">\s*([^<\s]+)\s*<\/div>/i.exec(html)?.[1] ?? '');
        return url ? ctx.embed(url, captionOf(html)) : '';
      }
      // Layout blocks (group, columns, cover, media-text…): their content, in order.
      return b.children.map((c) => (typeof c === 'string' ? c : `\n\n${renderBlock(c, ctx)}\n\n`)).join('');
  }
}

export const isSocialProvider = (slug: string): boolean => SOCIAL.test(slug);
