/**
 * @module web/admin/taxonomy/taxonomy.view-models
 * What /admin/categories and /admin/tags render. Plain, formatted data.
 */
import type { AdminLayoutVM, FormVM } from '../shell/view-models.js';

export interface OptionVM {
  value: string;
  label: string;
}

export interface CategoryNodeVM {
  id: number;
  name: string;
  slug: string;
  /** Public URL, e.g. /category/world/europe/. */
  url: string;
  editUrl: string;
  articles: number;
  /** Up/Down are offered only where a move is possible. */
  canUp: boolean;
  canDown: boolean;
  children: CategoryNodeVM[];
}

export interface CategoriesVM {
  layout: AdminLayoutVM;
  csrf: string;
  tree: CategoryNodeVM[];
  total: number;
  /** Parents for a new category: "(top level)" then the tree, indented. */
  parentOptions: OptionVM[];
  create: FormVM;
  /** Whole-form message when a create was refused. */
  problem?: string;
}

export interface CategoryEditVM {
  layout: AdminLayoutVM;
  csrf: string;
  id: number;
  name: string;
  url: string;
  articles: number;
  children: number;
  rename: FormVM;
  /** The languages it may have a name in (fields name-fa…). */
  languages: OptionVM[];
  /** Where it may move: top level and every category outside its own subtree. */
  parentOptions: OptionVM[];
  parent: string;
  /** Who may receive its articles: every category outside its subtree (empty: it cannot be deleted). */
  receiverOptions: OptionVM[];
  problem?: { form: 'rename' | 'move' | 'delete'; message: string };
}

export interface TagRowVM {
  id: number;
  name: string;
  slug: string;
  url: string;
  editUrl: string;
  articles: number;
}

export interface TagsVM {
  layout: AdminLayoutVM;
  csrf: string;
  q: string;
  rows: TagRowVM[];
  total: number;
  page: number;
  totalPages: number;
  prevUrl?: string;
  nextUrl?: string;
  into: string;
  problem?: string;
}

export interface TagEditVM {
  layout: AdminLayoutVM;
  csrf: string;
  id: number;
  name: string;
  url: string;
  articles: number;
  form: FormVM;
  /** The languages it may have a name in (fields name-fa…). */
  languages: OptionVM[];
  problem?: string;
}
