/**
 * @module web/admin/people/people.view-models
 * What the People screens render: the list (search, pages, the add form), one person's edit
 * screen (fields, their articles, merge and delete), the two confirmations, and the quick add
 * form shown when a writer without JavaScript adds a person from the article editor.
 */
import type { AdminLayoutVM, FormVM, ThumbVM } from '../shell/view-models.js';

export interface PersonItemVM {
  id: number;
  name: string;
  description: string;
  thumb?: ThumbVM;
  editUrl: string;
  pageUrl: string;
  articles: number;
}

export interface PeopleVM {
  layout: AdminLayoutVM;
  csrf: string;
  q: string;
  /** "12 people", "2 people match “lind”". */
  caption: string;
  people: PersonItemVM[];
  page: number;
  totalPages: number;
  prevUrl?: string;
  nextUrl?: string;
  create: FormVM;
}

/** One article that names the person. */
export interface PersonArticleVM {
  title: string;
  editUrl: string;
  status: string;
  /** "About" or "Quoted". */
  role: string;
}

export interface PersonEditVM {
  layout: AdminLayoutVM;
  csrf: string;
  id: number;
  name: string;
  action: string;
  form: FormVM;
  /** The chosen photo as it stands (none chosen, or not found). */
  photo?: { thumb: ThumbVM; alt: string; editUrl: string };
  canUpload: boolean;
  /** The public page, as a full address. */
  pageUrl: string;
  /** The address as saved (the field may hold a refused one). */
  slug: string;
  /** The address before the slug, "https://news.example/people/". */
  addressPrefix: string;
  articles: PersonArticleVM[];
  articleTotal: number;
  merge: { action: string; candidates: { value: string; label: string }[]; errors: Record<string, string>; values: Record<string, string> };
  deleteUrl: string;
  script: string;
}

/** One side of a merge, as the confirmation describes it. */
export interface MergeSideVM {
  id: number;
  name: string;
  description: string;
  path: string;
  articles: number;
}

export interface MergeConfirmVM {
  layout: AdminLayoutVM;
  csrf: string;
  from: MergeSideVM;
  into: MergeSideVM;
  action: string;
  cancelUrl: string;
}

export interface DeleteConfirmVM {
  layout: AdminLayoutVM;
  csrf: string;
  name: string;
  path: string;
  articles: number;
  action: string;
  cancelUrl: string;
}

export interface QuickAddVM {
  layout: AdminLayoutVM;
  csrf: string;
  form: FormVM;
  /** Where the writer goes back to (validated), carried in a hidden field. */
  next?: string;
  backUrl: string;
}
