/**
 * @module web/admin/authors/authors.presenter
 * View-models of the profile screens, built from author rows and the media they name. No I/O.
 */
import type { AuthorRow, MediaRow } from '../../../db/schema.js';
import { authorPath } from '../../../modules/article/permalink.js';
import { linksOf } from '../../../modules/author/author.js';
import { parseNames } from '../../../lib/local-names.js';
import { languageName, UI_LANGUAGES } from '../../site/i18n.js';
import type { AuthorListRow } from '../../../modules/author/author.repository.js';
import { isRole, ROLE_LABELS } from '../../../modules/user/permissions.js';
import { thumbOf } from '../shell/presenters.js';
import type { AuthorItemVM, ProfileFormVM } from './authors.view-models.js';

/** The longest value each field echoes back after a refusal (one past its limit, so the count shows). */
const ECHO_MAX: Record<string, number> = { name: 400, title: 400, bio: 2100, photoId: 20, publicEmail: 400, links: 4000 };
export const PROFILE_FIELDS = Object.keys(ECHO_MAX);

/** The languages a title may be given in besides the main one (every interface language). */
export const TITLE_LANGUAGES = UI_LANGUAGES;

/** The posted profile fields as strings, each cut to what the form may show again. */
export function postedProfile(fields: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...PROFILE_FIELDS, ...TITLE_LANGUAGES.map((l) => `title-${l}`)]) {
    const v = fields[k];
    out[k] = typeof v === 'string' ? v.slice(0, ECHO_MAX[k] ?? ECHO_MAX.title) : '';
  }
  return out;
}

/** A stored profile as the form's values. */
export const profileValues = (
  row: Pick<AuthorRow, 'name' | 'role_title' | 'role_titles' | 'bio' | 'avatar_media_id' | 'public_email' | 'links'>,
): Record<string, string> => ({
  name: row.name,
  title: row.role_title,
  ...Object.fromEntries(Object.entries(parseNames(row.role_titles)).map(([l, v]) => [`title-${l}`, v])),
  bio: row.bio,
  photoId: row.avatar_media_id !== null ? String(row.avatar_media_id) : '',
  publicEmail: row.public_email,
  links: linksOf(row).join('\n'),
});

export function profileFormVM(
  o: {
    action: string;
    values: Record<string, string>;
    errors: Record<string, string>;
    photo?: MediaRow | undefined;
    canUpload: boolean;
    slug?: string | undefined;
    /** The site's language: its title is the main one, so it gets no field of its own. */
    siteLanguage: string;
  },
  submitLabel: string,
): ProfileFormVM {
  return {
    action: o.action,
    titleLanguages: TITLE_LANGUAGES.filter((l) => l !== o.siteLanguage).map((l) => ({ value: l, label: `${languageName(l)} (${l})` })),
    form: { values: o.values, errors: o.errors },
    ...(o.photo ? { photo: { thumb: thumbOf(o.photo), alt: o.photo.alt, editUrl: `/admin/media/${o.photo.id}` } } : {}),
    canUpload: o.canUpload,
    ...(o.slug !== undefined ? { pageUrl: authorPath(o.slug) } : {}),
    submitLabel,
  };
}

/** "Editor · ana@example.com", or undefined for a guest author. */
export const loginLabel = (email: string | null, role: string | null): string | undefined =>
  email === null ? undefined : `${isRole(role) ? ROLE_LABELS[role] : 'User'} · ${email}`;

export function authorItemVM(r: AuthorListRow, media: ReadonlyMap<number, MediaRow>): AuthorItemVM {
  const photo = r.avatar_media_id !== null ? media.get(r.avatar_media_id) : undefined;
  const login = loginLabel(r.user_email, r.user_role);
  return {
    id: r.id,
    name: r.name,
    title: r.role_title,
    ...(photo ? { thumb: thumbOf(photo) } : {}),
    editUrl: `/admin/authors/${r.id}`,
    pageUrl: authorPath(r.slug),
    ...(login ? { login } : {}),
    articles: r.articles,
    articlesUrl: `/admin/articles?author=${r.id}`,
  };
}
