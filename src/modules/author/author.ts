/**
 * @module modules/author/author
 * An author profile: the name, title, bio, photo, public email and links a byline and an author
 * page show. A profile may belong to a user account (the person writes under it) or stand alone
 * (a guest author, managed by editors). What each field may hold, and the errors the author
 * services throw.
 */
import { AppError } from '../../lib/errors.js';
import { parseNames } from '../../lib/local-names.js';
import type { AuthorRow } from '../../db/schema.js';
import { normalizeEmail } from '../user/user.js';
import { linkList, linksOf, oneLine, paragraphsText, photoIdOf } from '../content/profile-fields.js';

export { linksOf };

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

export const AUTHOR_LIMITS = { name: 100, title: 100, bio: 2000, email: 254 } as const;

/** What a profile form saves (every field but the name may be empty). */
export interface AuthorProfile {
  name: string;
  title: string;
  /** The title in other languages, language → title (bylines of pages in that language). */
  titles: Readonly<Record<string, string>>;
  /** Plain text; a blank line starts a new paragraph. */
  bio: string;
  photoId: number | null;
  publicEmail: string;
  /** https addresses of the author's pages elsewhere (schema.org sameAs). */
  links: string[];
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
  titles: parseNames(row.role_titles),
  bio: row.bio,
  photoId: row.avatar_media_id,
  publicEmail: row.public_email,
  links: linksOf(row),
});

/**
 * Checks a profile form (strings, as posted) and returns every problem at once. The photo's id
 * is checked against the library by the service.
 * @example parseProfileForm({ name: 'Ana Berg', links: 'javascript:alert(1)' }).errors.links
 */
export function parseProfileForm(
  form: Record<string, string | undefined>,
  languages: readonly string[] = [],
): { profile?: AuthorProfile; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = oneLine(form.name, AUTHOR_LIMITS.name, 'The name', errors, 'name');
  if (!name && !errors.name) errors.name = 'Enter the name readers see on bylines.';
  const title = oneLine(form.title, AUTHOR_LIMITS.title, 'The title', errors, 'title');
  const titles: Record<string, string> = {};
  for (const l of languages) {
    const v = oneLine(form[`title-${l}`], AUTHOR_LIMITS.title, 'The title', errors, `title-${l}`);
    if (v) titles[l] = v;
  }
  const bio = paragraphsText(form.bio, AUTHOR_LIMITS.bio, 'The bio', errors, 'bio');
  const photoId = photoIdOf(form.photoId, errors, 'photoId');
  const emailRaw = (form.publicEmail ?? '').trim();
  let publicEmail = '';
  if (emailRaw) {
    const email = emailRaw.length <= AUTHOR_LIMITS.email ? normalizeEmail(emailRaw) : undefined;
    if (email) publicEmail = email;
    else errors.publicEmail = 'Enter an email address like name@example.com, or leave it empty.';
  }
  const links = linkList(form.links, errors, 'links');
  if (Object.keys(errors).length) return { errors };
  return { profile: { name, title, titles, bio, photoId, publicEmail, links }, errors };
}
