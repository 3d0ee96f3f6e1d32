/**
 * @module web/admin/shell/presenters
 * What every admin screen shares, built from domain data: dates, notices, the layout and its nav. No I/O.
 */
import { can, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../../../modules/user/permissions.js';
import type { User } from '../../../modules/user/user.js';
import type { MediaRow } from '../../../db/schema.js';
import { derivativesOf, mediaUrl } from '../../../modules/media/media.js';
import type { AdminLayoutVM, NavItemVM, ThumbVM } from './view-models.js';
import { formatWallTime, wallTimeOf, zoneAbbreviation } from '../../../lib/zoned-time.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as the admin shows it: in the site's zone, with the zone's short name, since a
 * newsroom reads times against its own clock.
 * @example dateVM('2026-12-02T13:05:00Z', 'Europe/Berlin').label // '2 Dec 2026, 14:05 CET'
 */
export function dateVM(iso: string, timeZone: string): { iso: string; label: string } {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
    dateFormats.set(timeZone, f);
  }
  const d = new Date(iso);
  return { iso, label: `${f.format(d)} ${zoneAbbreviation(d, timeZone)}` };
}

/** `2026-12-02T14:05`: an instant as the site's wall time, for an <input type="datetime-local">. */
export const localInputValue = (iso: string, timeZone: string): string => formatWallTime(wallTimeOf(new Date(iso), timeZone));

/** "Times are in Europe/Berlin.": said beside every field that takes a time. */
export const zoneHint = (timeZone: string): string => `Times are in ${timeZone} (the site’s time zone, set in Settings).`;

/** Notices shown after a redirect, by key (the query never carries free text). */
export const NOTICES = {
  'logged-out': 'You have logged out.',
  'logged-out-everywhere': 'You have been logged out on every device.',
  'user-created': 'User added.',
  'role-changed': 'Role changed.',
  'user-disabled': 'User disabled and logged out.',
  'user-enabled': 'User re-enabled.',
  'sessions-ended': 'Sessions ended.',
} as const;

export type NoticeKey = keyof typeof NOTICES;

/** The message for a `?notice=` key from a fixed table; unknown or missing keys give undefined. */
export const noticeLookup =
  <T extends Readonly<Record<string, string>>>(table: T) =>
  (key: unknown): string | undefined =>
    typeof key === 'string' && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;

export const noticeFor = noticeLookup(NOTICES);

interface LayoutInput {
  title: string;
  siteName: string;
  csrf: string;
  user?: User | undefined;
  path?: string;
  notice?: string | undefined;
  /** The site's zone (UTC unless told). */
  timeZone?: string;
  /** admin.css at its current URL. */
  stylesheet: string;
  /** Stylesheets after admin.css (the article form: the site's theme, for its typefaces). */
  extraStylesheets?: readonly string[];
}

function navFor(user: User, path: string): NavItemVM[] {
  const items: { label: string; url: string; show: boolean }[] = [
    { label: 'Dashboard', url: '/admin', show: true },
    { label: 'Articles', url: '/admin/articles', show: can(user.role, 'post.create') },
    { label: 'Pages', url: '/admin/pages', show: can(user.role, 'pages.manage') },
    { label: 'Media', url: '/admin/media', show: can(user.role, 'media.library') },
    { label: 'Categories', url: '/admin/categories', show: can(user.role, 'taxonomy.manage') },
    { label: 'Tags', url: '/admin/tags', show: can(user.role, 'taxonomy.manage') },
    { label: 'Front page', url: '/admin/front-page', show: can(user.role, 'frontpage.manage') },
    { label: 'Navigation', url: '/admin/navigation', show: can(user.role, 'navigation.manage') },
    { label: 'Comments', url: '/admin/comments', show: can(user.role, 'comments.moderate') },
    { label: 'Authors', url: '/admin/authors', show: can(user.role, 'authors.manage') },
    { label: 'People', url: '/admin/people', show: can(user.role, 'people.manage') },
    { label: 'Users', url: '/admin/users', show: can(user.role, 'users.manage') },
    { label: 'Settings', url: '/admin/settings', show: can(user.role, 'settings.manage') },
    { label: 'Audit log', url: '/admin/audit', show: can(user.role, 'audit.view') },
    { label: 'Your profile', url: '/admin/account', show: true },
  ];
  return items.filter((i) => i.show).map((i) => ({ label: i.label, url: i.url, current: i.url === path }));
}

export function layoutVM(i: LayoutInput): AdminLayoutVM {
  return {
    title: i.title,
    siteName: i.siteName,
    csrf: i.csrf,
    timeZone: i.timeZone ?? 'UTC',
    stylesheet: i.stylesheet,
    extraStylesheets: i.extraStylesheets ?? [],
    nav: i.user ? navFor(i.user, i.path ?? '') : [],
    ...(i.user ? { user: { name: i.user.name, email: i.user.email, roleLabel: ROLE_LABELS[i.user.role] } } : {}),
    ...(i.notice !== undefined ? { notice: i.notice } : {}),
  };
}

export const roleOptions = () => ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], description: ROLE_DESCRIPTIONS[r] }));

/** The smallest stored form at least `minWidth` wide (WebP first; the largest when none is), for the editor's figures. */
export function sizedOf(row: MediaRow, minWidth: number): ThumbVM {
  const ds = derivativesOf(row)
    .filter((d) => d.format !== 'avif')
    .sort((a, b) => a.width - b.width || (a.format === 'webp' ? -1 : 1));
  const d = ds.find((x) => x.width >= minWidth) ?? ds.at(-1);
  return d ? { src: mediaUrl(d.path), width: d.width, height: d.height } : { src: mediaUrl(row.path), width: row.width, height: row.height };
}

/** The smallest stored form (WebP when there is one), for grids and pickers. */
export const thumbOf = (row: MediaRow): ThumbVM => sizedOf(row, 0);
