/**
 * @module modules/comment/comment
 * Comment domain types, error codes and input validation.
 */
import { AppError } from '../../lib/errors.js';
import type { CommentStatus } from '../../db/schema.js';

export type CommentErrorCode =
  | 'COMMENT_INVALID'
  | 'COMMENT_TOO_LONG'
  | 'COMMENT_INVALID_UTF8'
  | 'COMMENTS_CLOSED'
  | 'COMMENT_POST_NOT_FOUND'
  | 'COMMENT_PARENT_NOT_FOUND'
  | 'COMMENT_FORM_INVALID'
  | 'COMMENT_ORIGIN'
  | 'COMMENT_NOT_FOUND';

export class CommentError extends AppError<CommentErrorCode> {
  /**
   * @param detail which COMMENT_INVALID it is (body, name, nameLong, emailRequired, email), so
   *   the web layer can say it in the reader's language; `values` fill its placeholders.
   */
  constructor(
    code: CommentErrorCode,
    message: string,
    public readonly detail?: string,
    public readonly values: Record<string, string | number> = {},
  ) {
    super(code, message);
  }
}

/** What a reader sends, already read from the form. */
export interface CommentInput {
  postId: number;
  parentId: number | null;
  name: string;
  email: string;
  body: string;
  notifyReplies: boolean;
  /** The honeypot field's value (people leave it empty). */
  honeypot: string;
  /** When the form was issued (from its signed token). */
  issuedAt: Date;
  /** The form came from a page every reader shares (a cached page's token): its time is not this reader's. */
  sharedForm?: boolean;
  /** The form token: with the content, it makes the idempotency key. */
  formToken: string;
  /** The address's hash under the current key (stored with the comment). */
  ipHash: string;
  /** Every hash the address may be stored under (current and previous key; modules/comment/ip-keys), for rules and rate limits. */
  ipHashes?: readonly string[];
  /** For an outside spam check only (never stored): the address, browser and referring page. */
  request?: { ip: string; userAgent: string; referrer: string };
}

/** A comment as pages and the API show it: never the email or the IP hash. */
export interface PublicComment {
  id: number;
  parentId: number | null;
  /** The thread's top-level comment (itself when top level): what comment pages split by. */
  rootId: number;
  depth: number;
  authorName: string;
  /** Written by a member of staff from the admin (shown as such): their user id; null for readers. */
  staffUserId: number | null;
  authorUrl: string;
  bodyHtml: string;
  status: CommentStatus;
  createdAt: string;
}

const EMAIL = /^[^\s@<>()",;:]{1,64}@[^\s@<>()",;:]{1,255}\.[^\s@<>()",;:]{2,63}$/;
// Bidi overrides and isolates are allowed in text (dir="auto" handles direction), but not in names,
// where they could make one name look like another.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** A plausible email address (the same check the comment form uses). */
export const isEmail = (s: string): boolean => EMAIL.test(s);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Checks and normalises the reader's fields; throws CommentError. */
export function validateComment(
  input: { name: string; email: string; body: string },
  o: { maxLength: number; requireEmail: boolean },
): { name: string; email: string; body: string } {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const email = input.email.trim().toLowerCase();
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  if (LONE_SURROGATE.test(input.name) || LONE_SURROGATE.test(input.body) || LONE_SURROGATE.test(input.email))
    throw new CommentError('COMMENT_INVALID_UTF8', 'The comment is not valid UTF-8 text.');
  if (body.length === 0) throw new CommentError('COMMENT_INVALID', 'Please write a comment.', 'body');
  if ([...body].length > o.maxLength)
    throw new CommentError('COMMENT_TOO_LONG', `Comments can be at most ${o.maxLength} characters long.`, undefined, { max: o.maxLength });
  if (name.length === 0) throw new CommentError('COMMENT_INVALID', 'Please give a name.', 'name');
  if (name.length > 100 || CONTROL.test(name))
    throw new CommentError('COMMENT_INVALID', 'Names can be at most 100 characters, without control characters.', 'nameLong');
  if (email === '' && o.requireEmail) throw new CommentError('COMMENT_INVALID', 'Please give an email address (it is never shown).', 'emailRequired');
  if (email !== '' && !EMAIL.test(email)) throw new CommentError('COMMENT_INVALID', 'That email address does not look right.', 'email');
  if (body.includes('\u0000')) throw new CommentError('COMMENT_INVALID', 'The comment contains a NUL character.');
  return { name, email, body };
}
