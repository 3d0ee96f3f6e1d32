/**
 * @module modules/media/avif.service
 * AVIF derivatives, made after the upload's response (seconds per image on a small machine):
 * one AVIF per WebP width, written beside the others, then added to the row's derivatives so
 * pages offer them from then on. Idempotent; a row deleted meanwhile leaves no files behind.
 */
import sharp from 'sharp';
import type { Db } from '../../db/database.js';
import type { MediaRow } from '../../db/schema.js';
import { derivativesOf, type Derivative } from './media.js';
import { findMediaById, setMediaDerivatives } from './media.repository.js';
import { MAX_PIXELS } from './media.service.js';
import { processImageGate, type ImageGate } from './image-gate.js';
import { asStore, MediaNameTaken, type MediaPlace, type MediaStore } from './media-store.js';

/**
 * Makes the missing AVIF derivatives of one image. Returns true when the row changed (so pages
 * that show it should be refreshed), false when there was nothing to do.
 */
export async function generateAvif(db: Db, place: MediaPlace, mediaId: number, gate: ImageGate = processImageGate): Promise<boolean> {
  const row = await findMediaById(db, mediaId);
  if (!row || row.mime === 'image/avif') return false;
  const store = asStore(place);
  // Background work: it waits its turn behind uploads, never refused.
  return gate.run(row.width * row.height, () => avifFor(db, store, mediaId, row), { bounded: false });
}

async function avifFor(db: Db, store: MediaStore, mediaId: number, row: MediaRow): Promise<boolean> {
  const have = derivativesOf(row);
  const todo = have.filter((d) => d.format === 'webp' && !have.some((x) => x.format === 'avif' && x.width === d.width));
  if (todo.length === 0) return false;
  const source = await store.get(row.path);
  // The original is gone (deleted meanwhile, or a store that lost it): nothing to make.
  if (!source) return false;
  const meta = await sharp(source).metadata();
  // AVIF here is a still image: an animation keeps its GIF/WebP forms only.
  if ((meta.pages ?? 1) > 1) return false;
  const made: Derivative[] = [];
  try {
    for (const d of todo) {
      const file = d.path.replace(/\.webp$/, '.avif');
      const out = await sharp(source, { limitInputPixels: MAX_PIXELS }).resize({ width: d.width }).avif({ quality: 50, effort: 4 }).toBuffer();
      // Written whole or not at all, and never over a file of the same name (another image's
      // upload, say "x-480.avif"): that width then simply has no AVIF.
      try {
        await store.put(file, out, { exclusive: true, contentType: 'image/avif' });
      } catch (err) {
        if (err instanceof MediaNameTaken) continue;
        throw err;
      }
      made.push({ width: d.width, height: d.height, format: 'avif', path: file });
    }
    const updated = await db.transaction().execute(async (trx) => {
      const now = await findMediaById(trx, mediaId);
      if (!now) return false;
      const current = derivativesOf(now).filter((x) => x.format !== 'avif' || !made.some((m) => m.path === x.path));
      await setMediaDerivatives(trx, mediaId, JSON.stringify([...current, ...made]));
      return true;
    });
    if (!updated) throw new Error('deleted meanwhile');
    return true;
  } catch (err) {
    await Promise.all(made.map((m) => store.remove(m.path).catch(() => {})));
    if ((err as Error).message === 'deleted meanwhile') return false;
    throw err;
  }
}
