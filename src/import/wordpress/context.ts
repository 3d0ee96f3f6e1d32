/**
 * @module import/wordpress/context
 * What the WordPress import keeps in memory between its passes: attachments, and the maps from
 * WordPress names to local ids.
 */

/** An attachment as pass 1 keeps it (a few hundred bytes each). */
export interface AttachmentInfo {
  wpId: number;
  parent: number;
  url: string;
  link: string;
  file: string;
  alt: string;
  caption: string;
  /** The photographer or agency (the Media Credit plugin's `_media_credit`, which our export writes). */
  credit: string;
  title: string;
  date: string;
  mediaId?: number;
  mediaPath?: string;
  /** A dry run found its file in --media (counted, not stored): nothing to fetch. */
  dryRunStored?: boolean;
}

export interface HeaderMaps {
  /** author login → local id */
  authorIds: Map<string, number>;
  /** category nicename → local id */
  categoryIds: Map<string, number>;
  /** tag slug → local id */
  tagIds: Map<string, number>;
}

/**
 * "…/wp-content/uploads/2013/09/photo-300x200.jpg" → "2013/09/photo-300x200.jpg", or with
 * `stripSize` "2013/09/photo.jpg" (a resized copy WordPress made of the original; "-scaled" is
 * the copy WordPress 5.3+ makes of a big upload, and its sizes are named after the original).
 */
export function uploadKey(url: string, stripSize = false): string {
  let p = url;
  try {
    p = decodeURI(new URL(url, 'http://x').pathname);
  } catch {
    // keep as is
  }
  if (p.includes('/uploads/')) p = p.slice(p.indexOf('/uploads/') + 9);
  p = p.replace(/^\/+/, '').toLowerCase();
  return stripSize ? p.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1').replace(/-scaled(\.[a-z0-9]+)$/i, '$1') : p;
}
