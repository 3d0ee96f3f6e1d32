/**
 * @module modules/media/media.service
 * Stores an image: the original under DATA_DIR/media/yyyy/mm/, derivatives at three widths in
 * WebP and in the original format, and one media row. AVIF is left to a background job.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { Db } from '../../db/database.js';
import { DERIVATIVE_WIDTHS, type Derivative, type ImageFormat } from './media.js';
import { insertMedia, findMediaByPath } from './media.repository.js';

export interface StoreImageInput {
  /** Suggested file name, e.g. "harbour-dawn.jpg"; made safe and unique. */
  fileName: string;
  bytes: Buffer;
  alt: string;
  caption?: string;
  credit?: string;
  /** Folder under the media root; defaults to yyyy/mm of now. */
  folder?: string;
  now?: Date;
  /**
   * Keep files already at the target paths instead of encoding again. Only for content whose
   * bytes are deterministic per name (demo images), where it makes re-seeding fast.
   */
  reuseFiles?: boolean;
}

const MIME_OF: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

export class MediaError extends Error {
  constructor(public readonly code: 'MEDIA_UNSUPPORTED_TYPE' | 'MEDIA_UNREADABLE', message: string) {
    super(message);
  }
}

const safeBase = (name: string): string =>
  path.basename(name).replace(/\.[^.]*$/, '').normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 80) || 'image';

async function encode(img: Sharp, format: ImageFormat): Promise<Buffer> {
  switch (format) {
    case 'webp': return img.webp({ quality: 76 }).toBuffer();
    case 'png': return img.png({ compressionLevel: 9 }).toBuffer();
    case 'avif': return img.avif({ quality: 50, effort: 4 }).toBuffer();
    default: return img.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  }
}

/**
 * Writes the image and its derivatives under `mediaRoot` and inserts the media row.
 * The type is taken from the bytes (sharp's metadata), never from the file name.
 * Re-storing the same path returns the existing row (idempotent seeding and imports).
 */
export async function storeImage(db: Db, mediaRoot: string, input: StoreImageInput): Promise<number> {
  let meta: Metadata;
  try {
    meta = await sharp(input.bytes).metadata();
  } catch {
    throw new MediaError('MEDIA_UNREADABLE', 'The file is not an image we can read.');
  }
  const fmt: string | undefined = meta.format;
  if (!fmt || !['jpeg', 'png', 'webp'].includes(fmt) || !meta.width || !meta.height) {
    throw new MediaError('MEDIA_UNSUPPORTED_TYPE', 'Only JPEG, PNG and WebP images are accepted.');
  }
  const original = fmt as ImageFormat;
  const now = input.now ?? new Date();
  const folder = input.folder ?? `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const ext = original === 'jpeg' ? 'jpg' : original;
  const base = safeBase(input.fileName);
  const rel = `${folder}/${base}.${ext}`;
  const existing = await findMediaByPath(db, rel);
  if (existing) return existing.id;

  const dir = path.join(mediaRoot, folder);
  await fs.mkdir(dir, { recursive: true });
  const manifest = path.join(mediaRoot, `${rel}.json`);
  if (input.reuseFiles) {
    const cached = await fs.readFile(manifest, 'utf8').then((t) => JSON.parse(t) as { width: number; height: number; derivatives: Derivative[] }, () => undefined);
    if (cached) return insertRow(db, input, rel, original, cached.width, cached.height, cached.derivatives, now);
  }
  // Auto-orient, then drop all metadata (EXIF location included): sharp writes none unless asked.
  const oriented = sharp(input.bytes).rotate();
  const { data: cleanOriginal, info } = await oriented.clone().toBuffer({ resolveWithObject: true });
  await fs.writeFile(path.join(mediaRoot, rel), cleanOriginal);

  const derivatives: Derivative[] = [];
  const formats: ImageFormat[] = original === 'webp' ? ['webp'] : [original, 'webp'];
  for (const width of DERIVATIVE_WIDTHS) {
    if (width > info.width && width !== DERIVATIVE_WIDTHS[0]) continue;
    const w = Math.min(width, info.width);
    const h = Math.round((info.height * w) / info.width);
    for (const format of formats) {
      const file = `${folder}/${base}-${w}.${format === 'jpeg' ? 'jpg' : format}`;
      const out = await encode(sharp(cleanOriginal).resize(w, h), format);
      await fs.writeFile(path.join(mediaRoot, file), out);
      derivatives.push({ width: w, height: h, format, path: file });
    }
  }
  if (input.reuseFiles) await fs.writeFile(manifest, JSON.stringify({ width: info.width, height: info.height, derivatives }));
  return insertRow(db, input, rel, original, info.width, info.height, derivatives, now);
}

function insertRow(db: Db, input: StoreImageInput, rel: string, original: ImageFormat, width: number, height: number, derivatives: Derivative[], now: Date): Promise<number> {
  return insertMedia(db, {
    path: rel,
    mime: MIME_OF[original] ?? 'image/jpeg',
    width,
    height,
    alt: input.alt,
    caption: input.caption ?? '',
    credit: input.credit ?? '',
    derivatives: JSON.stringify(derivatives),
    created_at: now.toISOString(),
  });
}

