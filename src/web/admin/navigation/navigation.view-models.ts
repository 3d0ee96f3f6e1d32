/**
 * @module web/admin/navigation/navigation.view-models
 * What /admin/navigation shows: one menu (a location in a language) with its links, and the
 * choices for a new link.
 */
import type { AdminLayoutVM, FormVM } from '../shell/view-models.js';

export interface MenuRowVM {
  index: number;
  label: string;
  /** What it links to, e.g. "Section: World (/category/world/)"; a missing target says so. */
  target: string;
  missing: boolean;
  depth: 0 | 1;
  canUp: boolean;
  canDown: boolean;
  canIn: boolean;
  canOut: boolean;
}

export interface NavigationVM {
  layout: AdminLayoutVM;
  csrf: string;
  location: 'primary' | 'footer';
  language: string;
  languageLabel: string;
  /** Menu switcher: every location × the languages that have a menu, and the languages to start one in. */
  menus: { label: string; url: string; current: boolean; exists: boolean }[];
  languages: { value: string; label: string }[];
  version: string;
  rows: MenuRowVM[];
  /** The menu pages in this language show when this one is empty ("the menu for all languages"…). */
  fallback: string;
  /** The add form and the labels form (errors, values kept). */
  form: FormVM;
  choices: {
    categories: { value: string; label: string }[];
    pages: { value: string; label: string }[];
    authors: { value: string; label: string }[];
  };
  script: string;
}
