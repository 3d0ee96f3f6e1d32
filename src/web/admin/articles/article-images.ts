/**
 * @module web/admin/articles/article-images
 * What the article form shows about its images: a warning for each image without alt text
 * (featured image and figures; WordPress-like, saving is not blocked) and the featured image's
 * thumbnail next to its field.
 */
import type { Db } from '../../../db/database.js';
import { figuresOf, type ArticleDocument } from '../../../modules/article/document.js';
import { formImage, formImages, missingImagesOfArticle } from '../../../modules/article/article-editing.service.js';
import type { MissingImageRow } from '../../../modules/article/missing-images.repository.js';
import { imagesMissingAlt } from '../../../modules/media/media-usage.js';
import type { ArticleFormVM } from './articles.view-models.js';
import { sizedOf, thumbOf } from '../shell/presenters.js';
import { idOf } from '../shell/forms.js';

/** From the form's values (the stored article, or what was just posted), and the article's list of images to upload. */
export async function articleImages(
  db: Db,
  bodyJson: string,
  featuredRaw: string,
  id?: number,
): Promise<{
  altWarnings: string[];
  featured?: ArticleFormVM['featured'];
  missingImages: ArticleFormVM['missingImages'];
  figureImages: ArticleFormVM['figureImages'];
}> {
  let doc: ArticleDocument = { type: 'doc', content: [] };
  try {
    const parsed = bodyJson ? (JSON.parse(bodyJson) as ArticleDocument) : undefined;
    if (parsed && Array.isArray(parsed.content))
      doc = {
        type: 'doc',
        content: parsed.content.filter(
          (b) =>
            b &&
            typeof b === 'object' &&
            (b.type !== 'figure' || Number.isInteger(b.attrs?.mediaId)) &&
            (b.type !== 'gallery' || (Array.isArray(b.content) && b.content.every((f) => Number.isInteger(f?.attrs?.mediaId)))),
        ),
      };
  } catch {
    /* an unreadable body has its own error on the form */
  }
  const featuredId = idOf(featuredRaw.trim()) ?? null;
  const missing = await imagesMissingAlt(db, doc, featuredId);
  const altWarnings = missing.map((m) => (m.place === 'featured' ? `The featured image (image ${m.mediaId})` : `An image in the text (image ${m.mediaId})`));
  const missingImages = id !== undefined ? missingImagesVM(id, await missingImagesOfArticle(db, id)) : undefined;
  const figureImages = await figureImagesOf(db, doc);
  const row = featuredId !== null ? await formImage(db, featuredId) : undefined;
  if (!row) return { altWarnings, missingImages, figureImages };
  const t = thumbOf(row);
  return {
    altWarnings,
    missingImages,
    figureImages,
    featured: { id: row.id, src: t.src, width: t.width, height: t.height, alt: row.alt, editUrl: `/admin/media/${row.id}` },
  };
}

/** The figures' images as the editor draws them (a 640 px form), by media id. */
async function figureImagesOf(db: Db, doc: ArticleDocument): Promise<ArticleFormVM['figureImages']> {
  const rows = await formImages(db, new Set(figuresOf(doc).map((f) => f.attrs.mediaId)));
  const out: ArticleFormVM['figureImages'] = {};
  for (const row of rows.values()) {
    const t = sizedOf(row, 640);
    out[String(row.id)] = { src: t.src, width: t.width, height: t.height, alt: row.alt, caption: row.caption, credit: row.credit ?? '' };
  }
  return out;
}

/** The panel listing images to upload; undefined when there are none. */
function missingImagesVM(id: number, rows: MissingImageRow[]): ArticleFormVM['missingImages'] {
  if (rows.length === 0) return undefined;
  return {
    clearUrl: `/admin/articles/${id}/missing-images/clear`,
    images: rows.map((r) => ({
      url: r.url,
      alt: r.alt,
      caption: r.caption,
      why: r.source === 'import' ? 'Not in the WordPress export’s files' : 'On another site; removed when the article was saved',
    })),
  };
}
