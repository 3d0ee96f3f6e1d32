/**
 * @module modules/person/person
 * A person in the news: the politician who said it, the expert quoted, the journalist whose post
 * is cited. A name, a short description or role ("Albanian historian and journalist"), a photo
 * from the media library, links elsewhere (schema.org sameAs) and a note only editors see; and
 * the articles that are about them (`subject`) or quote them (`quoted`). What each field may
 * hold, how names are matched, and the errors the person services throw.
 */
import { AppError } from '../../lib/errors.js';
import type { PersonRole, PersonRow } from '../../db/schema.js';
import { linkList, linksOf, oneLine, paragraphsText, photoIdOf } from '../content/profile-fields.js';

export type { PersonRole, PersonRow };

export type PersonErrorCode = 'PERSON_INVALID' | 'PERSON_NOT_FOUND' | 'PERSON_MERGE_INVALID';

export class PersonError extends AppError<PersonErrorCode> {
  /** @param fields form field → message */
  constructor(
    code: PersonErrorCode,
    message: string,
    public readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(code, message);
  }
}

export const PERSON_LIMITS = { name: 100, description: 200, note: 2000 } as const;

export const PERSON_ROLES: readonly PersonRole[] = ['subject', 'quoted'];

export const isPersonRole = (v: unknown): v is PersonRole => v === 'subject' || v === 'quoted';

/** What a person form saves (every field but the name may be empty). */
export interface PersonProfile {
  name: string;
  description: string;
  photoId: number | null;
  /** https addresses of their pages elsewhere (schema.org sameAs). */
  links: string[];
  /** For editors; never shown to readers. */
  note: string;
}

/**
 * The name folded for matching: compatibility forms, accents and case off, punctuation a space,
 * spaces squeezed. "José  Ramos-Horta" and "jose ramos horta" are the same person to the picker.
 * @example nameKey('Zoë  O’Neill') // 'zoe o neill'
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, 100);
}

/** The person as the form shows it. */
export const profileOfPerson = (row: PersonRow): PersonProfile => ({
  name: row.name,
  description: row.description,
  photoId: row.photo_media_id,
  links: linksOf(row),
  note: row.note,
});

/**
 * Checks a person form (strings, as posted) and returns every problem at once. The photo's id
 * is checked against the library by the service.
 * @example parsePersonForm({ name: 'Ana Berg', links: 'javascript:alert(1)' }).errors.links
 */
export function parsePersonForm(form: Record<string, string | undefined>): { profile?: PersonProfile; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = oneLine(form.name, PERSON_LIMITS.name, 'The name', errors, 'name');
  if (!errors.name && !name) errors.name = 'Enter the person’s name as readers know it.';
  else if (!errors.name && nameKey(name) === '') errors.name = 'The name needs at least one letter or digit.';
  const description = oneLine(form.description, PERSON_LIMITS.description, 'The description', errors, 'description');
  const photoId = photoIdOf(form.photoId, errors, 'photoId');
  const links = linkList(form.links, errors, 'links');
  const note = paragraphsText(form.note, PERSON_LIMITS.note, 'The note', errors, 'note');
  if (Object.keys(errors).length) return { errors };
  return { profile: { name, description, photoId, links, note }, errors };
}

/** "Name, role": how a caption or a quotation's citation names a person. */
export const personLabel = (p: Pick<PersonRow, 'name' | 'description'>): string => (p.description ? `${p.name}, ${p.description}` : p.name);

/** One line of the article form's people fields: "Name", "Name, role" (a role for someone new), or "Name #12". */
export interface PersonLine {
  name: string;
  description: string;
  /** A particular person, when the line ends in #id. */
  id?: number;
}

export const MAX_PEOPLE_LINES = 30;

/**
 * Reads a people field of the article form (one person a line), or says what is wrong with it.
 * @example parsePeopleLines('Maria Lind, harbour master\nOmar Haddad #4').lines
 */
export function parsePeopleLines(raw: string, what: string): { lines: PersonLine[]; error?: string } {
  const rows = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (rows.length > MAX_PEOPLE_LINES) return { lines: [], error: `${what}: list at most ${MAX_PEOPLE_LINES} people (there are ${rows.length}).` };
  const lines: PersonLine[] = [];
  for (const row of rows) {
    const m = /^(.*?)\s*#(\d{1,10})$/.exec(row);
    const text = m ? m[1]! : row;
    const comma = text.search(/[,،;]/);
    const name = (comma >= 0 ? text.slice(0, comma) : text).trim();
    const description = comma >= 0 ? text.slice(comma + 1).trim() : '';
    // A bare "#12" names the person by number alone.
    const { errors } = parsePersonForm({ name: name || (m ? 'x' : ''), description });
    const problem = errors.name ?? errors.description;
    if (problem) return { lines: [], error: `${what}, “${row.slice(0, 60)}”: ${problem}` };
    lines.push({ name, description, ...(m ? { id: Number(m[2]) } : {}) });
  }
  return { lines };
}
