/**
 * @module web/admin/people/people.presenter
 * The People screens' form reading (posted fields as strings, each refused when it is not one)
 * and view-models built from person rows and the media they name. No I/O.
 */
import { SLUG_PATTERN } from '../../../modules/article/article.js';
import type { MediaRow, PersonRow } from '../../../db/schema.js';
import { linksOf } from '../../../modules/content/profile-fields.js';
import type { PersonArticleRow, PersonListRow } from '../../../modules/person/person.repository.js';
import { personPath } from '../../../modules/person/person.service.js';
import { thumbOf } from '../shell/presenters.js';
import type { Fields } from '../shell/forms.js';
import type { MergeSideVM, PersonArticleVM, PersonItemVM } from './people.view-models.js';

/** The longest value each field echoes back after a refusal (past its limit, so the count in the message is seen). */
const ECHO_MAX: Record<string, number> = { name: 400, description: 400, photoId: 20, links: 4000, note: 2100, slug: 400 };

const WHAT: Record<string, string> = {
  name: 'The name',
  description: 'The description',
  photoId: 'The photo',
  links: 'The links',
  note: 'The note',
  slug: 'The address',
};

/**
 * The posted fields named in `names` as strings: `raw` to check (whole, so a 5,000-character name
 * is measured as it came), `values` to echo (cut short), and an error for any field that came as
 * something other than one string (sent twice, or JSON of another type).
 */
export function postedFields(
  fields: Fields,
  names: readonly string[],
): { raw: Record<string, string>; values: Record<string, string>; errors: Record<string, string> } {
  const raw: Record<string, string> = {};
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const k of names) {
    const v = fields[k];
    if (v === undefined || v === null) raw[k] = '';
    else if (typeof v === 'string') raw[k] = v;
    else {
      raw[k] = '';
      errors[k] = `${WHAT[k] ?? 'This field'} must be sent once, as text: reload the form and try again.`;
    }
    values[k] = raw[k]!.slice(0, ECHO_MAX[k] ?? 400);
  }
  return { raw, values, errors };
}

/** The address the form asks for: undefined to keep it (empty), or a checked slug. */
export function slugOf(raw: string, errors: Record<string, string>): string | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  if (!SLUG_PATTERN.test(v)) errors.slug = 'The address may only hold lowercase letters, digits and hyphens (such as maria-lind), at most 190 of them.';
  return v;
}

/** A stored person as the edit form's values. */
export const personValues = (row: PersonRow): Record<string, string> => ({
  name: row.name,
  description: row.description,
  photoId: row.photo_media_id !== null ? String(row.photo_media_id) : '',
  links: linksOf(row).join('\n'),
  note: row.note,
  slug: row.slug,
});

export function personItemVM(r: PersonListRow, media: ReadonlyMap<number, MediaRow>): PersonItemVM {
  const photo = r.photo_media_id !== null ? media.get(r.photo_media_id) : undefined;
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    ...(photo ? { thumb: thumbOf(photo) } : {}),
    editUrl: `/admin/people/${r.id}`,
    pageUrl: personPath(r.slug),
    articles: r.articles,
  };
}

const STATUS_LABELS: Record<string, string> = { draft: 'Draft', pending: 'Pending review', scheduled: 'Scheduled', published: 'Published', trash: 'Trash' };

export const personArticleVM = (r: PersonArticleRow): PersonArticleVM => ({
  title: r.title || '(no headline)',
  editUrl: r.type === 'page' ? `/admin/pages/${r.id}` : `/admin/articles/${r.id}`,
  status: STATUS_LABELS[r.status] ?? r.status,
  role: r.role === 'subject' ? 'About' : 'Quoted',
});

export const mergeSideVM = (row: PersonRow, articles: number): MergeSideVM => ({
  id: row.id,
  name: row.name,
  description: row.description,
  path: personPath(row.slug),
  articles,
});

/** "3 articles", "1 article". */
export const articlesLabel = (n: number): string => `${n.toLocaleString('en')} article${n === 1 ? '' : 's'}`;

/** "Maria Lind (12), Harbour master": how the merge select names a person. */
export const personOption = (row: PersonRow): { value: string; label: string } => ({
  value: String(row.id),
  label: `${row.name} (no. ${row.id})${row.description ? `, ${row.description}` : ''}`,
});
