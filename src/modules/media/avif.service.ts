/**
 * @module modules/media/avif.service
 * AVIF derivatives, made after the upload's response (seconds per image on a small machine):
 * one AVIF per WebP width, written beside the others, then added to the row's derivatives so
 * pages offer them from then on. Idempotent; a row deleted meanwhile leaves no files behind.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Db } from '../../db/database.js';
import type { MediaRow } from '../../db/schema.js';
import { derivativesOf, type Derivative } from './media.js';
import { findMediaById, setMediaDerivatives } from './media.repository.js';
import { MAX_PIXELS } from './media.service.js';
import { processImageGate, type ImageGate } from './image-gate.js';

/**
 * Makes the missing AVIF derivatives of one image. Returns true when the row changed (so pages
 * that show it should be refreshed), false when there was nothing to do.
 */
export async function generateAvif(db: Db, mediaRoot: string, mediaId: number, gate: ImageGate = processImageGate): Promise<boolean> {
  const row = await findMediaById(db, mediaId);
  if (!row || row.mime === 'image/avif') return false;
  // Background work: it waits its turn behind uploads, never refused.
  return gate.run(row.width * row.height, () => avifFor(db, mediaRoot, mediaId, row), { bounded: false });
}

async function avifFor(db: Db, mediaRoot: string, mediaId: number, row: MediaRow): Promise<boolean> {
  const have = derivativesOf(row);
  const todo = have.filter((d) => d.format === 'webp' && !have.some((x) => x.format === 'avif' && x.width === d.width));
  if (todo.length === 0) return false;
  const source = await fs.readFile(path.join(mediaRoot, row.path));
  const meta = await sharp(source).metadata();
  // AVIF here is a still image: an animation keeps its GIF/WebP forms only.
  if ((meta.pages ?? 1) > 1) return false;
  const made: Derivative[] = [];
  try {
    for (const d of todo) {
      const file = d.path.replace(/\.webp$/, '.avif');
      const out = await sharp(source, { limitInputPixels: MAX_PIXELS }).resize({ width: d.width }).avif({ quality: 50, effort: 4 }).toBuffer();
      // Written under a temporary name, then linked into place, so a reader never gets half a
      // file and a file of the same name (another image's upload, say "x-480.avif") is never
      // replaced: that width then simply has no AVIF.
      const tmp = path.join(mediaRoot, `${file}.${process.pid}.tmp`);
      await fs.writeFile(tmp, out);
      try {
        await fs.link(tmp, path.join(mediaRoot, file));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        continue;
      } finally {
        await fs.rm(tmp, { force: true });
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
    await Promise.all(made.map((m) => fs.rm(path.join(mediaRoot, m.path), { force: true })));
    if ((err as Error).message === 'deleted meanwhile') return false;
    throw err;
  }
}
