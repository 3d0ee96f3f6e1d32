/**
 * @module web/admin/media/media.presenter
 * Media library view-models from rows. No I/O.
 */
import type { MediaRow } from '../../../db/schema.js';
import { derivativesOf, mediaUrl } from '../../../modules/media/media.js';
import type { MediaUsage } from '../../../modules/media/media-usage.js';
import { STATUS_LABELS } from '../../../modules/article/article.js';
import { thumbOf } from '../shell/presenters.js';
import type { MediaItemVM, MediaUseVM, ThumbVM } from './media.view-models.js';

export { thumbOf };
import type { PostStatus } from '../../../db/schema.js';

/** The largest stored form under 1000px wide, for the edit page's preview. */
export function previewOf(row: MediaRow): ThumbVM {
  const ds = derivativesOf(row)
    .filter((d) => d.format !== 'avif' && d.width <= 1000)
    .sort((a, b) => b.width - a.width || (a.format === 'webp' ? -1 : 1));
  const d = ds[0];
  return d ? { src: mediaUrl(d.path), width: d.width, height: d.height } : thumbOf(row);
}

export const filenameOf = (row: Pick<MediaRow, 'path'>): string => row.path.split('/').pop() ?? row.path;

export function mediaItemVM(row: MediaRow): MediaItemVM {
  return {
    id: row.id,
    editUrl: `/admin/media/${row.id}`,
    thumb: thumbOf(row),
    filename: filenameOf(row),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    width: row.width,
    height: row.height,
  };
}

/** The JSON the editor's picker reads (GET /admin/media.json): an allow-list of fields. */
export const mediaJson = (row: MediaRow) => {
  const t = thumbOf(row);
  return {
    id: row.id,
    filename: filenameOf(row),
    thumb: t.src,
    thumbWidth: t.width,
    thumbHeight: t.height,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
  };
};

export function usesVM(u: MediaUsage): MediaUseVM[] {
  return [
    ...u.posts.map((p) => ({
      title: p.title || '(no headline)',
      url: `/admin/articles/${p.id}`,
      status: STATUS_LABELS[p.status as PostStatus] ?? p.status,
      where: p.featured && p.inline ? 'featured image and in the text' : p.featured ? 'featured image' : 'in the text',
    })),
    ...u.authors.map((a) => ({ title: a.name, status: 'Author', where: 'profile photo' })),
  ];
}
