/**
 * @module modules/media/media-usage
 * Where an image is used (featured image, figures in article bodies, author avatars), keeping
 * stored article HTML in step with the library (alt text edits, AVIF arriving later), and which
 * images of an article have no alt text.
 */
import type { Db } from '../../db/database.js';
import { figuresOf, type ArticleDocument } from '../article/document.js';
import { referencedMediaIds } from '../article/render.js';
import { renderBody } from '../article/body-render.js';
import { authorsUsingMedia, findMediaByIds, postsMaybeUsingMedia } from './media.repository.js';
import { postLanguage, setPostBodyHtml } from '../content/posts.repository.js';
import { siteUsesOfMedia } from '../site/site.service.js';

export interface MediaUsage {
  posts: { id: number; title: string; status: string; featured: boolean; inline: boolean }[];
  authors: { id: number; name: string }[];
  /** Site settings showing it ("logo", "favicon", "share image"). */
  site: string[];
}

const parseDoc = (json: string): ArticleDocument | undefined => {
  try {
    const d = JSON.parse(json) as ArticleDocument;
    return d && Array.isArray(d.content) ? d : undefined;
  } catch {
    return undefined;
  }
};

/** Every article (any status, the trash included) and author that shows this image. */
export async function mediaUsage(db: Db, id: number): Promise<MediaUsage> {
  const [rows, authors, site] = await Promise.all([postsMaybeUsingMedia(db, id), authorsUsingMedia(db, id), siteUsesOfMedia(db, id)]);
  const posts = rows
    .map((r) => {
      const doc = parseDoc(r.body_doc);
      return { id: r.id, title: r.title, status: r.status, featured: r.featured_media_id === id, inline: doc ? referencedMediaIds(doc).includes(id) : false };
    })
    .filter((p) => p.featured || p.inline);
  return { posts, authors, site };
}

export const isUsed = (u: MediaUsage): boolean => u.posts.length > 0 || u.authors.length > 0 || u.site.length > 0;

/**
 * Renders again the stored body of every article with this image in a figure (the renderer
 * takes alt text, caption and the srcsets from the row). Returns the ids of every article that
 * shows the image, so the caller can purge their pages.
 */
export async function rerenderPostsUsingMedia(db: Db, id: number): Promise<number[]> {
  const rows = await postsMaybeUsingMedia(db, id);
  const shown: number[] = [];
  for (const r of rows) {
    const doc = parseDoc(r.body_doc);
    const ids = doc ? referencedMediaIds(doc) : [];
    if (doc && ids.includes(id)) {
      const language = await postLanguage(db, r.id);
      await setPostBodyHtml(db, r.id, await renderBody(db, doc, language ?? 'en'));
      shown.push(r.id);
    } else if (r.featured_media_id === id) shown.push(r.id);
  }
  return shown;
}

export interface MissingAlt {
  mediaId: number;
  place: 'featured' | 'body';
}

/**
 * The images an article shows without alt text: the featured image (the library's alt text) and
 * each figure (its own alt text, else the library's). Unknown ids are left to other checks.
 */
export async function imagesMissingAlt(db: Db, doc: ArticleDocument, featuredMediaId: number | null): Promise<MissingAlt[]> {
  const figures = figuresOf(doc);
  const rows = await findMediaByIds(db, [...figures.map((f) => f.attrs.mediaId), ...(featuredMediaId !== null ? [featuredMediaId] : [])]);
  const out: MissingAlt[] = [];
  const featured = featuredMediaId !== null ? rows.get(featuredMediaId) : undefined;
  if (featured && !featured.alt.trim()) out.push({ mediaId: featured.id, place: 'featured' });
  for (const f of figures) {
    const row = rows.get(f.attrs.mediaId);
    if (row && !(f.attrs.alt || row.alt).trim()) out.push({ mediaId: row.id, place: 'body' });
  }
  return out;
}
