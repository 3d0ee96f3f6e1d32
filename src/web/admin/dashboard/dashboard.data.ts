/**
 * @module web/admin/dashboard/dashboard.data
 * What /admin shows at a glance, in a fixed number of queries whatever the newsroom's size: one
 * per short list, one for the counts by status, and two for comments. Contributors and authors
 * see only articles bylined to them; editors and owners see everyone's. The queries are in
 * modules/content/dashboard.repository (posts), comment.repository and author.repository.
 */
import type { Db } from '../../../db/database.js';
import type { PostStatus } from '../../../db/schema.js';
import { findAuthorOfUser } from '../../../modules/author/author.repository.js';
import { countWithStatus, recentComments, type RecentComment } from '../../../modules/comment/comment.repository.js';
import { articleCountsByStatus, articlesWithStatus, countArticlesWithStatus, type DashboardPost } from '../../../modules/content/dashboard.repository.js';

export type { DashboardPost };

/** How many items each list shows; the full list is one link away. */
export const DASHBOARD_LIST = 5;

export type DashboardComment = RecentComment;

export interface DashboardData {
  /** The user's author profile (for "my drafts" links), when they have one. */
  authorId?: number;
  /** Counts by status, over what this user may see. */
  counts: Record<PostStatus, number>;
  myDrafts: DashboardPost[];
  myDraftCount: number;
  /** Everyone's drafts (editors and owners only). */
  allDrafts?: DashboardPost[];
  pending: DashboardPost[];
  scheduled: DashboardPost[];
  published: DashboardPost[];
  /** Moderators only. */
  comments?: { pending: number; recent: DashboardComment[] };
}

export interface DashboardScope {
  userId: number;
  /** True: everyone's articles (post.edit.any). */
  all: boolean;
  /** True: comment lists (comments.moderate). */
  comments: boolean;
}

export async function loadDashboard(db: Db, s: DashboardScope): Promise<DashboardData> {
  const scope = s.all ? undefined : s.userId;
  const [author, countRows, myDrafts, myDraftCount, allDrafts, pending, scheduled, published, pendingComments, recent] = await Promise.all([
    findAuthorOfUser(db, s.userId),
    articleCountsByStatus(db, scope),
    articlesWithStatus(db, 'draft', s.userId, DASHBOARD_LIST),
    s.all ? countArticlesWithStatus(db, 'draft', s.userId) : undefined,
    s.all ? articlesWithStatus(db, 'draft', undefined, DASHBOARD_LIST) : undefined,
    articlesWithStatus(db, 'pending', scope, DASHBOARD_LIST),
    articlesWithStatus(db, 'scheduled', scope, DASHBOARD_LIST),
    articlesWithStatus(db, 'published', scope, DASHBOARD_LIST),
    s.comments ? countWithStatus(db, 'pending') : undefined,
    s.comments ? recentComments(db, DASHBOARD_LIST) : undefined,
  ]);
  const counts: Record<PostStatus, number> = { draft: 0, pending: 0, scheduled: 0, published: 0, trash: 0 };
  for (const [status, n] of countRows) counts[status] = n;
  return {
    ...(author ? { authorId: author.id } : {}),
    counts,
    myDrafts,
    myDraftCount: myDraftCount ?? counts.draft,
    ...(allDrafts ? { allDrafts } : {}),
    pending,
    scheduled,
    published,
    ...(s.comments ? { comments: { pending: pendingComments ?? 0, recent: recent ?? [] } } : {}),
  };
}
