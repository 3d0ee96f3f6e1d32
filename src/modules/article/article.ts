/**
 * @module modules/article/article
 * Article domain: input shape for creating posts and the invariants on it.
 */
import { AppError } from '../../lib/errors.js';
import type { PostFormat, PostStatus, PostType } from '../../db/schema.js';
import type { ArticleDocument } from './document.js';

export interface ArticleInput {
  type?: PostType;
  status?: PostStatus;
  slug: string;
  title: string;
  excerpt?: string;
  body: ArticleDocument;
  language?: string;
  translationGroup?: string | null;
  /** Category ids; the first is the primary one unless primaryCategoryId says otherwise. */
  categoryIds?: number[];
  primaryCategoryId?: number | null;
  tagIds?: number[];
  /** Author ids in byline order. */
  authorIds?: number[];
  /**
   * The people the article is about or quotes, in the editor's order (absent: unchanged on
   * update, none on create). People its quotations and figures are attributed to are always
   * linked as quoted too.
   */
  people?: { personId: number; role: 'subject' | 'quoted' }[];
  featuredMediaId?: number | null;
  publishedAt?: string | null;
  updatedAt?: string;
  commentStatus?: 'open' | 'closed';
  sticky?: boolean;
  /** WordPress' post format (absent: unchanged on update, standard on create). */
  format?: PostFormat;
  seoTitle?: string;
  seoDescription?: string;
  /** A page's parent page (absent: unchanged on update, none on create; posts never have one). */
  parentId?: number | null;
  /** A page's place among its siblings, lower first (absent: unchanged, 0 on create). */
  menuOrder?: number;
}

export type ArticleErrorCode =
  | 'ARTICLE_INVALID'
  | 'ARTICLE_SLUG_TAKEN'
  | 'ARTICLE_NOT_FOUND'
  | 'ARTICLE_STATUS'
  | 'ARTICLE_CONFLICT'
  | 'ARTICLE_BODY_INVALID'
  | 'ARTICLE_NOT_PUBLISHED'
  | 'ARTICLE_PUBLISHED'
  | 'ARTICLE_TRASHED';

export class ArticleError extends AppError<ArticleErrorCode> {
  /**
   * @param fields form field → message, when the error is about fields the editor can fix
   *   (ARTICLE_INVALID from a save: a section that no longer exists, a slug in use…).
   */
  constructor(
    code: ArticleErrorCode,
    message: string,
    public readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(code, message);
  }
}

/** The statuses by name, as the newsroom reads them. */
export const STATUS_LABELS: Readonly<Record<PostStatus, string>> = {
  draft: 'Draft',
  pending: 'Pending review',
  scheduled: 'Scheduled',
  published: 'Published',
  trash: 'Trash',
};

export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}\p{M}-]{0,190}$/u;

/** Turns a headline into a URL slug: lowercase, hyphens, letters of any script kept. */
export function slugify(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200c\u200d]/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 190)
    .replace(/-+$/g, '');
}

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Checks what a database constraint cannot; throws ArticleError('ARTICLE_INVALID'). */
export function validateArticle(input: ArticleInput): void {
  const fail = (m: string): never => {
    throw new ArticleError('ARTICLE_INVALID', m);
  };
  if (!input.title.trim()) fail('The headline is empty.');
  if (input.title.length > 500) fail('The headline is longer than 500 characters.');
  if (!SLUG_PATTERN.test(input.slug)) fail(`The slug "${input.slug.slice(0, 50)}" may only hold lowercase letters, digits and hyphens.`);
  if ((input.excerpt ?? '').length > 2000) fail('The standfirst is longer than 2,000 characters.');
  if (input.language !== undefined && !LANG.test(input.language)) fail('The language must be a language tag such as "en" or "fa".');
  if (input.body?.type !== 'doc' || !Array.isArray(input.body.content)) fail('The body is not a document.');
}
