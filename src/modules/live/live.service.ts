/**
 * @module modules/live/live.service
 * Running an article as a live page: starting and ending it, and adding, editing, pinning and
 * deleting its entries. Each use case is one transaction with its audit row and returns the
 * cache tags to purge: an entry touches `live:{id}` (the live page, its entries endpoint, the
 * "updated" time on its cards) and the feeds and sitemaps that carry live updates, never the
 * article's other pages; starting or ending the coverage changes what every card of it says.
 */
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { renderBody } from '../article/body-render.js';
import { documentText } from '../article/render.js';
import { ensureAuthorOfUser } from '../author/author.service.js';
import { tag, tagsForPostChange } from '../content/cache-tags.js';
import type { LiveEntryRow } from '../../db/schema.js';
import { ENTRIES_PER_PAGE, headlineProblem, LiveError, type LiveEntryInput } from './live.js';
import {
  deleteEntryRow,
  entriesWithAuthors,
  findEntry,
  findLivePost,
  insertEntry,
  refreshLiveUpdatedAt,
  setLiveState,
  updateEntry,
  type LivePost,
} from './live.repository.js';

/** Who acts, and from where (the audit log's IP column). */
export interface LiveEditor {
  /** Who acts: a signed-in user, or (id null) a command such as the demo seed. */
  user: { id: number | null; name: string; email: string };
  ip: string;
  /** The byline of the entries they write: their own author profile unless given. */
  authorId?: number;
}

type LiveAction = 'live.started' | 'live.ended' | 'live.entry_added' | 'live.entry_edited' | 'live.entry_deleted';

const audit = (db: Db, who: LiveEditor, now: Date, action: LiveAction, post: Pick<LivePost, 'id' | 'title'>, detail: string) =>
  recordAudit(db, {
    at: now.toISOString(),
    actorId: who.user.id,
    actorLabel: who.user.email,
    ip: who.ip,
    action,
    target: { type: 'article', id: post.id, label: post.title },
    detail,
  });

async function postOf(db: Db, postId: number): Promise<LivePost> {
  const post = await findLivePost(db, postId);
  if (!post || post.type !== 'post') throw new LiveError('LIVE_NOT_FOUND', 'There is no such article.');
  return post;
}

/** What an entry changing purges: the live page and its endpoint, and the feeds and sitemaps that list live updates. */
const entryPurge = (postId: number): string[] => [tag.live(postId), tag.feed, tag.sitemap];

/** Starts live coverage on an article (again, after it ended: the coverage resumes). */
export async function startLive(db: Db, postId: number, who: LiveEditor, now: Date): Promise<{ purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    const post = await postOf(trx, postId);
    if (post.live_status === 'live') throw new LiveError('LIVE_STATE', 'This article is live already.');
    await setLiveState(trx, postId, { live_status: 'live', live_started_at: post.live_started_at ?? now.toISOString(), live_ended_at: null });
    await audit(trx, who, now, 'live.started', post, post.live_status === 'ended' ? 'Resumed' : 'Started');
    return { purge: [...(await tagsForPostChange(trx, [postId])), tag.live(postId)] };
  });
}

/** Ends live coverage: the article stays, with every entry, and says when it ended. */
export async function endLive(db: Db, postId: number, who: LiveEditor, now: Date): Promise<{ purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    const post = await postOf(trx, postId);
    if (post.live_status !== 'live') throw new LiveError('LIVE_STATE', 'This article is not live, so there is nothing to end.');
    await setLiveState(trx, postId, { live_status: 'ended', live_ended_at: now.toISOString() });
    await audit(trx, who, now, 'live.ended', post, 'Ended');
    return { purge: [...(await tagsForPostChange(trx, [postId])), tag.live(postId)] };
  });
}

function checked(input: LiveEntryInput): LiveEntryInput {
  const headline = input.headline.trim();
  const problem = headlineProblem(headline);
  if (problem) throw new LiveError('LIVE_INVALID', problem, { headline: problem });
  if (input.body.content.length === 0)
    throw new LiveError('LIVE_INVALID', 'Write the entry first: its text is empty.', { body: 'Write the entry first: its text is empty.' });
  return { ...input, headline };
}

/**
 * Publishes an entry on a live article, bylined to the user (their author profile, made now if
 * they have never written). Refused (LIVE_NOT_RUNNING) when the coverage is not running.
 */
export async function addEntry(db: Db, postId: number, input: LiveEntryInput, who: LiveEditor, now: Date): Promise<{ id: number; purge: string[] }> {
  const entry = checked(input);
  return db.transaction().execute(async (trx) => {
    const post = await postOf(trx, postId);
    if (post.live_status !== 'live') throw new LiveError('LIVE_NOT_RUNNING', 'Start the live coverage before adding entries (or resume it, if it ended).');
    const authorId = who.authorId ?? (who.user.id !== null ? await ensureAuthorOfUser(trx, { id: who.user.id, name: who.user.name }, now) : null);
    const at = now.toISOString();
    const id = await insertEntry(trx, {
      post_id: postId,
      author_id: authorId,
      headline: entry.headline,
      body_doc: JSON.stringify(entry.body),
      body_html: await renderBody(trx, entry.body, post.language),
      search_text: documentText(entry.body),
      pinned: entry.pinned ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
    await refreshLiveUpdatedAt(trx, postId);
    await audit(trx, who, now, 'live.entry_added', post, `Entry ${id}${entry.headline ? `: ${entry.headline}` : ''}${entry.pinned ? ' (key event)' : ''}`);
    return { id, purge: entryPurge(postId) };
  });
}

async function entryOf(trx: Db, postId: number, entryId: number) {
  const row = await findEntry(trx, entryId);
  if (!row || row.post_id !== postId) throw new LiveError('LIVE_NOT_FOUND', 'There is no such entry; it may have been deleted.');
  return row;
}

/** Edits an entry (its time stays: it is when it was first published), or pins and unpins it. */
export async function editEntry(db: Db, postId: number, entryId: number, input: LiveEntryInput, who: LiveEditor, now: Date): Promise<{ purge: string[] }> {
  const entry = checked(input);
  return db.transaction().execute(async (trx) => {
    const post = await postOf(trx, postId);
    await entryOf(trx, postId, entryId);
    await updateEntry(trx, entryId, {
      headline: entry.headline,
      body_doc: JSON.stringify(entry.body),
      body_html: await renderBody(trx, entry.body, post.language),
      search_text: documentText(entry.body),
      pinned: entry.pinned ? 1 : 0,
      updated_at: now.toISOString(),
    });
    await audit(trx, who, now, 'live.entry_edited', post, `Entry ${entryId}${entry.pinned ? ' (key event)' : ''}`);
    return { purge: entryPurge(postId) };
  });
}

export async function deleteEntry(db: Db, postId: number, entryId: number, who: LiveEditor, now: Date): Promise<{ purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    const post = await postOf(trx, postId);
    const row = await entryOf(trx, postId, entryId);
    await deleteEntryRow(trx, entryId);
    await refreshLiveUpdatedAt(trx, postId);
    await audit(trx, who, now, 'live.entry_deleted', post, `Entry ${entryId}${row.headline ? `: ${row.headline}` : ''}`);
    return { purge: entryPurge(postId) };
  });
}

export interface LiveForEditing {
  post: LivePost;
  entries: (LiveEntryRow & { author_name: string | null })[];
  total: number;
}

/** The live state of an article and one page of its entries (newest first), as the article's admin screen shows them. */
export async function liveForEditing(db: Db, postId: number, page = 1): Promise<LiveForEditing | undefined> {
  const post = await findLivePost(db, postId);
  if (!post || post.type !== 'post') return undefined;
  const { rows, total } = await entriesWithAuthors(db, postId, ENTRIES_PER_PAGE, (page - 1) * ENTRIES_PER_PAGE);
  return { post, entries: rows, total };
}

/** One entry of an article, for its edit form (LIVE_NOT_FOUND when it is not this article's). */
export async function entryForEditing(db: Db, postId: number, entryId: number): Promise<LiveEntryRow> {
  return entryOf(db, postId, entryId);
}
