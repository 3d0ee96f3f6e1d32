/**
 * @module web/admin/articles-view-models
 * What the article pages render: the filtered list and the edit form. Plain, formatted data.
 */
import type { AdminLayoutVM } from './view-models.js';

export interface Option { value: string; label: string }
export interface DateVM { iso: string; label: string }

export interface ArticleRowVM {
  id: number;
  title: string;
  editUrl?: string;
  previewUrl?: string;
  publicUrl?: string;
  statusLabel: string;
  status: string;
  authors: string;
  language: string;
  updated: DateVM;
  published?: DateVM;
}

export interface ArticlesVM {
  layout: AdminLayoutVM;
  filters: { status: string; author: string; category: string; language: string; q: string };
  statusOptions: Option[];
  authorOptions: Option[];
  categoryOptions: Option[];
  languageOptions: Option[];
  rows: ArticleRowVM[];
  total: number;
  page: number;
  totalPages: number;
  prevUrl?: string;
  nextUrl?: string;
  canCreate: boolean;
}

/** A submit button of the edit form; `intent` says what the save does to the status. */
export interface IntentVM { intent: string; label: string; primary?: boolean }

export interface ArticleFormVM {
  layout: AdminLayoutVM;
  csrf: string;
  /** Absent for a new article. */
  id?: number;
  action: string;
  values: Record<string, string>;
  /** Multi-valued fields. */
  categoryIds: string[];
  authorIds: string[];
  errors: Record<string, string>;
  /** Whole-form message (a conflict, a permission). */
  problem?: string;
  status: string;
  statusLabel: string;
  intents: IntentVM[];
  authorOptions: Option[];
  categoryOptions: Option[];
  /** The textarea cannot show the document's formatting; saving from it would lose it. */
  textLossy: boolean;
  previewUrl?: string;
  revisionsUrl?: string;
  publicUrl?: string;
  trashUrl?: string;
  restoreUrl?: string;
  /** Site-relative script of the rich editor. */
  editorScript: string;
  /** One line per image shown without alt text (a warning; saving is not blocked). */
  altWarnings: string[];
  /** The current featured image, shown next to its field. */
  featured?: { id: number; src: string; width: number; height: number; alt: string; editUrl: string };
  /** The role may upload (the editor's image picker offers an upload). */
  canUpload: boolean;
}

export interface RevisionsVM {
  layout: AdminLayoutVM;
  csrf: string;
  editUrl: string;
  revisions: { id: number; at: DateVM; who: string; statusLabel: string; title: string; restoreUrl?: string; current: boolean }[];
}
