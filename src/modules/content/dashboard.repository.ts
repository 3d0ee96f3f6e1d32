/**
 * @module modules/content/dashboard.repository
 * The post lists and counts the newsroom dashboard (/admin) shows, each one query whatever the
 * newsroom's size. `ownerUserId` narrows to articles bylined to that user; undefined is everyone's.
 */
import type { Db } from '../../db/database.js';
import type { PostStatus } from '../../db/schema.js';
import { bylinedTo } from '../article/article-admin.repository.js';

export interface DashboardPost {
  id: number;
  title: string;
  status: PostStatus;
  updated_at: string;
  published_at: string | null;
}

function posts(db: Db, ownerUserId: number | undefined) {
  let q = db.selectFrom('posts').where('posts.type', '=', 'post');
  if (ownerUserId !== undefined) q = q.where('posts.id', 'in', (eb) => bylinedTo(eb, ownerUserId));
  return q;
}

const COLUMNS = ['posts.id', 'posts.title', 'posts.status', 'posts.updated_at', 'posts.published_at'] as const;

/** Articles by status (statuses with none are absent). */
export async function articleCountsByStatus(db: Db, ownerUserId: number | undefined): Promise<Map<PostStatus, number>> {
  const rows = await posts(db, ownerUserId)
    .select(['posts.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('posts.status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export async function countArticlesWithStatus(db: Db, status: PostStatus, ownerUserId: number | undefined): Promise<number> {
  const r = await posts(db, ownerUserId)
    .where('posts.status', '=', status)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * The first `limit` articles with `status`: drafts and pending by last change, newest first;
 * scheduled by publication time, soonest first; published by publication time, newest first.
 */
export async function articlesWithStatus(db: Db, status: PostStatus, ownerUserId: number | undefined, limit: number): Promise<DashboardPost[]> {
  const q = posts(db, ownerUserId)
    .where('posts.status', '=', status)
    .select([...COLUMNS]);
  const ordered =
    status === 'scheduled'
      ? q.orderBy('posts.published_at', 'asc').orderBy('posts.id')
      : status === 'published'
        ? q.orderBy('posts.published_at', 'desc').orderBy('posts.id', 'desc')
        : q.orderBy('posts.updated_at', 'desc').orderBy('posts.id', 'desc');
  return ordered.limit(limit).execute();
}
