/**
 * @module web/admin/presenters
 * Builds admin view-models from domain data. No I/O.
 */
import type { AuditRow } from '../../db/schema.js';
import { AUDIT_LABELS, type AuditAction } from '../../modules/audit/audit.js';
import type { AuditPage } from '../../modules/audit/audit.repository.js';
import type { UserListRow } from '../../modules/user/user.repository.js';
import { actionsOf, can, PERMISSIONS, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../../modules/user/permissions.js';
import type { User } from '../../modules/user/user.js';
import type { AdminLayoutVM, AuditVM, DashboardSectionVM, DashboardVM, FormVM, NavItemVM, UsersVM } from './view-models.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const dateVM = (iso: string): { iso: string; label: string } => ({ iso, label: `${dateFormat.format(new Date(iso))} UTC` });

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

export const noticeFor = (key: unknown): string | undefined =>
  typeof key === 'string' && Object.hasOwn(NOTICES, key) ? NOTICES[key as NoticeKey] : undefined;

interface LayoutInput {
  title: string;
  siteName: string;
  csrf: string;
  user?: User | undefined;
  path?: string;
  notice?: string | undefined;
}

function navFor(user: User, path: string): NavItemVM[] {
  const items: { label: string; url: string; show: boolean }[] = [
    { label: 'Dashboard', url: '/admin', show: true },
    { label: 'Articles', url: '/admin/articles', show: can(user.role, 'post.create') },
    { label: 'Comments', url: '/admin/comments', show: can(user.role, 'comments.moderate') },
    { label: 'Users', url: '/admin/users', show: can(user.role, 'users.manage') },
    { label: 'Audit log', url: '/admin/audit', show: can(user.role, 'audit.view') },
  ];
  return items.filter((i) => i.show).map((i) => ({ label: i.label, url: i.url, current: i.url === path }));
}

export function layoutVM(i: LayoutInput): AdminLayoutVM {
  return {
    title: i.title,
    siteName: i.siteName,
    csrf: i.csrf,
    nav: i.user ? navFor(i.user, i.path ?? '') : [],
    ...(i.user ? { user: { name: i.user.name, email: i.user.email, roleLabel: ROLE_LABELS[i.user.role] } } : {}),
    ...(i.notice !== undefined ? { notice: i.notice } : {}),
  };
}

export const emptyForm = (): FormVM => ({ values: {}, errors: {} });

/**
 * The newsroom's sections. Those marked 'coming' are placeholders the later admin features fill;
 * each says what it will hold and whether this user's role will be able to use it.
 */
function sectionsFor(user: User, counts?: DashboardCounts): DashboardSectionVM[] {
  const r = user.role;
  const sections: DashboardSectionVM[] = [
    {
      id: 'articles', title: 'Articles', status: 'ready',
      links: [{ label: 'All articles', url: '/admin/articles' }, { label: 'Write a new article', url: '/admin/articles/new' }],
      description: can(r, 'post.publish.any')
        ? 'Drafts, articles pending review and scheduled articles, with filters and search. You can edit and publish any article.'
        : can(r, 'post.publish.own')
          ? 'Your drafts, scheduled and published articles. You can write and publish your own.'
          : 'Your drafts and articles pending review. You write and submit; an editor publishes.',
    },
    {
      id: 'media', title: 'Media', status: 'coming', links: [],
      description: can(r, 'media.upload') ? 'The image library: upload, search and edit alt text, captions and credits.' : 'The image library (your role can use images already uploaded, not upload new ones).',
    },
  ];
  if (can(r, 'comments.moderate')) {
    const pending = counts?.pendingComments;
    sections.push({ id: 'comments', title: 'Comments', status: 'ready', links: [{ label: pending !== undefined ? `Moderate comments (${pending} pending)` : 'Moderate comments', url: '/admin/comments' }], description: 'The moderation queue: pending, approved, spam and trash.' });
  }
  if (can(r, 'taxonomy.manage')) sections.push({ id: 'taxonomy', title: 'Categories and tags', status: 'coming', links: [], description: 'The category tree and tags: create, rename, move, merge.' });
  if (can(r, 'users.manage')) sections.push({ id: 'users', title: 'Users', status: 'ready', links: [{ label: 'Manage users', url: '/admin/users' }], description: 'Add people to the newsroom, change roles, disable accounts and end sessions.' });
  if (can(r, 'audit.view')) sections.push({ id: 'audit', title: 'Audit log', status: 'ready', links: [{ label: 'View the audit log', url: '/admin/audit' }], description: 'Who did what, and when.' });
  if (can(r, 'settings.manage')) sections.push({ id: 'settings', title: 'Settings', status: 'coming', links: [], description: 'Site name, description, language and permalinks.' });
  return sections;
}

/** Figures the dashboard shows next to its links (each optional). */
export interface DashboardCounts { pendingComments?: number }

export function dashboardVM(layout: AdminLayoutVM, csrf: string, user: User, counts?: DashboardCounts): DashboardVM {
  return {
    layout,
    csrf,
    user: {
      name: user.name,
      email: user.email,
      roleLabel: ROLE_LABELS[user.role],
      roleDescription: ROLE_DESCRIPTIONS[user.role],
      ...(user.lastLoginAt ? { lastLogin: dateVM(user.lastLoginAt) } : {}),
    },
    abilities: actionsOf(user.role).filter((a) => a !== 'admin.access').map((a) => {
      const label = PERMISSIONS[a].label;
      return label.charAt(0).toUpperCase() + label.slice(1);
    }),
    sections: sectionsFor(user, counts),
  };
}

export const roleOptions = () => ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], description: ROLE_DESCRIPTIONS[r] }));

export function usersVM(layout: AdminLayoutVM, csrf: string, me: User, rows: UserListRow[], create: FormVM): UsersVM {
  return {
    layout,
    csrf,
    users: rows.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role],
      status: u.status,
      sessions: u.sessions,
      ...(u.last_login_at ? { lastLogin: dateVM(u.last_login_at) } : {}),
      isSelf: u.id === me.id,
    })),
    roles: roleOptions(),
    create,
  };
}

const actionLabel = (action: string): string => (Object.hasOwn(AUDIT_LABELS, action) ? AUDIT_LABELS[action as AuditAction] : action);

export function auditVM(layout: AdminLayoutVM, page: AuditPage): AuditVM {
  return {
    layout,
    entries: page.rows.map((r: AuditRow) => ({
      at: dateVM(r.at),
      actor: r.actor_label || '—',
      action: actionLabel(r.action),
      target: r.target_label,
      detail: r.detail,
      ip: r.ip,
    })),
    page: page.page,
    totalPages: page.totalPages,
    total: page.total,
    ...(page.page > 1 ? { prevUrl: page.page === 2 ? '/admin/audit' : `/admin/audit?page=${page.page - 1}` } : {}),
    ...(page.page < page.totalPages ? { nextUrl: `/admin/audit?page=${page.page + 1}` } : {}),
  };
}
