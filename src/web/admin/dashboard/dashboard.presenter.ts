/**
 * @module web/admin/dashboard/dashboard.presenter
 * The dashboard's view-model from its data and the signed-in user. No I/O.
 */
import type { PostStatus } from '../../../db/schema.js';
import { actionsOf, can, PERMISSIONS, ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../modules/user/permissions.js';
import type { User } from '../../../modules/user/user.js';
import type { DashboardData, DashboardPost } from './dashboard.data.js';
import { dateVM } from '../shell/presenters.js';
import type { AdminLayoutVM } from '../shell/view-models.js';
import type { DashboardItemVM, DashboardListVM, DashboardVM } from './dashboard.view-models.js';

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

const articlesUrl = (params: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  return `/admin/articles?${q.toString()}`;
};

function item(p: DashboardPost, when: 'updated' | 'scheduled' | 'published', zone: string): DashboardItemVM {
  const iso = when === 'updated' || p.published_at === null ? p.updated_at : p.published_at;
  const label = when === 'updated' ? 'Updated' : when === 'scheduled' ? 'Goes live' : 'Published';
  return { title: p.title.trim() ? clip(p.title, 120) : '(untitled)', url: `/admin/articles/${p.id}`, when: { label, date: dateVM(iso, zone) } };
}

function roleHint(user: User): string {
  const r = user.role;
  return can(r, 'post.publish.any')
    ? 'You can edit and publish any article.'
    : can(r, 'post.publish.own')
      ? 'You write and publish your own articles.'
      : 'You write and submit; an editor publishes.';
}

export function dashboardVM(layout: AdminLayoutVM, csrf: string, user: User, d: DashboardData): DashboardVM {
  const all = can(user.role, 'post.edit.any');
  const list = (
    id: string,
    title: string,
    status: PostStatus,
    rows: DashboardPost[],
    count: number,
    when: 'updated' | 'scheduled' | 'published',
    more: string,
    empty: string,
    mine = false,
  ): DashboardListVM => ({
    id,
    title,
    count,
    empty,
    items: rows.map((r) => item(r, when, layout.timeZone)),
    more: { label: more, url: articlesUrl({ status, author: mine && all ? d.authorId : undefined }) },
  });
  const lists: DashboardListVM[] = [
    list('my-drafts', 'My drafts', 'draft', d.myDrafts, d.myDraftCount, 'updated', 'All my drafts', 'You have no drafts.', true),
  ];
  if (d.allDrafts) lists.push(list('drafts', 'All drafts', 'draft', d.allDrafts, d.counts.draft, 'updated', 'All drafts', 'No drafts in the newsroom.'));
  lists.push(
    list(
      'pending',
      all ? 'Pending review' : 'My articles pending review',
      'pending',
      d.pending,
      d.counts.pending,
      'updated',
      'All pending review',
      all ? 'Nothing is waiting for review.' : 'None of your articles is waiting for review.',
    ),
    list(
      'scheduled',
      all ? 'Scheduled' : 'My scheduled articles',
      'scheduled',
      d.scheduled,
      d.counts.scheduled,
      'scheduled',
      'All scheduled',
      'Nothing is scheduled.',
    ),
    list(
      'published',
      all ? 'Recently published' : 'My recently published',
      'published',
      d.published,
      d.counts.published,
      'published',
      'All published',
      'Nothing published yet.',
    ),
  );
  const actions: DashboardVM['actions'] = [{ label: 'New article', url: '/admin/articles/new', primary: true }];
  actions.push({ label: can(user.role, 'media.upload') ? 'Upload images' : 'Media library', url: '/admin/media', primary: false });
  if (can(user.role, 'comments.moderate')) actions.push({ label: 'Moderate comments', url: '/admin/comments', primary: false });
  if (can(user.role, 'taxonomy.manage'))
    actions.push({ label: 'Categories', url: '/admin/categories', primary: false }, { label: 'Tags', url: '/admin/tags', primary: false });
  if (can(user.role, 'users.manage')) actions.push({ label: 'Users', url: '/admin/users', primary: false });
  return {
    layout,
    csrf,
    user: {
      name: user.name,
      email: user.email,
      roleLabel: ROLE_LABELS[user.role],
      roleDescription: ROLE_DESCRIPTIONS[user.role],
      roleHint: roleHint(user),
      ...(user.lastLoginAt ? { lastLogin: dateVM(user.lastLoginAt, layout.timeZone) } : {}),
    },
    abilities: actionsOf(user.role)
      .filter((a) => a !== 'admin.access')
      .map((a) => {
        const label = PERMISSIONS[a].label;
        return label.charAt(0).toUpperCase() + label.slice(1);
      }),
    actions,
    lists,
    ...(d.comments
      ? {
          comments: {
            pending: d.comments.pending,
            url: '/admin/comments',
            items: d.comments.recent.map((c) => ({
              author: clip(c.author_name, 100) || 'Anonymous',
              excerpt: clip(c.body.replace(/\s+/g, ' ').trim(), 140),
              postTitle: clip(c.post_title, 100) || '(untitled)',
              url: `/admin/comments?status=${c.status}&post=${c.post_id}`,
              pending: c.status === 'pending',
              date: dateVM(c.created_at, layout.timeZone),
            })),
          },
        }
      : {}),
  };
}
