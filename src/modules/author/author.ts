/**
 * @module modules/author/author
 * An author profile: the name, title, bio, photo, public email and links a byline and an author
 * page show. A profile may belong to a user account (the person writes under it) or stand alone
 * (a guest author, managed by editors). What each field may hold, and the errors the author
 * services throw.
 */
import { AppError } from '../../lib/errors.js';
import type { AuthorRow } from '../../db/schema.js';
import { normalizeEmail } from '../user/user.js';

export type AuthorErrorCode = 'AUTHOR_INVALID' | 'AUTHOR_NOT_FOUND' | 'AUTHOR_HAS_ARTICLES' | 'AUTHOR_HAS_LOGIN';

export class AuthorError extends AppError<AuthorErrorCode> {
  /** @param fields form field → message */
  constructor(
    code: AuthorErrorCode,
    message: string,
    public readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(code, message);
  }
}

export const AUTHOR_LIMITS = { name: 100, title: 100, bio: 2000, email: 254, link: 300, links: 10 } as const;

/** What a profile form saves (every field but the name may be empty). */
export interface AuthorProfile {
  name: string;
  title: string;
  /** Plain text; a blank line starts a new paragraph. */
  bio: string;
  photoId: number | null;
  publicEmail: string;
  /** https addresses of the author's pages elsewhere (schema.org sameAs). */
  links: string[];
}

/** The links stored with a profile (a JSON array of strings; anything else reads as none). */
export function linksOf(row: Pick<AuthorRow, 'links'>): string[] {
  try {
    const list: unknown = JSON.parse(row.links || '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The bio's paragraphs: split at blank lines, each paragraph's lines joined by a space. */
export const bioParagraphs = (bio: string): string[] =>
  bio
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

/** The profile as the form shows it. */
export const profileOf = (row: AuthorRow): AuthorProfile => ({
  name: row.name,
  title: row.role_title,
  bio: row.bio,
  photoId: row.avatar_media_id,
  publicEmail: row.public_email,
  links: linksOf(row),
});

// Control characters other than tab and newline, and the line and paragraph separators.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/;
const LINE_CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/** What only ever starts an HTML tag or comment: a plain-text field never means it. */
const TAG = /<\s*[a-z!/?]/i;

function oneLine(raw: string | undefined, max: number, what: string, errors: Record<string, string>, name: string): string {
  const v = (raw ?? '').trim();
  if (LINE_CONTROL.test(v)) errors[name] = `${what} must be one line of text.`;
  else if ([...v].length > max) errors[name] = `${what} must be at most ${max} characters (it has ${[...v].length}).`;
  else if (/[<>]/.test(v)) errors[name] = `${what} cannot contain < or >: it is plain text.`;
  return v;
}

/** Why a link cannot be listed, or undefined. Only https pages, without a user name or password. */
export function linkProblem(raw: string): string | undefined {
  const shown = raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
  if (raw.length > AUTHOR_LIMITS.link) return `“${shown}” is too long: a link has at most ${AUTHOR_LIMITS.link} characters.`;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return `“${shown}” is not a web address: give one https:// address per line.`;
  }
  if (u.protocol !== 'https:') return `“${shown}” does not start with https://: only secure web addresses can be listed.`;
  if (u.username || u.password || !u.hostname.includes('.') || /[\s<>"']/.test(raw))
    return `“${shown}” is not a web address: give one https:// address per line.`;
  return undefined;
}

/**
 * Checks a profile form (strings, as posted) and returns every problem at once. The photo's id
 * is checked against the library by the service.
 * @example parseProfileForm({ name: 'Ana Berg', links: 'javascript:alert(1)' }).errors.links
 */
export function parseProfileForm(form: Record<string, string | undefined>): { profile?: AuthorProfile; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = oneLine(form.name, AUTHOR_LIMITS.name, 'The name', errors, 'name');
  if (!name && !errors.name) errors.name = 'Enter the name readers see on bylines.';
  const title = oneLine(form.title, AUTHOR_LIMITS.title, 'The title', errors, 'title');
  const bio = (form.bio ?? '').replace(/\r\n?/g, '\n').trim();
  if ([...bio].length > AUTHOR_LIMITS.bio) errors.bio = `The bio must be at most ${AUTHOR_LIMITS.bio} characters (it has ${[...bio].length}).`;
  else if (CONTROL.test(bio)) errors.bio = 'The bio contains a control character; paste it again as plain text.';
  else if (TAG.test(bio)) errors.bio = 'The bio is plain text: remove the HTML tags. Leave a blank line between paragraphs.';
  const photo = (form.photoId ?? '').trim();
  let photoId: number | null = null;
  if (photo) {
    if (/^[1-9]\d{0,9}$/.test(photo)) photoId = Number(photo);
    else errors.photoId = 'Enter the number of an image in the media library, or leave it empty.';
  }
  const emailRaw = (form.publicEmail ?? '').trim();
  let publicEmail = '';
  if (emailRaw) {
    const email = emailRaw.length <= AUTHOR_LIMITS.email ? normalizeEmail(emailRaw) : undefined;
    if (email) publicEmail = email;
    else errors.publicEmail = 'Enter an email address like name@example.com, or leave it empty.';
  }
  const lines = (form.links ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (lines.length > AUTHOR_LIMITS.links) errors.links = `List at most ${AUTHOR_LIMITS.links} links (there are ${lines.length}).`;
  else
    for (const l of lines) {
      const problem = linkProblem(l);
      if (problem) {
        errors.links = problem;
        break;
      }
    }
  if (Object.keys(errors).length) return { errors };
  return { profile: { name, title, bio, photoId, publicEmail, links: [...new Set(lines)] }, errors };
}
