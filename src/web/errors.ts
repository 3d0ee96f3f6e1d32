/**
 * @module web/errors
 * The one place where errors become HTTP responses. Use cases refuse with an AppError carrying a
 * stable code from their module's code union; ERROR_STATUS maps every code of every module to a
 * status, and is typed over the union of them all, so a new code without a status fails tsc.
 * docs/errors.md says what each code means (test/web/errors.test.ts keeps the two in step).
 * Anything unknown is logged and answered with a generic 500 that leaks nothing.
 */
import { AppError } from '../lib/errors.js';
import { databaseUnavailable } from '../db/dialects/unavailable.js';

/** What a 503 for an unreachable database asks the client to wait. */
const DATABASE_RETRY_SECONDS = 5;
import type { ArticleErrorCode } from '../modules/article/article.js';
import type { AuthorErrorCode } from '../modules/author/author.js';
import type { CommentErrorCode } from '../modules/comment/comment.js';
import type { CorrectionErrorCode } from '../modules/correction/correction.js';
import type { EmbedErrorCode } from '../modules/embed/embed.js';
import type { LiveErrorCode } from '../modules/live/live.js';
import type { MediaErrorCode } from '../modules/media/media.js';
import type { PersonErrorCode } from '../modules/person/person.js';
import type { PreviewErrorCode } from '../modules/preview/preview.service.js';
import type { SiteErrorCode } from '../modules/site/site.js';
import type { FrontPageErrorCode } from '../modules/frontpage/frontpage.js';
import type { TaxonomyErrorCode } from '../modules/taxonomy/taxonomy.service.js';
import type { TranslationErrorCode } from '../modules/translation/translation.service.js';
import type { UserErrorCode } from '../modules/user/user.js';

/** Codes the web layer itself answers with (requests it cannot read, routes that do not exist…). */
export type WebErrorCode =
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL';

export type ErrorCode =
  | WebErrorCode
  | ArticleErrorCode
  | AuthorErrorCode
  | CommentErrorCode
  | CorrectionErrorCode
  | EmbedErrorCode
  | PersonErrorCode
  | LiveErrorCode
  | MediaErrorCode
  | PreviewErrorCode
  | SiteErrorCode
  | FrontPageErrorCode
  | TaxonomyErrorCode
  | TranslationErrorCode
  | UserErrorCode;

/** Every code → its HTTP status. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
  ARTICLE_INVALID: 400,
  ARTICLE_BODY_INVALID: 400,
  ARTICLE_NOT_FOUND: 404,
  ARTICLE_SLUG_TAKEN: 409,
  ARTICLE_CONFLICT: 409,
  ARTICLE_STATUS: 409,
  ARTICLE_NOT_PUBLISHED: 409,
  ARTICLE_PUBLISHED: 409,
  ARTICLE_TRASHED: 409,
  AUTHOR_INVALID: 400,
  AUTHOR_NOT_FOUND: 404,
  AUTHOR_HAS_ARTICLES: 409,
  AUTHOR_HAS_LOGIN: 409,
  PERSON_INVALID: 400,
  PERSON_NOT_FOUND: 404,
  PERSON_MERGE_INVALID: 400,
  LIVE_INVALID: 400,
  LIVE_NOT_FOUND: 404,
  LIVE_NOT_RUNNING: 409,
  LIVE_STATE: 409,
  COMMENT_INVALID: 400,
  COMMENT_TOO_LONG: 413,
  COMMENT_INVALID_UTF8: 400,
  COMMENTS_CLOSED: 403,
  COMMENT_POST_NOT_FOUND: 404,
  COMMENT_PARENT_NOT_FOUND: 400,
  COMMENT_FORM_INVALID: 403,
  COMMENT_ORIGIN: 403,
  COMMENT_NOT_FOUND: 404,
  CORRECTION_INVALID: 400,
  EMBED_URL_INVALID: 400,
  EMBED_UNSUPPORTED: 400,
  EMBED_PRIVATE_ADDRESS: 400,
  EMBED_POST_NOT_FOUND: 404,
  EMBED_NO_POST: 422,
  EMBED_UPSTREAM: 502,
  EMBED_TIMEOUT: 504,
  MEDIA_UNREADABLE: 400,
  MEDIA_UNSUPPORTED_TYPE: 415,
  MEDIA_EMPTY: 400,
  MEDIA_INVALID: 400,
  MEDIA_TOO_LARGE: 413,
  MEDIA_NOT_FOUND: 404,
  MEDIA_IN_USE: 409,
  MEDIA_BUSY: 503,
  PREVIEW_INVALID: 400,
  PREVIEW_EXPIRED: 410,
  PREVIEW_REVOKED: 410,
  SITE_SETTINGS_INVALID: 400,
  MENU_INVALID: 400,
  MENU_CHANGED: 409,
  FRONTPAGE_INVALID: 400,
  FRONTPAGE_NOT_FOUND: 404,
  CATEGORY_INVALID: 400,
  CATEGORY_CYCLE: 400,
  CATEGORY_NOT_FOUND: 404,
  CATEGORY_SLUG_TAKEN: 409,
  TAG_INVALID: 400,
  TAG_NOT_FOUND: 404,
  TAG_SLUG_TAKEN: 409,
  TRANSLATION_INVALID: 400,
  TRANSLATION_NOT_FOUND: 404,
  USER_INVALID: 400,
  USER_EMAIL_TAKEN: 409,
  USER_NOT_FOUND: 404,
  USER_FORBIDDEN: 403,
  SETUP_CLOSED: 404,
};

export const statusOf = (code: ErrorCode): number => ERROR_STATUS[code];

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);

/** An error the web layer raises itself, with a code from the table (its status follows). */
export class HttpError extends AppError<ErrorCode> {
  get statusCode(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (message = 'Not found.'): HttpError => new HttpError('NOT_FOUND', message);
export const badRequest = (message: string): HttpError => new HttpError('BAD_REQUEST', message);

export interface PublicError {
  status: number;
  code: ErrorCode;
  /** Safe to show: domain and 4xx messages only; never a stack or SQL. */
  message: string;
  /** True for 5xx: the caller must log it. */
  internal: boolean;
  /** Seconds for a Retry-After header (a refusal that will pass: 503 busy). */
  retryAfter?: number;
}

/**
 * A unique index refused a row: two writers claimed the same slug or email at the same moment,
 * after both had checked it was free. Error codes of SQLite (better-sqlite3) and PostgreSQL.
 */
const UNIQUE_VIOLATION = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

/** Bad gateway, gateway timeout: an outside service's failure, told as it is. */
const GATEWAY = new Set([502, 504]);

/** Fastify's and its plugins' own 4xx (a body too large, a malformed one, too many requests). */
const frameworkCode = (status: number): WebErrorCode =>
  status === 413 ? 'TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';

export function toPublicError(err: unknown): PublicError {
  const e = err as { statusCode?: unknown; code?: unknown; message?: unknown; fields?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code !== undefined && UNIQUE_VIOLATION.has(code)) {
    // The driver's message names tables and columns: never shown.
    return {
      status: 409,
      code: 'CONFLICT',
      message: 'Someone saved the same name or address at the same moment. Nothing was changed; please reload and try again.',
      internal: false,
    };
  }
  const message = (): string => {
    // A refusal about form fields says the first field's problem (the form pages show them all).
    const fields =
      e.fields && typeof e.fields === 'object' ? Object.values(e.fields as Record<string, unknown>).find((m) => typeof m === 'string' && m) : undefined;
    const m = typeof fields === 'string' ? fields : typeof e?.message === 'string' && e.message ? e.message : 'Bad request.';
    return m.slice(0, 500);
  };
  // Ours: a 4xx, a 502/504 (an outside service we asked failed or was too slow: the message names
  // it, nothing of ours), or a 503 that says when to come back (the server is busy, nothing is wrong).
  if (
    err instanceof AppError &&
    isErrorCode(code) &&
    (ERROR_STATUS[code] < 500 || GATEWAY.has(ERROR_STATUS[code]) || (ERROR_STATUS[code] === 503 && err.retryAfterSeconds !== undefined))
  )
    return {
      status: ERROR_STATUS[code],
      code,
      message: message(),
      internal: false,
      ...(err.retryAfterSeconds !== undefined ? { retryAfter: err.retryAfterSeconds } : {}),
    };
  // The database is away (a restart, a failover): come back in a moment; logged as a warning.
  if (databaseUnavailable(err))
    return {
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The site cannot reach its database right now. Please try again in a moment.',
      internal: false,
      retryAfter: DATABASE_RETRY_SECONDS,
    };
  // Not one of ours: a framework 4xx keeps its status and message, anything else is a 500.
  const status = !(err instanceof AppError) && typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) return { status, code: frameworkCode(status), message: message(), internal: false };
  return {
    status: status >= 500 && status < 600 ? status : 500,
    code: 'INTERNAL',
    message: 'Something went wrong on our side. Please try again.',
    internal: true,
  };
}
