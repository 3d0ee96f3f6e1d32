/**
 * @module web/admin/authors/authors.view-models
 * What the profile screens render: the signed-in user's own profile (/admin/account), the list of
 * every author (/admin/authors) and one author's profile as an editor sees it.
 */
import type { AdminLayoutVM, FormVM, ThumbVM } from '../shell/view-models.js';

/** The profile form, shared by /admin/account and /admin/authors/{id}. */
export interface ProfileFormVM {
  action: string;
  form: FormVM;
  /** The languages the title may be given in too ("Title in other languages"). */
  titleLanguages: { value: string; label: string }[];
  /** The chosen photo as it stands (none chosen, or not found). */
  photo?: { thumb: ThumbVM; alt: string; editUrl: string };
  canUpload: boolean;
  /** The author page, once the profile exists. */
  pageUrl?: string;
  submitLabel: string;
}

export interface AccountVM {
  layout: AdminLayoutVM;
  csrf: string;
  profile: ProfileFormVM;
  account: { name: string; email: string; roleLabel: string };
  /** The change-password form's errors (passwords are never echoed back). */
  password: { errors: Record<string, string> };
  /** Editors and owners: a link to everyone's profiles. */
  canManageAuthors: boolean;
  script: string;
}

export interface AuthorItemVM {
  id: number;
  name: string;
  title: string;
  thumb?: ThumbVM;
  editUrl: string;
  pageUrl: string;
  /** "Editor · ana@example.com", or undefined for a guest author. */
  login?: string;
  articles: number;
  articlesUrl: string;
}

export interface AuthorsVM {
  layout: AdminLayoutVM;
  csrf: string;
  authors: AuthorItemVM[];
  create: FormVM;
}

export interface AuthorEditVM {
  layout: AdminLayoutVM;
  csrf: string;
  profile: ProfileFormVM;
  /** "Writes with a login: …" or "Guest author (no login)". */
  login?: string;
  articles: number;
  articlesUrl: string;
  /** Guest authors without articles may be deleted; otherwise, why not. */
  delete: { url: string } | { reason: string };
  script: string;
}
