/**
 * @module modules/comment/comment.service
 * Use cases: a reader submits a comment (validate → spam score → moderation policy → store once),
 * editors moderate, and data-subject export/erase.
 */
import type { Db } from '../../db/database.js';
import type { CommentStatus } from '../../db/schema.js';
import { countLinks, renderCommentMarkdown } from './comment-html.js';
import { CommentError, validateComment, type CommentInput } from './comment.js';
import { loadCommentSettings, type CommentSettings } from './comment-settings.js';
import * as repo from './comment.repository.js';
import { formKey } from './form-token.js';
import { postPath } from '../article/permalink.js';
import type { SpamFilter } from './akismet.js';
import { spamVerdict } from './spam.js';
import { placeComment, replyParent } from './thread.js';
import { commentPurgeTags } from '../content/cache-tags.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../user/user.js';

export interface CommentablePost {
  id: number;
  slug: string;
  title: string;
  language: string;
  published_at: string | null;
  comment_status: 'open' | 'closed';
}

/** A post readers may comment on now, or a CommentError saying why not. */
export async function commentablePost(db: Db, postId: number, settings: CommentSettings, now: Date): Promise<CommentablePost> {
  const post = await repo.commentablePostRow(db, postId);
  if (post?.status !== 'published' || (post.type !== 'post' && post.type !== 'page'))
    throw new CommentError('COMMENT_POST_NOT_FOUND', 'There is no such article.');
  if (!commentsOpen(post, settings, now)) throw new CommentError('COMMENTS_CLOSED', 'Comments are closed for this article.');
  return post;
}

/** Open: the article allows comments and, with an automatic limit, is young enough. */
export function commentsOpen(
  post: { comment_status: string; published_at: string | null },
  settings: Pick<CommentSettings, 'closeAfterDays'>,
  now: Date,
): boolean {
  if (post.comment_status !== 'open') return false;
  if (settings.closeAfterDays > 0 && post.published_at) {
    return now.getTime() - new Date(post.published_at).getTime() <= settings.closeAfterDays * 86_400_000;
  }
  return true;
}

export interface Submitted {
  id: number;
  postId: number;
  slug: string;
  status: CommentStatus;
  /** False when this was a repeat of a form already stored (double submit). */
  created: boolean;
  score: number;
  reasons: string[];
  /** What went wrong with the outside spam check, when it did (to log). */
  filterError?: string;
}

export interface SubmitOptions {
  /** An outside spam check (Akismet-compatible); its verdict adds to the score. */
  filter?: SpamFilter;
  /** The site's public URL, for the permalink the filter is sent. */
  siteUrl?: string;
}

/**
 * Stores a reader's comment once per form submission.
 * @example const r = await submitComment(db, input, new Date()); // r.status: 'approved' | 'pending' | 'spam'
 */
export async function submitComment(db: Db, input: CommentInput, now: Date, opts: SubmitOptions = {}): Promise<Submitted> {
  const settings = await loadCommentSettings(db);
  const post = await commentablePost(db, input.postId, settings, now);
  const { name, email, body } = validateComment(input, settings);
  const key = formKey({ token: input.formToken, ipHash: input.ipHash, email, name, body, parentId: input.parentId });
  const again = await repo.findByFormKey(db, key);
  if (again) return { id: again.id, postId: again.post_id, slug: post.slug, status: again.status, created: false, score: 0, reasons: [] };

  let parent: { id: number; path: string; depth: number } | undefined;
  if (input.parentId !== null) {
    const p = await repo.findComment(db, input.parentId);
    if (!p || p.post_id !== post.id || p.status !== 'approved')
      throw new CommentError('COMMENT_PARENT_NOT_FOUND', 'The comment you are replying to is not there any more.');
    parent = replyParent({ id: p.id, path: p.path, depth: p.depth });
  }

  const since = new Date(now.getTime() - settings.rateWindowMinutes * 60_000).toISOString();
  const ipHashes = input.ipHashes ?? (input.ipHash ? [input.ipHash] : []);
  const [recent, duplicate, rules] = await Promise.all([
    repo.recentCounts(db, ipHashes, email, since),
    repo.isDuplicate(db, post.id, body),
    repo.loadRules(db),
  ]);
  const lower = body.toLowerCase();
  const blockedWord = rules.blockWords.find((w) => w !== '' && lower.includes(w));
  const allowed = (email !== '' && rules.allowEmails.has(email)) || ipHashes.some((h) => rules.allowIps.has(h));
  // The outside check (after the local ones, so a refused form never reaches it); allow-listed
  // commenters skip it.
  const external =
    opts.filter && !allowed
      ? await opts.filter.check({
          ip: input.request?.ip ?? '',
          userAgent: input.request?.userAgent ?? '',
          referrer: input.request?.referrer ?? '',
          permalink: `${(opts.siteUrl ?? '').replace(/\/$/, '')}${postPath(post.slug)}`,
          author: name,
          email,
          content: body,
          lang: post.language,
          reply: parent !== undefined,
        })
      : undefined;
  const verdict = spamVerdict(
    {
      ...(external ? { external: external.verdict } : {}),
      honeypotFilled: input.honeypot.trim() !== '',
      fillSeconds: input.sharedForm ? undefined : (now.getTime() - input.issuedAt.getTime()) / 1000,
      recentFromIp: recent.ip,
      recentFromEmail: recent.email,
      links: countLinks(body),
      duplicate,
      ...(blockedWord !== undefined ? { blockedWord } : {}),
      blockedEmail: email !== '' && rules.blockEmails.has(email),
      blockedIp: ipHashes.some((h) => rules.blockIps.has(h)),
      allowed,
    },
    settings,
  );

  let status: CommentStatus;
  if (verdict.spam) status = 'spam';
  else if (verdict.hold) status = 'pending';
  else if (allowed || settings.moderation === 'auto') status = 'approved';
  else if (settings.moderation === 'hold_all') status = 'pending';
  // hold_first trusts an approved history only by the same email under the same name (as
  // WordPress does), never by address: everyone behind one office or carrier NAT shares it.
  else status = (await repo.hasApproved(db, email, name)) ? 'approved' : 'pending';

  const iso = now.toISOString();
  let id: number;
  try {
    id = await db.transaction().execute(async (trx) => {
      const rowId = await repo.insertComment(trx, {
        post_id: post.id,
        parent_id: parent?.id ?? null,
        path: '',
        depth: 0,
        author_name: name,
        author_email: email,
        author_url: '',
        user_id: null,
        body,
        body_html: renderCommentMarkdown(body),
        status,
        ip_hash: input.ipHash,
        spam_score: verdict.score,
        spam_reasons: verdict.reasons.join(','),
        created_at: iso,
        updated_at: iso,
        form_key: key,
        notify_replies: input.notifyReplies && email !== '' ? 1 : 0,
      });
      await repo.placeCommentRow(trx, rowId, placeComment(rowId, parent));
      return rowId;
    });
  } catch (err) {
    // A concurrent double submit won the unique form key: answer with the stored comment.
    const winner = await repo.findByFormKey(db, key);
    if (!winner) throw err;
    return { id: winner.id, postId: winner.post_id, slug: post.slug, status: winner.status, created: false, score: 0, reasons: [] };
  }
  return {
    id,
    postId: post.id,
    slug: post.slug,
    status,
    created: true,
    score: verdict.score,
    reasons: verdict.reasons,
    ...(external?.verdict === 'unavailable' ? { filterError: external.error } : {}),
  };
}

/** Moderation: sets the status of comments; returns the affected posts (to purge their pages). */
export async function moderate(db: Db, ids: readonly number[], status: CommentStatus, now: Date): Promise<number[]> {
  return repo.setStatus(db, ids, status, now.toISOString());
}

/** What a moderator can decide about comments, and the status each decision gives them. */
export const VERDICT_STATUS = { approve: 'approved', unapprove: 'pending', spam: 'spam', trash: 'trash' } as const satisfies Record<string, CommentStatus>;
export type CommentVerdict = keyof typeof VERDICT_STATUS;

export interface Moderated {
  /** Cache tags to purge once committed: the comment lists of every affected article. */
  purge: string[];
  /** Comments now approved (reply emails go out for them). */
  approved: number[];
  /** Feedback for an outside spam filter: newly marked spam, and approved after being stored as spam. */
  toSpam: number[];
  toHam: number[];
}

/**
 * The moderation queue's decision on some comments, in one transaction: their status changes (an
 * audit row for each that changed), and
 * what each was before decides the spam-filter feedback. Approving shows a comment, anything else
 * may hide one: the affected articles' comment lists are purged either way.
 *
 * @example const r = await moderateComments(db, [12, 13], 'spam', actor, now); app.pageCache.purge(r.purge)
 */
export async function moderateComments(db: Db, ids: readonly number[], verdict: CommentVerdict, actor: Actor, now: Date): Promise<Moderated> {
  const status: CommentStatus = VERDICT_STATUS[verdict];
  return db.transaction().execute(async (trx) => {
    const before = await repo.statusesOf(trx, ids);
    const posts = await repo.setStatus(trx, ids, status, now.toISOString());
    // One audit row per comment whose status changed, in the same transaction.
    for (const r of before) {
      if (r.status === status) continue;
      await recordAudit(trx, {
        at: now.toISOString(),
        actorId: actor.id,
        actorLabel: actor.label,
        ip: actor.ip,
        action: 'comment.moderated',
        target: { type: 'comment', id: r.id, label: `comment ${r.id}` },
        detail: `${r.status} → ${status}`,
      });
    }
    return {
      purge: commentPurgeTags(posts),
      approved: status === 'approved' ? [...ids] : [],
      toSpam: before.filter((r) => r.status !== 'spam' && status === 'spam').map((r) => r.id),
      toHam: before.filter((r) => r.status === 'spam' && status === 'approved').map((r) => r.id),
    };
  });
}

/** Data-subject export: every comment stored with this email. */
export const exportByEmail = (db: Db, email: string) => repo.commentsByEmail(db, email);

/**
 * Data-subject erasure: the comments' personal data goes (name, email, IP hash, text); the rows
 * stay, emptied and in the trash, so replies keep their place in threads. Returns how many.
 */
export async function eraseByEmail(db: Db, email: string, now: Date): Promise<{ erased: number; postIds: number[] }> {
  const rows = await repo.commentsByEmail(db, email);
  if (rows.length === 0) return { erased: 0, postIds: [] };
  const ids = rows.map((r) => r.id);
  await repo.eraseComments(db, ids, now.toISOString());
  return { erased: ids.length, postIds: [...new Set(rows.map((r) => r.post_id))] };
}
