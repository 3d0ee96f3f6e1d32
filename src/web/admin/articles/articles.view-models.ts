/**
 * @module web/admin/articles/articles.view-models
 * What the article pages render: the filtered list and the edit form. Plain, formatted data.
 */
import type { AdminLayoutVM } from '../shell/view-models.js';

export interface Option {
  value: string;
  label: string;
}
export interface DateVM {
  iso: string;
  label: string;
}

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
  /** Images it refers to that are not in the media library ("2 images to upload"). */
  missingImages?: number;
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

/** /admin/pages: every page, parents before their children. */
export interface PagesVM {
  layout: AdminLayoutVM;
  status: string;
  statusOptions: Option[];
  rows: {
    id: number;
    title: string;
    /** 0: top level. */
    depth: number;
    path: string;
    editUrl: string;
    publicUrl?: string;
    previewUrl?: string;
    status: string;
    statusLabel: string;
    parent: string;
    order: number;
    updated: DateVM;
    addChildUrl: string;
  }[];
}

/** A submit button of the edit form; `intent` says what the save does to the status. */
export interface IntentVM {
  intent: string;
  label: string;
  primary?: boolean;
}

export interface ArticleFormVM {
  layout: AdminLayoutVM;
  csrf: string;
  /** Absent for a new article. */
  id?: number;
  /** A static page has a title, a parent and an order instead of sections, tags and bylines. */
  kind: 'article' | 'page';
  action: string;
  /** A new form: where autosave creates the draft once it has a headline (POST, JSON answer). */
  draftUrl?: string;
  values: Record<string, string>;
  /** Multi-valued fields. */
  categoryIds: string[];
  authorIds: string[];
  /** One select per byline: the article's authors and an empty one to add another, at most MAX_BYLINES. */
  authorSlots: string[];
  errors: Record<string, string>;
  /** Whole-form message (a conflict, a permission). */
  problem?: string;
  status: string;
  statusLabel: string;
  intents: IntentVM[];
  /** "Times are in Europe/Berlin…", beside the publication time. */
  zoneHint: string;
  /** The site's zone (IANA), in which times are typed. */
  timeZone: string;
  /** The article's language (a valid tag, else none) and the direction its fields take: 'rtl' for Persian, Arabic…, else 'auto'. */
  textLang: string | undefined;
  textDir: 'rtl' | 'auto';
  authorOptions: Option[];
  categoryOptions: Option[];
  previewUrl?: string;
  revisionsUrl?: string;
  publicUrl?: string;
  trashUrl?: string;
  restoreUrl?: string;
  /** Site-relative script of the rich editor. */
  editorScript: string;
  /** One line per image shown without alt text (a warning; saving is not blocked). */
  altWarnings: string[];
  /**
   * Images the article refers to that are not in the media library (left out of an import, or on
   * another site): never shown to readers, listed here to upload.
   */
  missingImages?: { clearUrl: string; images: { url: string; alt: string; caption: string; why: string }[] } | undefined;
  /** The current featured image, shown next to its field. */
  featured?: { id: number; src: string; width: number; height: number; alt: string; editUrl: string };
  /** The figures' images by media id, for the editor to draw them with their library texts. */
  figureImages: Record<string, { src: string; width: number; height: number; alt: string; caption: string; credit: string }>;
  /** The role may upload (the editor's image picker offers an upload). */
  canUpload: boolean;
  /** Pages: the parent page choices (the page itself and those under it left out). */
  parentOptions?: Option[];
  /** Corrections, preview links, translations and autosave: saved articles only. */
  editorial?: EditorialVM;
}

/** The panels under the edit form of a saved article (web/admin/articles-editorial.ts). */
export interface EditorialVM {
  id: number;
  /** Published articles: public correction and update notes. */
  corrections?: {
    addUrl: string;
    /** The role may publish this article, so may add notes to it. */
    canAdd: boolean;
    notes: { id: number; kindLabel: string; at: DateVM; text: string; editUrl: string; deleteUrl: string }[];
  };
  /** Unpublished articles: private preview links. */
  preview?: {
    createUrl: string;
    days: number[];
    links: { id: number; created: DateVM; expires: DateVM; state: 'active' | 'expired' | 'revoked'; stateLabel: string; revokeUrl?: string }[];
  };
  translations: { manageUrl: string; linked: { id: number; title: string; language: string; editUrl: string }[] };
  /** JSON endpoint the editor script posts to. */
  autosaveUrl: string;
  /** The user's autosave, newer than the saved article: offer it back. */
  autosave?: { at: DateVM; time: string; restoreUrl: string; dismissUrl: string };
  /** The form shows the autosave's content (not saved yet). */
  restoring?: { at: DateVM; time: string };
  /** Articles (not pages): running it as a live page, and its entries. */
  live?: LiveVM;
}

/** The live coverage panel of an article's admin screen. */
export interface LiveVM {
  state: 'off' | 'live' | 'ended';
  /** The role may run it (start, end, add, edit and delete entries): the right to publish this article. */
  canRun: boolean;
  startUrl: string;
  endUrl: string;
  /** While live: the new entry's form (its values and errors after a refused post). */
  form?: LiveEntryFieldsVM;
  entries: {
    id: number;
    at: DateVM;
    author: string;
    headline: string;
    pinned: boolean;
    editUrl: string;
    deleteUrl: string;
    pinUrl: string;
    publicUrl?: string;
  }[];
  total: number;
  /** "Newer entries" / "Older entries" links when there are more than one page. */
  newerUrl?: string;
  olderUrl?: string;
}

export interface LiveEntryFieldsVM {
  action: string;
  values: { headline: string; body_text: string; body_json: string; pinned: boolean };
  errors: Record<string, string>;
  canUpload: boolean;
  /** The submit button's words: "Publish the entry", "Save the entry". */
  submit: string;
}

/** The edit page of one live entry. */
export interface LiveEntryFormVM {
  layout: AdminLayoutVM;
  csrf: string;
  articleTitle: string;
  editUrl: string;
  form: LiveEntryFieldsVM;
  editorScript: string;
}

export interface RevisionsVM {
  layout: AdminLayoutVM;
  csrf: string;
  editUrl: string;
  /** "Back to the article" or "…the page". */
  noun: 'article' | 'page';
  revisions: {
    id: number;
    at: DateVM;
    who: string;
    statusLabel: string;
    title: string;
    restoreUrl?: string;
    current: boolean;
    compareCurrentUrl?: string;
    comparePreviousUrl?: string;
  }[];
}

/** One revision against the current version or the save before it, in two columns. */
export interface CompareVM {
  layout: AdminLayoutVM;
  revisionsUrl: string;
  oldLabel: string;
  newLabel: string;
  fields: { label: string; changed: boolean; old: { text: string; change?: 'ins' | 'del' }[]; new: { text: string; change?: 'ins' | 'del' }[] }[];
  /** The other comparison, for this revision. */
  switchUrl?: string;
  switchLabel?: string;
}

/** Add or edit one correction or update note. */
export interface CorrectionFormVM {
  layout: AdminLayoutVM;
  csrf: string;
  action: string;
  articleTitle: string;
  editUrl: string;
  values: { kind: string; body: string };
  errors: Record<string, string>;
  maxLength: number;
}

/** A new preview link, shown once. */
export interface PreviewCreatedVM {
  layout: AdminLayoutVM;
  url: string;
  expires: DateVM;
  editUrl: string;
}

/** Link this article to its versions in other languages. */
export interface TranslationsVM {
  layout: AdminLayoutVM;
  csrf: string;
  editUrl: string;
  title: string;
  language: string;
  linked: { id: number; title: string; language: string; editUrl: string; unlinkUrl: string }[];
  linkUrl: string;
  searchUrl: string;
  q: string;
  results: { id: number; title: string; language: string; status: string }[];
  errors: Record<string, string>;
  target: string;
}

/** The most bylines an article form takes (the route refuses more author fields). */
export const MAX_BYLINES = 20;
