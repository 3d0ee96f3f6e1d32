/**
 * @module web/errors
 * The one place where errors become HTTP responses. Domain errors carry a stable code; this file
 * maps codes to statuses. Anything unknown is logged and answered with a generic 500.
 */
export class HttpError extends Error {
  constructor(public readonly statusCode: number, public readonly code: string, message: string) {
    super(message);
  }
}

export const notFound = (message = 'Not found.'): HttpError => new HttpError(404, 'NOT_FOUND', message);
export const badRequest = (message: string): HttpError => new HttpError(400, 'BAD_REQUEST', message);

/** Domain error codes → HTTP status. */
const STATUS_OF_CODE: Record<string, number> = {
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  ARTICLE_INVALID: 400,
  ARTICLE_CONFLICT: 409,
  ARTICLE_STATUS: 409,
  ARTICLE_NOT_FOUND: 404,
  ARTICLE_SLUG_TAKEN: 409,
  MEDIA_UNREADABLE: 400,
  MEDIA_UNSUPPORTED_TYPE: 415,
  MEDIA_EMPTY: 400,
  MEDIA_INVALID: 400,
  MEDIA_TOO_LARGE: 413,
  MEDIA_NOT_FOUND: 404,
  MEDIA_IN_USE: 409,
};

export interface PublicError {
  status: number;
  code: string;
  /** Safe to show: domain and 4xx messages only; never a stack or SQL. */
  message: string;
  /** True for 5xx: the caller must log it. */
  internal: boolean;
}

/**
 * A unique index refused a row: two writers claimed the same slug or email at the same moment,
 * after both had checked it was free. Error codes of SQLite (better-sqlite3) and PostgreSQL.
 */
const UNIQUE_VIOLATION = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

export function toPublicError(err: unknown): PublicError {
  const e = err as { statusCode?: unknown; code?: unknown; message?: unknown; validation?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code !== undefined && UNIQUE_VIOLATION.has(code)) {
    // The driver's message names tables and columns: never shown.
    return { status: 409, code: 'CONFLICT', message: 'Someone saved the same name or address at the same moment. Nothing was changed; please reload and try again.', internal: false };
  }
  const mapped = code !== undefined ? STATUS_OF_CODE[code] : undefined;
  const status = mapped ?? (typeof e?.statusCode === 'number' ? e.statusCode : 500);
  if (status >= 400 && status < 500) {
    const message = typeof e?.message === 'string' && e.message ? e.message : 'Bad request.';
    return { status, code: code ?? 'BAD_REQUEST', message: message.slice(0, 500), internal: false };
  }
  return { status: status >= 500 && status < 600 ? status : 500, code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.', internal: true };
}
