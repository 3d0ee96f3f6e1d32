/**
 * @module modules/comment/comment.repository
 * Kysely queries for comments and the block/allow lists, and what moderation, reply emails, the
 * spam filter and the dashboard read about them. db or trx first.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CommentStatus, CommentsTable } from '../../db/schema.js';
import type { PublicComment } from './comment.js';
import { commentPageCount, newestThreadsFirst, paginateThread, type CommentOrder } from './thread.js';
import { containsText } from '../../db/like.js';
import { runPrepared } from '../../db/prepared.js';

const PUBLIC_COLUMNS = ['id', 'parent_id', 'path', 'user_id', 'depth', 'author_name', 'author_url', 'body_html', 'status', 'created_at'] as const;

type PublicRow = {
  id: number;
  parent_id: number | null;
  path: string;
  user_id: number | null;
  depth: number;
  author_name: string;
  author_url: string;
  body_html: string;
  status: CommentStatus;
  created_at: string;
};

export const toPublic = (r: PublicRow): PublicComment => ({
  id: r.id,
  parentId: r.parent_id,
  rootId: Number(r.path.slice(0, 10)) || r.id,
  depth: r.depth,
  staffUserId: r.user_id,
  authorName: r.author_name,
  authorUrl: r.author_url,
  bodyHtml: r.body_html,
  status: r.status,
  createdAt: r.created_at,
});

/** One comment page of an article, with the article's totals (approved comments and threads). */
export interface ThreadPage {
  /** This page's threads in thread order: approved comments plus the reader's own held ones. */
  comments: PublicComment[];
  approved: number;
  approvedThreads: number;
  totalPages: number;
}

/** Rows read at once before the page is worked out in memory; beyond, the page is cut in SQL. */
const WHOLE_THREAD_ROWS = 2000;

function visibleThread(db: Db, postId: number, heldIds: readonly number[]) {
  const held = heldIds.slice(0, 50);
  return db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where('post_id', '=', postId)
    .where((eb) =>
      held.length
        ? eb.or([eb('status', '=', 'approved'), eb.and([eb('id', 'in', held), eb('status', 'in', ['pending', 'spam'])])])
        : eb('status', '=', 'approved'),
    );
}

// Held comments show as "awaiting moderation", whatever the filter made of them.
const shown = (rows: PublicRow[]): PublicComment[] => rows.map((r) => toPublic({ ...r, status: r.status === 'spam' ? 'pending' : r.status }));

/**
 * Page `page` of an article's comments, `perPage` approved threads to a page (see thread.ts for
 * where a held thread goes). Most articles: one query reads the whole thread and the page is cut
 * in memory. An article with more than WHOLE_THREAD_ROWS visible comments: its totals, then the
 * page's first and next thread roots (paths sort by thread), then the rows between them — three
 * indexed queries whose cost follows one page, not the whole discussion.
 */
export async function threadPage(
  db: Db,
  postId: number,
  heldIds: readonly number[],
  page: number,
  perPage: number,
  order: CommentOrder = 'oldest',
  wholeThreadRows = WHOLE_THREAD_ROWS,
): Promise<ThreadPage> {
  // Most readers hold no comment of their own: that query, on every article page, is compiled once.
  const whole = () =>
    visibleThread(db, postId, heldIds)
      .orderBy('path')
      .limit(wholeThreadRows + 1);
  const rows = heldIds.length === 0 ? await runPrepared(db, 'whole-thread', [postId, 'approved', wholeThreadRows + 1], whole) : await whole().execute();
  if (rows.length <= wholeThreadRows) {
    const all = order === 'newest' ? newestThreadsFirst(shown(rows)) : shown(rows);
    const { items, totalPages } = paginateThread(all, page, perPage);
    const approved = all.filter((c) => c.status === 'approved');
    return { comments: items, approved: approved.length, approvedThreads: new Set(approved.map((c) => c.rootId)).size, totalPages };
  }
  const counts = await db.selectFrom('comment_counts').select(['approved', 'threads']).where('post_id', '=', postId).executeTakeFirst();
  const approved = Number(counts?.approved ?? 0);
  const approvedThreads = Number(counts?.threads ?? 0);
  const totalPages = commentPageCount(approvedThreads, perPage);
  if (page > totalPages) return { comments: [], approved, approvedThreads, totalPages };
  // The first root of this page and of the next: perPage + 1 roots from this page's first.
  const newest = order === 'newest';
  const roots = await db
    .selectFrom('comment_threads')
    .select('root_path as root')
    .where('post_id', '=', postId)
    .orderBy('root_path', newest ? 'desc' : 'asc')
    .limit(perPage + 1)
    .offset((page - 1) * perPage)
    .execute();
  let q = visibleThread(db, postId, heldIds);
  const first = roots[0];
  const next = roots[perPage];
  // Page 1 also holds the reader's held threads that come before the first approved one. A
  // thread's paths all sort below `root/~` ('~' follows '/' and the digits), the next thread's above.
  if (newest) {
    if (page > 1 && first) q = q.where('path', '<', `${first.root}/~`);
    if (next) q = q.where('path', '>', `${next.root}/~`);
  } else {
    if (page > 1 && first) q = q.where('path', '>=', first.root);
    if (next) q = q.where('path', '<', next.root);
  }
  const pageRows = await q
    .orderBy('path')
    .limit(WHOLE_THREAD_ROWS * 10)
    .execute();
  return { comments: newest ? newestThreadsFirst(shown(pageRows)) : shown(pageRows), approved, approvedThreads, totalPages };
}

/**
 * Where a comment sits for readers: its article's slug, and how many approved threads come before
 * its thread (with whether its own thread has an approved comment), for `pageOfThread`. One read
 * of the totals kept by triggers (migration 0027): the threads before are all the article's
 * threads less those after this one, so a new thread (the last) counts none, and a reply counts
 * the threads begun since its own.
 */
export async function commentPlace(db: Db, id: number): Promise<{ postId: number; slug: string; approvedBefore: number; approvedThread: boolean } | undefined> {
  const [row] = await runPrepared(db, 'comment-place', [id], () =>
    db
      .selectFrom('comments as c')
      .innerJoin('posts', 'posts.id', 'c.post_id')
      .leftJoin('comment_counts as cc', 'cc.post_id', 'c.post_id')
      .leftJoin('comment_threads as own', (j) => j.onRef('own.post_id', '=', 'c.post_id').on('own.root_path', '=', sql<string>`substr(c.path, 1, 10)`))
      .select([
        'c.post_id',
        'posts.slug',
        'cc.threads',
        'own.approved',
        sql<number | string>`(select count(*) from comment_threads t where t.post_id = c.post_id and t.root_path > substr(c.path, 1, 10))`.as('after'),
      ])
      .where('c.id', '=', id),
  );
  if (!row) return undefined;
  const approvedThread = Number(row.approved ?? 0) > 0;
  const approvedBefore = Number(row.threads ?? 0) - Number(row.after) - (approvedThread ? 1 : 0);
  return { postId: row.post_id, slug: row.slug, approvedBefore: Math.max(approvedBefore, 0), approvedThread };
}

export async function findComment(db: Db, id: number) {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByFormKey(db: Db, key: string) {
  return db.selectFrom('comments').select(['id', 'post_id', 'status']).where('form_key', '=', key).executeTakeFirst();
}

/** Comments from this address (any of its hashes) and from this email since `since` (the rate limits). */
export async function recentCounts(db: Db, ipHashes: readonly string[], email: string, since: string): Promise<{ ip: number; email: number }> {
  const count = async (col: 'ip_hash' | 'author_email', values: readonly string[]) => {
    const vs = values.filter((v) => v !== '');
    if (vs.length === 0) return 0;
    const row = await db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(col, 'in', vs)
      .where('created_at', '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return { ip: await count('ip_hash', ipHashes), email: await count('author_email', [email]) };
}

/** The same text already on this article (any status but trash). */
export async function isDuplicate(db: Db, postId: number, body: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('post_id', '=', postId)
    // The comments_post_body index (the same expression on both sides), then the whole text,
    // compared as an expression: SQLite would put a plain `body = ?` into the substr() first, and
    // the index's expression would no longer match.
    .where(sql`substr(body, 1, 64)`, '=', sql<string>`substr(${body}, 1, 64)`)
    .where(sql`body || ''`, '=', body)
    .where('status', '!=', 'trash')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Has someone with this email and this name an approved comment already? (Without an email: no.) */
export async function hasApproved(db: Db, email: string, name: string): Promise<boolean> {
  if (email === '' || name === '') return false;
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('status', '=', 'approved')
    .where('author_email', '=', email)
    .where('author_name', '=', name)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface CommentRules {
  blockWords: string[];
  blockEmails: Set<string>;
  blockIps: Set<string>;
  allowEmails: Set<string>;
  allowIps: Set<string>;
}

export async function loadRules(db: Db): Promise<CommentRules> {
  const rows = await db.selectFrom('comment_rules').select(['kind', 'list', 'value']).execute();
  const pick = (kind: string, list: string) => rows.filter((r) => r.kind === kind && r.list === list).map((r) => r.value);
  return {
    blockWords: pick('word', 'block').map((w) => w.toLowerCase()),
    blockEmails: new Set(pick('email', 'block').map((e) => e.toLowerCase())),
    blockIps: new Set(pick('ip_hash', 'block')),
    allowEmails: new Set(pick('email', 'allow').map((e) => e.toLowerCase())),
    allowIps: new Set(pick('ip_hash', 'allow')),
  };
}

/** Adds a rule; false when the same rule was there already. */
export async function addRule(db: Db, kind: 'word' | 'email' | 'ip_hash', list: 'block' | 'allow', value: string, now: string, note = ''): Promise<boolean> {
  const r = await db
    .insertInto('comment_rules')
    .values({ kind, list, value: kind === 'ip_hash' ? value : value.toLowerCase(), created_at: now, note })
    .onConflict((oc) => oc.columns(['kind', 'list', 'value']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listRules(db: Db) {
  return db
    .selectFrom('comment_rules')
    .select(['id', 'kind', 'list', 'value', 'note', 'created_at'])
    .orderBy('list')
    .orderBy('kind')
    .orderBy('value')
    .limit(5000)
    .execute();
}

/** Removes a rule; returns it (undefined when there was none). */
export async function removeRule(db: Db, id: number) {
  const row = await db.selectFrom('comment_rules').select(['id', 'kind', 'list', 'value']).where('id', '=', id).executeTakeFirst();
  if (row) await db.deleteFrom('comment_rules').where('id', '=', id).execute();
  return row;
}

export interface QueueFilter {
  status: CommentStatus;
  postId?: number;
  email?: string;
  ipHash?: string /** Part of the commenter's name, any case. */;
  author?: string;
}

/** The moderation queue: one page of comments with their article's title, and the counts per status. */
export async function listQueue(db: Db, f: QueueFilter, limit: number, offset: number) {
  let q = db.selectFrom('comments').innerJoin('posts', 'posts.id', 'comments.post_id').where('comments.status', '=', f.status);
  if (f.postId !== undefined) q = q.where('comments.post_id', '=', f.postId);
  if (f.email) q = q.where('comments.author_email', '=', f.email.toLowerCase());
  if (f.ipHash) q = q.where('comments.ip_hash', '=', f.ipHash);
  if (f.author) q = q.where(containsText('comments.author_name', f.author));
  const [rows, total] = await Promise.all([
    q
      .select([
        'comments.id',
        'comments.post_id',
        'comments.author_name',
        'comments.author_email',
        'comments.body_html',
        'comments.ip_hash',
        'comments.spam_score',
        'comments.spam_reasons',
        'comments.created_at',
        'comments.status',
        'posts.title',
        'posts.slug',
      ])
      .orderBy('comments.created_at', 'desc')
      .orderBy('comments.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function statusCounts(db: Db): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const out: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** Sets the status of some comments; returns the posts they belong to (for cache purges). */
export async function setStatus(db: Db, ids: readonly number[], status: CommentStatus, now: string): Promise<number[]> {
  if (ids.length === 0) return [];
  const posts = await db
    .selectFrom('comments')
    .select('post_id')
    .distinct()
    .where('id', 'in', [...ids])
    .execute();
  await db
    .updateTable('comments')
    .set({ status, updated_at: now })
    .where('id', 'in', [...ids])
    .execute();
  return posts.map((p) => p.post_id);
}

/** Everything stored about a commenter, for a data-subject request. */
export async function commentsByEmail(db: Db, email: string) {
  return db
    .selectFrom('comments')
    .select(['id', 'post_id', 'parent_id', 'author_name', 'author_email', 'author_url', 'body', 'status', 'created_at', 'updated_at'])
    .where(sql`lower(author_email)`, '=', email.toLowerCase())
    .orderBy('id')
    .execute();
}

/**
 * Forgets the IP hashes of comments older than `before` (rate limits and IP rules only need
 * recent ones). Returns how many comments lost theirs.
 */
export async function purgeIpHashes(db: Db, before: string): Promise<number> {
  const r = await db.updateTable('comments').set({ ip_hash: '' }).where('ip_hash', '!=', '').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Stores a comment (its thread place is set next, once its id is known: see placeCommentRow). */
export async function insertComment(db: Db, row: Insertable<CommentsTable>): Promise<number> {
  return (await db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets a comment's place in its thread (path and depth, from thread.placeComment). */
export async function placeCommentRow(db: Db, id: number, place: { path: string; depth: number }): Promise<void> {
  await db.updateTable('comments').set(place).where('id', '=', id).execute();
}

/** Approves one comment (a staff reply approves the pending comment it answers). */
export async function approveComment(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('comments').set({ status: 'approved', updated_at: now }).where('id', '=', id).execute();
}

/** The status of each of these comments (unordered; missing ids are absent). */
export async function statusesOf(db: Db, ids: readonly number[]): Promise<{ id: number; status: CommentStatus }[]> {
  return db
    .selectFrom('comments')
    .select(['id', 'status'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function updateCommentText(db: Db, id: number, text: { author_name: string; body: string; body_html: string; updated_at: string }): Promise<void> {
  await db.updateTable('comments').set(text).where('id', '=', id).execute();
}

/** Empties these comments of personal data and trashes them; the rows stay for their replies. */
export async function eraseComments(db: Db, ids: number[], now: string): Promise<void> {
  await db
    .updateTable('comments')
    .set({
      author_name: 'Deleted',
      author_email: '',
      author_url: '',
      ip_hash: '',
      body: '',
      body_html: '<p>[deleted]</p>',
      status: 'trash',
      form_key: null,
      notify_replies: 0,
      updated_at: now,
    })
    .where('id', 'in', ids)
    .execute();
}

/** Stops reply emails for one comment. */
export async function stopReplyEmails(db: Db, id: number): Promise<void> {
  await db.updateTable('comments').set({ notify_replies: 0 }).where('id', '=', id).execute();
}

/**
 * Claims the one reply email of an approved reply: a conditional UPDATE, so two approvals (or two
 * instances) never both get true.
 */
export async function claimReplyEmail(db: Db, id: number): Promise<boolean> {
  const r = await db
    .updateTable('comments')
    .set({ reply_notified: 1 })
    .where('id', '=', id)
    .where('reply_notified', '=', 0)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The article a comment is on, as emails and the moderation screen name it. */
export async function commentedPost(db: Db, postId: number): Promise<{ id: number; title: string; slug: string } | undefined> {
  return db.selectFrom('posts').select(['id', 'title', 'slug']).where('id', '=', postId).executeTakeFirst();
}

/** What deciding whether a post takes comments needs to know about it. */
export async function commentablePostRow(db: Db, postId: number) {
  return db
    .selectFrom('posts')
    .select(['id', 'slug', 'title', 'language', 'published_at', 'comment_status', 'status', 'type'])
    .where('id', '=', postId)
    .executeTakeFirst();
}

/** Active user accounts in the post's byline (who hears of new comments). */
export async function bylineRecipients(db: Db, postId: number): Promise<{ email: string; name: string }[]> {
  return db
    .selectFrom('post_authors')
    .innerJoin('authors', 'authors.id', 'post_authors.author_id')
    .innerJoin('users', 'users.id', 'authors.user_id')
    .select(['users.email', 'users.name'])
    .where('post_authors.post_id', '=', postId)
    .where('users.status', '=', 'active')
    .execute();
}

/** What an outside spam filter is told about moderated comments (at most 500). */
export async function commentsForFilter(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('comments')
    .innerJoin('posts', 'posts.id', 'comments.post_id')
    .select(['comments.id', 'comments.parent_id', 'comments.author_name', 'comments.author_email', 'comments.body', 'posts.slug', 'posts.language'])
    .where('comments.id', 'in', [...ids].slice(0, 500))
    .execute();
}

/** How many comments have this status. */
export async function countWithStatus(db: Db, status: CommentStatus): Promise<number> {
  const r = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export interface RecentComment {
  id: number;
  author_name: string;
  body: string;
  status: CommentStatus;
  created_at: string;
  post_id: number;
  post_title: string;
}

/** The newest pending or approved comments with their article's title. */
export async function recentComments(db: Db, limit: number): Promise<RecentComment[]> {
  return db
    .selectFrom('comments')
    .innerJoin('posts', 'posts.id', 'comments.post_id')
    .select(['comments.id', 'comments.author_name', 'comments.body', 'comments.status', 'comments.created_at', 'comments.post_id', 'posts.title as post_title'])
    .where('comments.status', 'in', ['pending', 'approved'])
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(limit)
    .execute();
}

/** A comment's status and its article's, for the lasting /comments/{id}/ link. */
export async function commentAndPostStatus(db: Db, id: number): Promise<{ status: CommentStatus; post_status: string } | undefined> {
  return db
    .selectFrom('comments')
    .innerJoin('posts', 'posts.id', 'comments.post_id')
    .select(['comments.status', 'posts.status as post_status'])
    .where('comments.id', '=', id)
    .executeTakeFirst();
}

/** Bulk (seeding, imports): one multi-row INSERT; returns each new comment's id, post and path. */
export async function insertCommentsReturning(db: Db, rows: Insertable<CommentsTable>[]): Promise<{ id: number; post_id: number; path: string }[]> {
  return db.insertInto('comments').values(rows).returning(['id', 'post_id', 'path']).execute();
}

/** Overwrites a comment's columns (an imported comment imported again). */
export async function updateCommentRow(db: Db, id: number, values: Updateable<CommentsTable>): Promise<void> {
  await db.updateTable('comments').set(values).where('id', '=', id).execute();
}

/**
 * Bulk: sets path, depth and parent of many comments in one UPDATE … CASE (the casts keep
 * PostgreSQL from guessing the parameters' types).
 */
export async function setCommentPlaces(db: Db, rows: { id: number; parent_id: number | null; path: string; depth: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .updateTable('comments')
    .set({
      path: sql<string>`case id ${sql.join(
        rows.map((x) => sql`when ${x.id} then cast(${x.path} as text)`),
        sql` `,
      )} end`,
      depth: sql<number>`case id ${sql.join(
        rows.map((x) => sql`when ${x.id} then cast(${x.depth} as integer)`),
        sql` `,
      )} end`,
      parent_id: sql<number | null>`case id ${sql.join(
        rows.map((x) => sql`when ${x.id} then cast(${x.parent_id} as integer)`),
        sql` `,
      )} end`,
    })
    .where(
      'id',
      'in',
      rows.map((x) => x.id),
    )
    .execute();
}

/** Bulk: sets the thread path of many comments in one UPDATE … CASE instead of one statement each. */
export async function setCommentPaths(db: Db, rows: { id: number; path: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const cases = sql.join(
    rows.map((x) => sql`when ${x.id} then ${x.path}`),
    sql` `,
  );
  await db
    .updateTable('comments')
    .set({ path: sql<string>`case id ${cases} end` })
    .where(
      'id',
      'in',
      rows.map((x) => x.id),
    )
    .execute();
}

/** An approved comment on a published post, for the comments feeds. */
export interface FeedComment {
  id: number;
  author_name: string;
  author_url: string;
  body_html: string;
  created_at: string;
  updated_at: string;
  post_title: string;
  post_slug: string;
  post_language: string;
}

/** The newest approved comments on published posts (of one post when given), newest first. */
export async function latestApprovedComments(db: Db, limit: number, postId?: number): Promise<FeedComment[]> {
  let q = db
    .selectFrom('comments')
    .innerJoin('posts', 'posts.id', 'comments.post_id')
    .select([
      'comments.id',
      'comments.author_name',
      'comments.author_url',
      'comments.body_html',
      'comments.created_at',
      'comments.updated_at',
      'posts.title as post_title',
      'posts.slug as post_slug',
      'posts.language as post_language',
    ])
    .where('comments.status', '=', 'approved')
    .where('posts.status', '=', 'published');
  if (postId !== undefined) q = q.where('comments.post_id', '=', postId);
  return q.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(limit).execute();
}
