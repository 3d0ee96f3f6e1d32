/**
 * @module modules/live/live.repository
 * Every query on `live_entries` and on the live columns of `posts`. The handle is always the
 * first argument.
 */
import type { Db } from '../../db/database.js';
import type { LiveEntryRow, LiveStatus } from '../../db/schema.js';

export interface LivePost {
  id: number;
  slug: string;
  title: string;
  status: string;
  type: string;
  language: string;
  live_status: LiveStatus | null;
  live_started_at: string | null;
  live_ended_at: string | null;
  live_updated_at: string | null;
}

export async function findLivePost(db: Db, postId: number): Promise<LivePost | undefined> {
  return db
    .selectFrom('posts')
    .select(['id', 'slug', 'title', 'status', 'type', 'language', 'live_status', 'live_started_at', 'live_ended_at', 'live_updated_at'])
    .where('id', '=', postId)
    .executeTakeFirst();
}

export async function setLiveState(
  db: Db,
  postId: number,
  row: { live_status: LiveStatus | null; live_started_at?: string | null; live_ended_at?: string | null },
): Promise<void> {
  await db.updateTable('posts').set(row).where('id', '=', postId).execute();
}

/** The time of the newest entry becomes the page's "updated" time (null when none is left). */
export async function refreshLiveUpdatedAt(db: Db, postId: number): Promise<void> {
  const latest = await db
    .selectFrom('live_entries')
    .select('created_at')
    .where('post_id', '=', postId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  await db
    .updateTable('posts')
    .set({ live_updated_at: latest?.created_at ?? null })
    .where('id', '=', postId)
    .execute();
}

export async function insertEntry(db: Db, row: Omit<LiveEntryRow, 'id'>): Promise<number> {
  return (await db.insertInto('live_entries').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateEntry(
  db: Db,
  id: number,
  row: Pick<LiveEntryRow, 'headline' | 'body_doc' | 'body_html' | 'search_text' | 'pinned' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('live_entries').set(row).where('id', '=', id).execute();
}

export async function deleteEntryRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('live_entries').where('id', '=', id).execute();
}

export async function findEntry(db: Db, id: number): Promise<LiveEntryRow | undefined> {
  return db.selectFrom('live_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The key events of a live article (pinned entries), newest first: id, headline and time only. */
export async function keyEventsOf(db: Db, postId: number): Promise<Pick<LiveEntryRow, 'id' | 'headline' | 'created_at' | 'body_html'>[]> {
  return db
    .selectFrom('live_entries')
    .select(['id', 'headline', 'created_at', 'body_html'])
    .where('post_id', '=', postId)
    .where('pinned', '=', 1)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}

/** How many entries are newer than this one (its place, to find the page it is on). */
export async function entriesNewerThan(db: Db, entry: Pick<LiveEntryRow, 'post_id' | 'created_at' | 'id'>): Promise<number> {
  const r = await db
    .selectFrom('live_entries')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('post_id', '=', entry.post_id)
    .where((eb) => eb.or([eb('created_at', '>', entry.created_at), eb.and([eb('created_at', '=', entry.created_at), eb('id', '>', entry.id)])]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of entries with their author's name, newest first (the admin's list). */
export async function entriesWithAuthors(
  db: Db,
  postId: number,
  limit: number,
  offset: number,
): Promise<{ rows: (LiveEntryRow & { author_name: string | null })[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('live_entries')
      .leftJoin('authors', 'authors.id', 'live_entries.author_id')
      .selectAll('live_entries')
      .select('authors.name as author_name')
      .where('live_entries.post_id', '=', postId)
      .orderBy('live_entries.created_at', 'desc')
      .orderBy('live_entries.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('live_entries')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('post_id', '=', postId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** A published live article by slug, for its entries endpoint (no body read). */
export async function findPublishedLivePost(db: Db, slug: string): Promise<LivePost | undefined> {
  return db
    .selectFrom('posts')
    .select(['id', 'slug', 'title', 'status', 'type', 'language', 'live_status', 'live_started_at', 'live_ended_at', 'live_updated_at'])
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .where('type', '=', 'post')
    .where('live_status', 'is not', null)
    .executeTakeFirst();
}

/** Entries newer than `afterId` with their author's name, newest first (at most `limit`). */
export async function entriesAfterWithAuthors(
  db: Db,
  postId: number,
  afterId: number,
  limit: number,
): Promise<(LiveEntryRow & { author_name: string | null })[]> {
  return db
    .selectFrom('live_entries')
    .leftJoin('authors', 'authors.id', 'live_entries.author_id')
    .selectAll('live_entries')
    .select('authors.name as author_name')
    .where('live_entries.post_id', '=', postId)
    .where('live_entries.id', '>', afterId)
    .orderBy('live_entries.created_at', 'desc')
    .orderBy('live_entries.id', 'desc')
    .limit(limit)
    .execute();
}

/** One entry with its author's name. */
export async function entryWithAuthor(db: Db, id: number): Promise<(LiveEntryRow & { author_name: string | null }) | undefined> {
  return db
    .selectFrom('live_entries')
    .leftJoin('authors', 'authors.id', 'live_entries.author_id')
    .selectAll('live_entries')
    .select('authors.name as author_name')
    .where('live_entries.id', '=', id)
    .executeTakeFirst();
}

/** The newest entries of these live articles (at most `limit` in all, newest first): what feeds carry. */
export async function recentEntriesOfPosts(
  db: Db,
  postIds: readonly number[],
  limit: number,
): Promise<Pick<LiveEntryRow, 'id' | 'post_id' | 'headline' | 'body_html' | 'created_at'>[]> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('live_entries')
    .select(['id', 'post_id', 'headline', 'body_html', 'created_at'])
    .where('post_id', 'in', [...postIds])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
