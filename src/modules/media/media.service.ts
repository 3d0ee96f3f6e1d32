/**
 * @module modules/media/media.service
 * Stores an image: the original at yyyy/mm/ in the media store (modules/media/media-store), derivatives at three widths in
 * WebP and in the original format, and one media row. AVIF is left to a background job
 * (avif.service.ts). The type comes from the bytes; every stored file is re-encoded by sharp
 * after auto-orientation, so no EXIF, XMP or IPTC metadata (GPS included) survives.
 * Nothing is half-written: a failure removes the files already written and inserts no row.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { Db } from '../../db/database.js';
import type { MediaRow } from '../../db/schema.js';
import { derivativesOf, derivativeWidthsFor, MediaError, MIME_OF, type Derivative, type ImageFormat } from './media.js';
import { processImageGate, type ImageGate } from './image-gate.js';
import { insertMedia, findMediaByPath } from './media.repository.js';
import { asStore, MediaNameTaken, safeRelativePath, type MediaPlace, type MediaStore } from './media-store.js';

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
  /**
   * Uploads: never reuse or overwrite anything already stored; a name in use gets a random
   * suffix. Without it, storing the same path again returns the existing row (seeding, imports).
   */
  unique?: boolean;
  /**
   * The decoding bound this job runs under (modules/media/image-gate; the process's by default).
   * `bounded`: an upload someone waits on is refused with MEDIA_BUSY when the line is full.
   */
  gate?: ImageGate;
  bounded?: boolean;
}

/** What uploads accept, for messages and the file input's `accept`. */
export const ACCEPTED_TYPES = 'JPEG, PNG, WebP, GIF or AVIF';
export const ACCEPT_ATTRIBUTE = 'image/jpeg,image/png,image/webp,image/gif,image/avif';

/** Decoded size above which an image is refused (a decompression bomb guard): 100 megapixels. */
export const MAX_PIXELS = 100_000_000;

export { MediaError, type MediaErrorCode } from './media.js';

const safeBase = (name: string): string =>
  path
    .basename(name.replace(/\\/g, '/'))
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80) || 'image';

async function encode(img: Sharp, format: ImageFormat): Promise<Buffer> {
  switch (format) {
    case 'webp':
      return img.webp({ quality: 76 }).toBuffer();
    case 'png':
      return img.png({ compressionLevel: 9 }).toBuffer();
    case 'avif':
      return img.avif({ quality: 50, effort: 4 }).toBuffer();
    case 'gif':
      return img.gif().toBuffer();
    default:
      return img.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  }
}

export const extOf = (format: ImageFormat): string => (format === 'jpeg' ? 'jpg' : format);

/** What the bytes are, read by sharp from the file's own header (never its name or mime). */
export interface Probe {
  format: ImageFormat;
  width: number;
  height: number;
  animated: boolean;
}

/**
 * Identifies an upload from its bytes: JPEG, PNG, WebP, GIF or AVIF; anything else (SVG, HEIC,
 * TIFF, text) is refused with MEDIA_UNSUPPORTED_TYPE, an empty or unreadable file with its own code.
 */
export async function probeImage(bytes: Buffer): Promise<Probe> {
  if (bytes.length === 0) throw new MediaError('MEDIA_EMPTY', 'The file is empty.');
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new MediaError('MEDIA_UNSUPPORTED_TYPE', `The file is not an image of a type we accept (${ACCEPTED_TYPES}).`);
  }
  const raw = meta.format as string | undefined;
  const format: ImageFormat | undefined =
    raw === 'jpeg' || raw === 'png' || raw === 'webp' || raw === 'gif' ? raw : raw === 'heif' && meta.compression === 'av1' ? 'avif' : undefined;
  if (!format) {
    const what = raw === 'svg' ? 'SVG images (which can carry scripts) are' : `${(raw ?? 'This type').toUpperCase()} files are`;
    throw new MediaError('MEDIA_UNSUPPORTED_TYPE', `${what} not accepted: upload ${ACCEPTED_TYPES}.`);
  }
  const pages = meta.pages ?? 1;
  const height = pages > 1 ? (meta.pageHeight ?? meta.height) : meta.height;
  if (!meta.width || !height) throw new MediaError('MEDIA_UNREADABLE', 'The image has no size; it may be damaged.');
  if (meta.width * height * pages > MAX_PIXELS)
    throw new MediaError('MEDIA_TOO_LARGE', `The image is too large (${meta.width}×${height} pixels); the limit is 100 megapixels.`);
  return { format, width: meta.width, height, animated: pages > 1 && (format === 'gif' || format === 'webp') };
}

/** Runs a sharp step; a decoding failure (a truncated or corrupt file) becomes MEDIA_UNREADABLE. */
async function decode<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof MediaError) throw err;
    throw new MediaError('MEDIA_UNREADABLE', 'The image could not be read: it is damaged or cut short.');
  }
}

/** Files written so far, removed again if the store fails half-way. */
class Written {
  readonly files: string[] = [];
  constructor(
    private readonly store: MediaStore,
    private readonly exclusive: boolean,
  ) {}
  async write(rel: string, data: Buffer, format: ImageFormat): Promise<void> {
    await this.store.put(rel, data, { exclusive: this.exclusive, contentType: MIME_OF[format] });
    this.files.push(rel);
  }
  async removeAll(): Promise<void> {
    await Promise.all(this.files.map((f) => this.store.remove(f).catch(() => {})));
  }
}

/**
 * Writes the image and its derivatives to the media store (or a directory) and inserts the media row.
 * The type is taken from the bytes (sharp's metadata), never from the file name.
 * Re-storing the same path returns the existing row (idempotent seeding and imports) unless
 * `unique` is set (uploads). On any failure no file and no row is left behind.
 */
export async function storeImage(db: Db, place: MediaPlace, input: StoreImageInput): Promise<number> {
  const probe = await probeImage(input.bytes);
  const gate = input.gate ?? processImageGate;
  const store = asStore(place);
  return gate.run(probe.width * probe.height * (probe.animated ? 2 : 1), () => storeProbed(db, store, input, probe), { bounded: input.bounded === true });
}

async function storeProbed(db: Db, store: MediaStore, input: StoreImageInput, probe: Probe): Promise<number> {
  const now = input.now ?? new Date();
  const folder = input.folder ?? `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const safe = safeBase(input.fileName);
  for (let attempt = 0; ; attempt++) {
    const base = attempt === 0 ? safe : `${safe.slice(0, 70)}-${randomBytes(4).toString('hex')}`;
    const rel = `${folder}/${base}.${extOf(probe.format)}`;
    if (!input.unique) {
      const existing = await findMediaByPath(db, rel);
      if (existing) return existing.id;
    } else if (await findMediaByPath(db, rel)) {
      continue;
    }
    try {
      return await writeAll(db, store, input, probe, folder, base, now);
    } catch (err) {
      if (err instanceof MediaNameTaken && input.unique && attempt < 8) continue;
      throw err;
    }
  }
}

async function writeAll(db: Db, store: MediaStore, input: StoreImageInput, probe: Probe, folder: string, base: string, now: Date): Promise<number> {
  const original = probe.format;
  const rel = `${folder}/${base}.${extOf(original)}`;
  const manifest = `${rel}.json`;
  if (input.reuseFiles) {
    const text = await store.get(manifest).catch(() => undefined);
    let cached: { width: number; height: number; derivatives: Derivative[] } | undefined;
    try {
      cached = text ? JSON.parse(text.toString('utf8')) : undefined;
    } catch {
      cached = undefined;
    }
    if (cached) return insertRow(db, input, rel, original, cached.width, cached.height, cached.derivatives, now);
  }
  const written = new Written(store, input.unique === true);
  try {
    // Auto-orient first, then write with no metadata at all: sharp copies none unless asked to.
    const source = () => sharp(input.bytes, { animated: probe.animated, limitInputPixels: MAX_PIXELS }).rotate();
    const cleanOriginal = await decode(() => encode(source(), original));
    const width = probe.width;
    // A 90° EXIF orientation swaps the sides.
    const oriented = await decode(() => sharp(cleanOriginal, { animated: probe.animated }).metadata());
    const height = probe.animated ? probe.height : (oriented.height ?? probe.height);
    const w0 = probe.animated ? width : (oriented.width ?? width);
    await written.write(rel, cleanOriginal, original);

    const derivatives: Derivative[] = [];
    const formats: ImageFormat[] = original === 'webp' ? ['webp'] : [original, 'webp'];
    for (const w of derivativeWidthsFor(w0)) {
      const h = Math.max(1, Math.round((height * w) / w0));
      for (const format of formats) {
        const file = `${folder}/${base}-${w}.${extOf(format)}`;
        const out = await decode(() => encode(sharp(cleanOriginal, { animated: probe.animated }).resize({ width: w }), format));
        await written.write(file, out, format);
        derivatives.push({ width: w, height: h, format, path: file });
      }
    }
    if (input.reuseFiles)
      await store.put(manifest, Buffer.from(JSON.stringify({ width: w0, height, derivatives })), { exclusive: false, contentType: 'application/json' });
    return await insertRow(db, input, rel, original, w0, height, derivatives, now);
  } catch (err) {
    await written.removeAll();
    throw err;
  }
}

function insertRow(
  db: Db,
  input: StoreImageInput,
  rel: string,
  original: ImageFormat,
  width: number,
  height: number,
  derivatives: Derivative[],
  now: Date,
): Promise<number> {
  return insertMedia(db, {
    path: rel,
    mime: MIME_OF[original],
    width,
    height,
    alt: input.alt,
    caption: input.caption ?? '',
    credit: input.credit ?? '',
    derivatives: JSON.stringify(derivatives),
    created_at: now.toISOString(),
  });
}

/** Every file a media row owns: the original, its derivatives and a seeding manifest. */
export function filesOf(row: Pick<MediaRow, 'path' | 'derivatives'>): string[] {
  return [row.path, `${row.path}.json`, ...derivativesOf(row).map((d) => d.path)];
}

/** Removes a row's files (after its row is gone). Paths never leave the store. */
export async function removeMediaFiles(place: MediaPlace, row: Pick<MediaRow, 'path' | 'derivatives'>): Promise<void> {
  const store = asStore(place);
  await Promise.all(
    filesOf(row)
      .filter(safeRelativePath)
      .map((rel) => store.remove(rel)),
  );
}
