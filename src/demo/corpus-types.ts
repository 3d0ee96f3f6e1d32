/**
 * @module demo/corpus-types
 * Shapes of the demo corpus (kept apart from corpus.ts so the article files can import them
 * without an import cycle).
 */
import type { ArticleDocument } from '../modules/article/document.js';
import type { Scene } from './images.js';

export interface DemoAuthor {
  slug: string;
  name: string;
  roleTitle: string;
  /** The title in the other languages of the demo's articles. */
  roleTitles?: Record<string, string>;
  /** Plain text; a blank line between paragraphs. */
  bio: string;
  /** hex colour for the generated portrait */
  color: string;
  /** Shown on the author page (a fictional address on a reserved domain). */
  publicEmail?: string;
  /** Profiles elsewhere (fictional, on reserved .example domains). */
  links?: string[];
}

export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
  /** slug of the parent, for second-level sections */
  parent?: string;
  /** Its name on pages in other languages (language → name). */
  names?: Record<string, string>;
}

export interface DemoImage {
  key: string;
  /** what the generator draws, see images.ts */
  scene: Scene;
  alt: string;
  caption: string;
  credit: string;
}

export interface DemoArticle {
  /** lowercase ASCII, hyphens (Persian articles use an ASCII transliterated slug) */
  slug: string;
  title: string;
  /** 1–2 sentences */
  standfirst: string;
  language: 'en' | 'fa' | 'sq';
  /** category slugs, first = primary (drives the breadcrumb) */
  categories: string[];
  /** tag display names, reused across articles */
  tags: string[];
  /** author slugs, in byline order */
  authors: string[];
  /** DemoImage key */
  featuredImage: string;
  /** published this many hours before "now"; all distinct */
  hoursAgo: number;
  /** a few articles were updated after publication */
  updatedHoursAfter?: number;
  /** slug of the article this one translates */
  translationOf?: string;
  /** media(key) returns the stored media id for an image key */
  body: (media: (imageKey: string) => number) => ArticleDocument;
}

export interface DemoPage {
  slug: string;
  title: string;
  standfirst: string;
  body: ArticleDocument;
}

// ---------------------------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------------------------
