/**
 * @module modules/content/profile-fields
 * The plain-text fields of a profile (an author's, a person's): one-line names and titles, a
 * paragraphed text, a photo from the library, and links elsewhere (https only; schema.org
 * sameAs). Each check adds its message under the field's name and returns the cleaned value.
 */

// Control characters other than tab and newline, and the line and paragraph separators.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/;
const LINE_CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/** What only ever starts an HTML tag or comment: a plain-text field never means it. */
const TAG = /<\s*[a-z!/?]/i;

export type FieldErrors = Record<string, string>;

/** A one-line plain-text field, trimmed; `what` starts the message ("The name"). */
export function oneLine(raw: string | undefined, max: number, what: string, errors: FieldErrors, name: string): string {
  const v = (raw ?? '').trim();
  if (LINE_CONTROL.test(v)) errors[name] = `${what} must be one line of text.`;
  else if ([...v].length > max) errors[name] = `${what} must be at most ${max} characters (it has ${[...v].length}).`;
  else if (/[<>]/.test(v)) errors[name] = `${what} cannot contain < or >: it is plain text.`;
  return v;
}

/** Plain text in paragraphs (a blank line between them), newlines normalised and trimmed. */
export function paragraphsText(raw: string | undefined, max: number, what: string, errors: FieldErrors, name: string): string {
  const v = (raw ?? '').replace(/\r\n?/g, '\n').trim();
  if ([...v].length > max) errors[name] = `${what} must be at most ${max} characters (it has ${[...v].length}).`;
  else if (CONTROL.test(v)) errors[name] = `${what} contains a control character; paste it again as plain text.`;
  else if (TAG.test(v)) errors[name] = `${what} is plain text: remove the HTML tags. Leave a blank line between paragraphs.`;
  return v;
}

/** A media id typed or chosen (null when empty); the service checks it is in the library. */
export function photoIdOf(raw: string | undefined, errors: FieldErrors, name: string): number | null {
  const v = (raw ?? '').trim();
  if (!v) return null;
  if (/^[1-9]\d{0,9}$/.test(v)) return Number(v);
  errors[name] = 'Enter the number of an image in the media library, or leave it empty.';
  return null;
}

export const LINK_LIMITS = { link: 300, links: 10 } as const;

/** Why a link cannot be listed, or undefined. Only https pages, without a user name or password. */
export function linkProblem(raw: string): string | undefined {
  const shown = raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
  if (raw.length > LINK_LIMITS.link) return `“${shown}” is too long: a link has at most ${LINK_LIMITS.link} characters.`;
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

/** One https address per line: at most ten, each checked, duplicates dropped. */
export function linkList(raw: string | undefined, errors: FieldErrors, name: string): string[] {
  const lines = (raw ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (lines.length > LINK_LIMITS.links) errors[name] = `List at most ${LINK_LIMITS.links} links (there are ${lines.length}).`;
  else
    for (const l of lines) {
      const problem = linkProblem(l);
      if (problem) {
        errors[name] = problem;
        break;
      }
    }
  return [...new Set(lines)];
}

/** The links stored with a profile (a JSON array of strings; anything else reads as none). */
export function linksOf(row: { links: string }): string[] {
  try {
    const list: unknown = JSON.parse(row.links || '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
