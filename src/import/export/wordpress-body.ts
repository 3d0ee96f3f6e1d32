/**
 * @module import/export/wordpress-body
 * An article's body as WordPress' block editor writes it, for the WXR export: images as
 * `wp:image` blocks of the full-size original at its absolute address (`SITE_URL/media/…`), with
 * WordPress' own classes (`wp-image-N` naming the exported attachment, `alignleft`…, `size-full`,
 * `is-resized` and a width for an image placed at a size of its own) and the caption; galleries as
 * `wp:gallery` of such images in their columns; social-post cards as `wp:embed` blocks of the
 * post's address, the post's words and byline as the embed's caption (what a reader sees if
 * WordPress cannot embed it). Paragraphs, headings and rules are blocks too; lists, quotations and
 * raw HTML go as HTML, which the block editor shows as classic blocks.
 *
 * Alongside, `embedAnswers` gives each card as a cached oEmbed answer (`_oembed_…` post meta,
 * quoting the post like X's answer does): WordPress fetches its own, under its own key, but an
 * importer that reads the cache (ours: import/wordpress/oembed-cache) gets the card back whole.
 *
 *   const body = wordpressBody(doc, { media, siteUrl, attachmentId, lang: 'en' });
 */
import { createHash } from 'node:crypto';
import type { MediaRow } from '../../db/schema.js';
import { escapeHtml } from '../../lib/html.js';
import type { ArticleDocument, Block, Figure, QuoteCard } from '../../modules/article/document.js';
import { renderDocument } from '../../modules/article/render.js';
import { absolutizeHtml } from '../../modules/feed/feed.js';
import { mediaUrl } from '../../modules/media/media.js';

export interface WordPressBodyContext {
  media: ReadonlyMap<number, MediaRow>;
  /** Public base URL without trailing slash. */
  siteUrl: string;
  /** The attachment's post id in the export (media share WordPress' post id space). */
  attachmentId: (mediaId: number) => number;
  lang: string;
}

const esc = escapeHtml;
const json = (attrs: Record<string, unknown>): string => (Object.keys(attrs).length ? ` ${JSON.stringify(attrs)}` : '');
const block = (name: string, attrs: Record<string, unknown>, html: string): string => `<!-- wp:${name}${json(attrs)} -->\n${html}\n<!-- /wp:${name} -->`;

/** WordPress' embed providers, by the network a card names (core's slugs). */
const PROVIDER: Record<string, string> = { X: 'twitter', Twitter: 'twitter', Tumblr: 'tumblr', Bluesky: 'bluesky', Mastodon: 'mastodon' };

/** The whole body: blocks separated by blank lines, as WordPress stores post_content. */
export function wordpressBody(doc: ArticleDocument, ctx: WordPressBodyContext): string {
  return doc.content
    .map((b) => blockHtml(b, ctx))
    .filter(Boolean)
    .join('\n\n');
}

function blockHtml(b: Block, ctx: WordPressBodyContext): string {
  switch (b.type) {
    case 'figure':
      return imageBlock(b, ctx, false);
    case 'gallery': {
      const items = b.content.map((f) => imageBlock(f, ctx, true)).filter(Boolean);
      if (!items.length) return '';
      const caption = b.attrs.caption ? `<figcaption class="blocks-gallery-caption wp-element-caption">${esc(b.attrs.caption)}</figcaption>` : '';
      return block(
        'gallery',
        { columns: b.attrs.columns, linkTo: 'none' },
        `<figure class="wp-block-gallery has-nested-images columns-${b.attrs.columns} is-cropped">${items.join('\n\n')}${caption}</figure>`,
      );
    }
    case 'quoteCard':
      return embedBlock(b);
    case 'horizontalRule':
      return block('separator', {}, '<hr class="wp-block-separator has-alpha-channel-opacity"/>');
    default: {
      const html = absolutizeHtml(renderDocument({ type: 'doc', content: [b] }, { media: new Map(ctx.media), lang: ctx.lang }), ctx.siteUrl);
      if (!html) return '';
      if (b.type === 'paragraph') return block('paragraph', {}, html);
      if (b.type === 'heading') {
        const level = b.attrs.level;
        return block('heading', level === 2 ? {} : { level }, html.replace(`<h${level}>`, `<h${level} class="wp-block-heading">`));
      }
      return html;
    }
  }
}

/** One image: its full-size original, WordPress' classes, its caption and (when not the file's own) credit. */
function imageBlock(f: Figure, ctx: WordPressBodyContext, inGallery: boolean): string {
  const row = ctx.media.get(f.attrs.mediaId);
  if (!row) return '';
  const id = ctx.attachmentId(row.id);
  const src = `${ctx.siteUrl}${mediaUrl(row.path)}`;
  const alt = f.attrs.alt || row.alt;
  const credit = f.attrs.credit && f.attrs.credit !== row.credit ? f.attrs.credit : '';
  const caption = [f.attrs.caption || row.caption, credit].filter(Boolean).join(' — ');
  // Ours: wide, center (the default), left, right; WordPress': the same names as align* classes.
  const align = inGallery ? undefined : (f.attrs.align ?? 'center');
  const width = !inGallery && f.attrs.width !== undefined && f.attrs.width < row.width ? f.attrs.width : undefined;
  const attrs: Record<string, unknown> = {
    id,
    ...(width !== undefined ? { width: `${width}px` } : {}),
    sizeSlug: 'full',
    linkDestination: 'none',
    ...(align ? { align } : {}),
  };
  const cls = ['wp-block-image', ...(align ? [`align${align}`] : []), 'size-full', ...(width !== undefined ? ['is-resized'] : [])].join(' ');
  const img = `<img src="${esc(src)}" alt="${esc(alt)}" class="wp-image-${id}"${width !== undefined ? ` style="width:${width}px"` : ''}/>`;
  return block('image', attrs, `<figure class="${cls}">${img}${caption ? `<figcaption class="wp-element-caption">${esc(caption)}</figcaption>` : ''}</figure>`);
}

/** The post's words and byline, as the embed's caption: “Words” — Author (@handle), date. */
function cardCaption(q: QuoteCard['attrs']): string {
  const who = [q.author, q.handle ? `(${q.handle})` : ''].filter(Boolean).join(' ');
  const day = q.date ? new Date(q.date).toISOString().slice(0, 10) : '';
  return `“${q.text.replace(/\s*\n+\s*/g, ' ')}” — ${[who, day].filter(Boolean).join(', ')}`;
}

function embedBlock(b: QuoteCard): string {
  const q = b.attrs;
  const provider = q.network ? PROVIDER[q.network] : undefined;
  const cls = ['wp-block-embed', 'is-type-rich', ...(provider ? [`is-provider-${provider}`, `wp-block-embed-${provider}`] : [])].join(' ');
  return block(
    'embed',
    { url: q.url, type: 'rich', ...(provider ? { providerNameSlug: provider } : {}), responsive: true },
    `<figure class="${cls}"><div class="wp-block-embed__wrapper">\n${esc(q.url)}\n</div><figcaption class="wp-element-caption">${esc(cardCaption(q))}</figcaption></figure>`,
  );
}

/**
 * Each card of the body as a cached oEmbed answer: `_oembed_{md5 of the address}` → a quotation
 * of the post (its paragraphs, "— Author (@handle)", its address dated), as X's answer has it.
 */
export function embedAnswers(doc: ArticleDocument): { key: string; value: string }[] {
  return doc.content
    .filter((b): b is QuoteCard => b.type === 'quoteCard')
    .map(({ attrs: q }) => {
      const paragraphs = q.text
        .split(/\n{2,}/)
        .map((t) => `<p>${esc(t).replace(/\n/g, '<br>')}</p>`)
        .join('');
      const byline = [q.author, q.handle ? `(${q.handle})` : ''].filter(Boolean).join(' ');
      const value = `<blockquote class="wp-embedded-content" cite="${esc(q.url)}">${paragraphs}&mdash; ${esc(byline)} <a href="${esc(q.url)}">${esc(q.date)}</a></blockquote>`;
      return { key: `_oembed_${createHash('md5').update(q.url).digest('hex')}`, value };
    });
}
