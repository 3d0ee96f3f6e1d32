/**
 * @module web/admin/media/media.view-models
 * What the media library pages render: the grid with search and the upload form, and one image's
 * page (preview, alt text, caption, credit, where it is used, delete). Plain, formatted data.
 */
import type { AdminLayoutVM, ThumbVM } from '../shell/view-models.js';

export type { ThumbVM };

export interface MediaItemVM {
  id: number;
  editUrl: string;
  thumb: ThumbVM;
  filename: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

export interface UploadFormVM {
  /** "JPEG, PNG, WebP, GIF or AVIF, up to 20 MB". */
  limits: string;
  accept: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

export interface MediaLibraryVM {
  layout: AdminLayoutVM;
  csrf: string;
  q: string;
  items: MediaItemVM[];
  total: number;
  page: number;
  totalPages: number;
  prevUrl?: string;
  nextUrl?: string;
  /** Absent when the role may not upload. */
  upload?: UploadFormVM;
  script: string;
}

export interface MediaUseVM {
  title: string;
  url?: string;
  status: string;
  where: string;
}

export interface MediaEditVM {
  layout: AdminLayoutVM;
  csrf: string;
  item: MediaItemVM;
  /** The largest stored form, for the preview. */
  preview: ThumbVM;
  originalUrl: string;
  type: string;
  uploaded: { iso: string; label: string };
  /** The texts, and the focal point as typed (percent across and down; both '' for the middle). */
  values: { alt: string; caption: string; credit: string; focal_x: string; focal_y: string };
  errors: Record<string, string>;
  canEdit: boolean;
  /** The media script (the focal point set by a click on the preview). */
  script: string;
  action: string;
  uses: MediaUseVM[];
  /** Present when this role may delete and nothing uses the image. */
  deleteUrl?: string;
  /** Why the image cannot be deleted, when that is the case. */
  deleteBlocked?: string;
  avifPending: boolean;
}
