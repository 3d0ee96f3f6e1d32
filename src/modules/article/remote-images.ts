/**
 * @module modules/article/remote-images
 * Images on another host are never kept in an article (see modules/article/sanitize): this finds
 * them in a document's html blocks, takes them out, and says what was taken, so the editor can
 * list them for upload (missing_images). Figures always point at our media library already.
 */
import { Parser } from 'htmlparser2';
import type { ArticleDocument, Block } from './document.js';
import { isLocalImageSrc, sanitizeArticleHtml, srcsetCandidates } from './sanitize.js';

/** An image the article refers to that is not in our library. */
export interface MissingImage {
  url: string;
  alt: string;
  caption: string;
}

/** The images on other hosts in a piece of HTML (img src, and srcset candidates of img and source). */
export function remoteImagesIn(html: string): MissingImage[] {
  if (!/<(img|source)\b/i.test(html)) return [];
  const found: MissingImage[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name !== 'img' && name !== 'source') return;
      // One entry per element: its remote src, or else its first remote srcset candidate (the
      // other widths of the same picture are not separate images to upload).
      const alt = (attribs.alt ?? '').trim();
      const src = name === 'img' ? (attribs.src ?? '').trim() : '';
      const url = src !== '' && !isLocalImageSrc(src) ? src : srcsetCandidates(attribs.srcset).find((c) => !isLocalImageSrc(c.url))?.url;
      if (url && !found.some((f) => f.url === url)) found.push({ url, alt, caption: '' });
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

/** True when sanitised HTML shows nothing: only empty elements and whitespace are left. */
const isEmptyHtml = (html: string): boolean => html.replace(/<[^>]*>/g, '').trim() === '' && !/<(img|hr|table)\b/i.test(html);

/**
 * The document without images on other hosts, and the images taken out. An html block that held
 * nothing else goes; one that did keeps the rest. A document with none is returned as it was (the
 * same object).
 */
export function withoutRemoteImages(doc: ArticleDocument): { doc: ArticleDocument; removed: MissingImage[] } {
  const removed: MissingImage[] = [];
  const content: Block[] = [];
  for (const block of doc.content) {
    if (block.type !== 'html') {
      content.push(block);
      continue;
    }
    const remote = remoteImagesIn(block.attrs.html);
    if (remote.length === 0) {
      content.push(block);
      continue;
    }
    removed.push(...remote);
    const rest = sanitizeArticleHtml(block.attrs.html);
    if (!isEmptyHtml(rest)) content.push({ type: 'html', attrs: { html: rest } });
  }
  return removed.length ? { doc: { ...doc, content }, removed } : { doc, removed };
}
