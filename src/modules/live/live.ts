/**
 * @module modules/live/live
 * Live coverage: an article that runs as a live page, with timestamped entries (newest first),
 * each with its author, an optional headline and a body in the article document's shape; some
 * are pinned as key events. What an entry may hold and the errors the live services throw.
 */
import { AppError } from '../../lib/errors.js';
import type { LiveEntryRow, LiveStatus } from '../../db/schema.js';
import type { ArticleDocument } from '../article/document.js';

export type { LiveEntryRow, LiveStatus };

export type LiveErrorCode = 'LIVE_INVALID' | 'LIVE_NOT_FOUND' | 'LIVE_NOT_RUNNING' | 'LIVE_STATE';

export class LiveError extends AppError<LiveErrorCode> {
  /** @param fields form field → message */
  constructor(
    code: LiveErrorCode,
    message: string,
    public readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(code, message);
  }
}

export const LIVE_LIMITS = { headline: 300 } as const;

/** Entries on one page of a live article; older ones are on the next pages. */
export const ENTRIES_PER_PAGE = 20;

/** What an entry form saves. */
export interface LiveEntryInput {
  headline: string;
  body: ArticleDocument;
  /** A key event: listed at the top of the live page. */
  pinned: boolean;
}

/** The headline as typed, checked: one line of plain text. */
export function headlineProblem(raw: string): string | undefined {
  if ([...raw].length > LIVE_LIMITS.headline) return `The headline must be at most ${LIVE_LIMITS.headline} characters (it has ${[...raw].length}).`;
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(raw)) return 'The headline must be one line of text.';
  if (/[<>]/.test(raw)) return 'The headline cannot contain < or >: it is plain text.';
  return undefined;
}

/** An entry's anchor on the live page and the address it is shared at. */
export const entryAnchor = (id: number): string => `entry-${id}`;
