/**
 * @module modules/media/media
 * Media domain: derivative descriptions and the URLs and srcsets built from them.
 */
import type { MediaRow } from '../../db/schema.js';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export interface Derivative {
  width: number;
  height: number;
  format: ImageFormat;
  /** Path under the media root. */
  path: string;
}

/** Widths made for every uploaded image (never upscaled). */
export const DERIVATIVE_WIDTHS = [480, 960, 1600] as const;

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

export const formatOfMime = (mime: string): ImageFormat =>
  mime === 'image/png' ? 'png' : mime === 'image/webp' ? 'webp' : mime === 'image/avif' ? 'avif' : 'jpeg';

/** What a page needs to show an image responsively. */
export interface ResponsiveImage {
  src: string;
  width: number;
  height: number;
  alt: string;
  srcset: string;
  webpSrcset: string;
}

/**
 * Builds src/srcset for a media row: srcset in the original format, a WebP srcset, and a fallback
 * src of about 960px. `alt` is the row's unless overridden.
 */
export function responsiveImage(row: MediaRow, alt?: string): ResponsiveImage {
  const ds = derivativesOf(row);
  const original = formatOfMime(row.mime);
  const set = (format: ImageFormat) =>
    ds.filter((d) => d.format === format).sort((x, y) => x.width - y.width);
  const fallbackSet = set(original);
  const webp = original === 'webp' ? [] : set('webp');
  const fallback = fallbackSet.find((d) => d.width >= 960) ?? fallbackSet.at(-1);
  return {
    src: mediaUrl(fallback?.path ?? row.path),
    width: row.width,
    height: row.height,
    alt: alt ?? row.alt,
    srcset: fallbackSet.map((d) => `${mediaUrl(d.path)} ${d.width}w`).join(', '),
    webpSrcset: webp.map((d) => `${mediaUrl(d.path)} ${d.width}w`).join(', '),
  };
}
