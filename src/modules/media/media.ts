/**
 * @module modules/media/media
 * Media domain: derivative descriptions and the URLs and srcsets built from them.
 */
import type { MediaRow } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';

export type MediaErrorCode =
  | 'MEDIA_UNSUPPORTED_TYPE'
  | 'MEDIA_UNREADABLE'
  | 'MEDIA_EMPTY'
  | 'MEDIA_TOO_LARGE'
  | 'MEDIA_NOT_FOUND'
  | 'MEDIA_IN_USE'
  | 'MEDIA_INVALID'
  | 'MEDIA_BUSY';

export class MediaError extends AppError<MediaErrorCode> {}

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

export interface Derivative {
  width: number;
  height: number;
  format: ImageFormat;
  /** Path under the media root. */
  path: string;
}

/**
 * Widths made for every uploaded image, never upscaled: steps close enough that a browser picking
 * from a srcset fetches little more than the slot needs (avatars at 40–80 px, cards at 110–300,
 * columns at 360–960 on one, two or three device pixels per CSS pixel).
 */
export const DERIVATIVE_WIDTHS = [160, 320, 480, 640, 800, 960, 1600] as const;

/**
 * The widths to make for an image `w0` pixels wide: each step below it, and its own width (up to
 * the largest step), except that a large image with a step within a fifth of its width stops
 * there (a 1200 px photo stops at 960: that encode would buy little).
 */
export function derivativeWidthsFor(w0: number): number[] {
  const below: number[] = DERIVATIVE_WIDTHS.filter((w) => w < w0);
  const top = Math.min(w0, DERIVATIVE_WIDTHS.at(-1)!);
  const near = below.at(-1) ?? 0;
  return below.includes(top) || (top > 960 && near >= top * 0.8) ? below : [...below, top];
}

export const MEDIA_URL_PREFIX = '/media/';

export const mediaUrl = (path: string): string => MEDIA_URL_PREFIX + path.split('/').map(encodeURIComponent).join('/');

export function derivativesOf(row: Pick<MediaRow, 'derivatives'>): Derivative[] {
  try {
    const parsed: unknown = JSON.parse(row.derivatives);
    return Array.isArray(parsed) ? (parsed as Derivative[]) : [];
  } catch {
    return [];
  }
}

/** Each stored image format's media type. */
export const MIME_OF: Record<ImageFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

/** The format a page shows an image in: its own, but WebP for AVIF (which not every browser or network reads). */
const shownFormat = (f: ImageFormat): ImageFormat => (f === 'avif' ? 'webp' : f);

export const formatOfMime = (mime: string): ImageFormat =>
  mime === 'image/png' ? 'png' : mime === 'image/webp' ? 'webp' : mime === 'image/avif' ? 'avif' : mime === 'image/gif' ? 'gif' : 'jpeg';

/** The media type of a stored file by its name: an image format, or a derivative manifest (`.json`); undefined for anything else. */
export function mediaTypeOfName(name: string): string | undefined {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'json') return 'application/json';
  const format: ImageFormat | undefined = ext === 'jpg' || ext === 'jpeg' ? 'jpeg' : ext in MIME_OF ? (ext as ImageFormat) : undefined;
  return format && MIME_OF[format];
}

/** Limits on the texts an editor gives an image (media library and upload form). */
export const MEDIA_TEXT_LIMITS = { alt: 500, caption: 1000, credit: 200 } as const;

export type MediaTextField = keyof typeof MEDIA_TEXT_LIMITS;

export interface MediaTexts {
  alt: string;
  caption: string;
  credit: string;
}

/**
 * Checks alt text, caption and credit: single strings within their limits, no control
 * characters; trimmed. Returns the clean texts and one message per bad field.
 * @example validateMediaTexts({ alt: ' Gulls ', caption: 'x'.repeat(2000) }).errors.caption // 'The caption is longer than 1,000 characters.'
 */
export function validateMediaTexts(raw: Partial<Record<MediaTextField, unknown>>): { texts: MediaTexts; errors: Partial<Record<MediaTextField, string>> } {
  const labels: Record<MediaTextField, string> = { alt: 'The alt text', caption: 'The caption', credit: 'The credit' };
  const texts: MediaTexts = { alt: '', caption: '', credit: '' };
  const errors: Partial<Record<MediaTextField, string>> = {};
  for (const key of Object.keys(MEDIA_TEXT_LIMITS) as MediaTextField[]) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') {
      errors[key] = `${labels[key]} was sent more than once or in an unexpected form.`;
      continue;
    }
    // Line breaks become spaces; other control characters are refused (they are never typed).
    const t = v.replace(/\r\n?|\n|\t/g, ' ').trim();
    if (/\p{Cc}/u.test(t)) errors[key] = `${labels[key]} contains control characters.`;
    else if (t.length > MEDIA_TEXT_LIMITS[key]) errors[key] = `${labels[key]} is longer than ${MEDIA_TEXT_LIMITS[key].toLocaleString('en')} characters.`;
    else texts[key] = t;
  }
  return { texts, errors };
}

/** An image's focal point, percent across and down (0–100). */
export interface FocalPoint {
  x: number;
  y: number;
}

/**
 * Reads the two focal-point fields: both empty is no focal point (the middle); otherwise whole
 * numbers from 0 to 100, or a message.
 * @example validateFocalPoint('30', '20') // { focus: { x: 30, y: 20 } }
 */
export function validateFocalPoint(rawX: unknown, rawY: unknown): { focus: FocalPoint | null; error?: string } {
  const x = typeof rawX === 'string' ? rawX.trim() : rawX === undefined ? '' : undefined;
  const y = typeof rawY === 'string' ? rawY.trim() : rawY === undefined ? '' : undefined;
  if (x === '' && y === '') return { focus: null };
  const ok = (v: string | undefined): v is string => v !== undefined && /^\d{1,3}$/.test(v) && Number(v) <= 100;
  if (!ok(x) || !ok(y))
    return { focus: null, error: 'The focal point is two whole numbers from 0 to 100 (percent across and down), or both empty for the middle.' };
  return { focus: { x: Number(x), y: Number(y) } };
}

/**
 * The classes that move a cropped image's centre to its focal point (site.css: --fx and --fy in
 * steps of 10, read by object-position; no inline style under the strict CSP); '' for the middle.
 */
export function focusClass(row: Pick<MediaRow, 'focal_x' | 'focal_y'>): string {
  if (row.focal_x == null || row.focal_y == null) return '';
  const step = (v: number) => Math.min(100, Math.max(0, Math.round(v / 10) * 10));
  return `fx-${step(row.focal_x)} fy-${step(row.focal_y)}`;
}

/** What a page needs to show an image responsively. */
export interface ResponsiveImage {
  src: string;
  width: number;
  height: number;
  alt: string;
  srcset: string;
  webpSrcset: string;
  /** AVIF widths, once the background job has made them; '' until then. */
  avifSrcset: string;
  /** Classes placing a crop's centre at the focal point ('' for the middle). */
  focus: string;
}

/**
 * Builds src/srcset for a media row: srcset in the original format (WebP for AVIF originals, which
 * not every browser shows), a WebP and an AVIF srcset for <source>, and a fallback src of about
 * 960px. `alt` is the row's unless overridden.
 */
export function responsiveImage(row: MediaRow, alt?: string): ResponsiveImage {
  const ds = derivativesOf(row);
  const original = formatOfMime(row.mime);
  const set = (format: ImageFormat) => ds.filter((d) => d.format === format).sort((x, y) => x.width - y.width);
  const fallbackFormat = shownFormat(original);
  const fallbackSet = set(fallbackFormat);
  const webp = fallbackFormat === 'webp' ? [] : set('webp');
  const avif = set('avif');
  const fallback = fallbackSet.find((d) => d.width >= 960) ?? fallbackSet.at(-1);
  return {
    src: mediaUrl(fallback?.path ?? row.path),
    width: row.width,
    height: row.height,
    alt: alt ?? row.alt,
    srcset: fallbackSet.map((d) => `${mediaUrl(d.path)} ${d.width}w`).join(', '),
    webpSrcset: webp.map((d) => `${mediaUrl(d.path)} ${d.width}w`).join(', '),
    avifSrcset: avif.map((d) => `${mediaUrl(d.path)} ${d.width}w`).join(', '),
    focus: focusClass(row),
  };
}

/**
 * The file to name as a page's share image (og:image, JSON-LD): the largest up to 1600 px wide
 * among the original and its derivatives in a format every network reads (not AVIF), with the
 * dimensions of that file, so a card is laid out before the image arrives.
 */
export function shareFileOf(row: MediaRow): { path: string; width: number; height: number } {
  const original = formatOfMime(row.mime);
  const files = [
    ...(original === 'avif' ? [] : [{ path: row.path, width: row.width, height: row.height }]),
    ...derivativesOf(row).filter((d) => d.format === shownFormat(original)),
  ].sort((a, b) => a.width - b.width);
  return files.filter((f) => f.width <= 1600).at(-1) ?? files[0] ?? { path: row.path, width: row.width, height: row.height };
}
