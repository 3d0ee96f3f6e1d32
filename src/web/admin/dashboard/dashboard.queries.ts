/**
 * @module web/admin/dashboard/dashboard.queries
 * What /admin shows at a glance, in a fixed number of queries whatever the newsroom's size: one
 * per short list, one for the counts by status, and two for comments. Contributors and authors
 * see only articles bylined to them; editors and owners see everyone's.
 */
import type { Db } from '../../../db/database.js';
import type { CommentStatus, PostStatus } from '../../../db/schema.js';

/** How many items each list shows; the full list is one link away. */
export const DASHBOARD_LIST = 5;

export interface DashboardPost { id: number; title: string; status: PostStatus; updated_at: string; published_at: string | null }
export interface DashboardComment { id: number; author_name: string; body: string; status: CommentStatus; created_at: string; post_id: number; post_title: string }

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

function posts(db: Db, ownerUserId: number | undefined) {
  let q = db.selectFrom('posts').where('posts.type', '=', 'post');
  if (ownerUserId !== undefined) {
    q = q.where('posts.id', 'in', (eb) => eb.selectFrom('post_authors').innerJoin('authors', 'authors.id', 'post_authors.author_id')
      .select('post_authors.post_id').where('authors.user_id', '=', ownerUserId));
  }
  return q;
}

const COLUMNS = ['posts.id', 'posts.title', 'posts.status', 'posts.updated_at', 'posts.published_at'] as const;

export async function loadDashboard(db: Db, s: DashboardScope): Promise<DashboardData> {
  const scope = s.all ? undefined : s.userId;
  const list = (status: PostStatus, owner: number | undefined) => posts(db, owner).where('posts.status', '=', status).select([...COLUMNS]);
  const [author, countRows, myDrafts, myDraftCount, allDrafts, pending, scheduled, published, commentCounts, recent] = await Promise.all([
    db.selectFrom('authors').select('id').where('user_id', '=', s.userId).orderBy('id').executeTakeFirst(),
    posts(db, scope).select(['posts.status', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('posts.status').execute(),
    list('draft', s.userId).orderBy('posts.updated_at', 'desc').orderBy('posts.id', 'desc').limit(DASHBOARD_LIST).execute(),
    s.all ? posts(db, s.userId).where('posts.status', '=', 'draft').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst() : undefined,
    s.all ? list('draft', undefined).orderBy('posts.updated_at', 'desc').orderBy('posts.id', 'desc').limit(DASHBOARD_LIST).execute() : undefined,
    list('pending', scope).orderBy('posts.updated_at', 'desc').orderBy('posts.id', 'desc').limit(DASHBOARD_LIST).execute(),
    list('scheduled', scope).orderBy('posts.published_at', 'asc').orderBy('posts.id').limit(DASHBOARD_LIST).execute(),
    list('published', scope).orderBy('posts.published_at', 'desc').orderBy('posts.id', 'desc').limit(DASHBOARD_LIST).execute(),
    s.comments ? db.selectFrom('comments').select((eb) => eb.fn.countAll<number | string>().as('n')).where('status', '=', 'pending').executeTakeFirst() : undefined,
    s.comments
      ? db.selectFrom('comments').innerJoin('posts', 'posts.id', 'comments.post_id')
        .select(['comments.id', 'comments.author_name', 'comments.body', 'comments.status', 'comments.created_at', 'comments.post_id', 'posts.title as post_title'])
        .where('comments.status', 'in', ['pending', 'approved'])
        .orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(DASHBOARD_LIST).execute()
      : undefined,
  ]);
  const counts: Record<PostStatus, number> = { draft: 0, pending: 0, scheduled: 0, published: 0, trash: 0 };
  for (const r of countRows) counts[r.status] = Number(r.n);
  return {
    ...(author ? { authorId: author.id } : {}),
    counts,
    myDrafts,
    myDraftCount: myDraftCount ? Number(myDraftCount.n) : counts.draft,
    ...(allDrafts ? { allDrafts } : {}),
    pending,
    scheduled,
    published,
    ...(s.comments ? { comments: { pending: Number(commentCounts?.n ?? 0), recent: recent ?? [] } } : {}),
  };
}
