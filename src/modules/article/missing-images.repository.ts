/**
 * @module modules/article/missing-images.repository
 * The missing_images rows: images an article refers to that are not in the media library.
 */
import type { Db } from '../../db/database.js';
import type { MissingImagesTable } from '../../db/schema.js';
import type { MissingImage } from './remote-images.js';

export interface MissingImageRow extends MissingImage {
  id: number;
  source: MissingImagesTable['source'];
  created_at: string;
}

const clip = (v: string, n: number): string => v.slice(0, n);

/** Adds rows for an article (an image already listed for it is not listed twice). */
export async function addMissingImages(
  db: Db,
  postId: number,
  images: readonly MissingImage[],
  source: MissingImagesTable['source'],
  now: string,
): Promise<void> {
  if (images.length === 0) return;
  const have = new Set((await db.selectFrom('missing_images').select('url').where('post_id', '=', postId).execute()).map((r) => r.url));
  const rows = images
    .filter((i) => !have.has(clip(i.url, 2000)))
    .map((i) => ({ post_id: postId, url: clip(i.url, 2000), alt: clip(i.alt, 1000), caption: clip(i.caption, 2000), source, created_at: now }));
  const unique = [...new Map(rows.map((r) => [r.url, r])).values()];
  if (unique.length) await db.insertInto('missing_images').values(unique).execute();
}

/** Replaces an import's rows for an article (a re-run lists what is missing now, once). */
export async function replaceImportedMissingImages(db: Db, postId: number, images: readonly MissingImage[], now: string): Promise<void> {
  await db.deleteFrom('missing_images').where('post_id', '=', postId).where('source', '=', 'import').execute();
  await addMissingImages(db, postId, images, 'import', now);
}

export async function missingImagesOf(db: Db, postId: number): Promise<MissingImageRow[]> {
  return db.selectFrom('missing_images').select(['id', 'url', 'alt', 'caption', 'source', 'created_at']).where('post_id', '=', postId).orderBy('id').execute();
}

export async function clearMissingImages(db: Db, postId: number): Promise<number> {
  const res = await db.deleteFrom('missing_images').where('post_id', '=', postId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** How many images each of these articles is missing (articles missing none are absent). */
export async function missingImageCounts(db: Db, postIds: readonly number[]): Promise<Map<number, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('missing_images')
    .select(['post_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('post_id', 'in', [...postIds])
    .groupBy('post_id')
    .execute();
  return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
}
