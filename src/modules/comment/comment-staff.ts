/**
 * @module modules/comment/comment-staff
 * What the newsroom does to comments besides moderating: reply from the queue (stored approved,
 * marked as staff with the user's name) and edit a comment's name or text. Both are audit-logged
 * in the same transaction. Return the article's id so the caller purges its pages.
 */
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../user/user.js';
import { renderCommentMarkdown } from './comment-html.js';
import { CommentError, validateComment } from './comment.js';
import { loadCommentSettings } from './comment-settings.js';
import { approveComment, findComment, insertComment, placeCommentRow, updateCommentText } from './comment.repository.js';
import { placeComment, replyParent } from './thread.js';

export interface StaffUser {
  id: number;
  name: string;
  email: string;
}

const excerpt = (s: string): string => (s.length > 80 ? `${s.slice(0, 79)}…` : s).replace(/\s+/g, ' ');

/**
 * A staff reply. Replying to a comment awaiting moderation approves it too (the reply would
 * otherwise hang under a hidden comment); spam and trash cannot be replied to.
 * @example await staffReply(db, 12, user, 'Thanks, corrected.', actor, now) // { id: 31, postId: 4, approvedParent: false }
 */
export async function staffReply(
  db: Db,
  parentId: number,
  user: StaffUser,
  text: string,
  actor: Actor,
  now: Date,
): Promise<{ id: number; postId: number; approvedParent: boolean }> {
  const settings = await loadCommentSettings(db);
  const { body, name, email } = validateComment(
    { name: user.name || user.email, email: user.email, body: text },
    { maxLength: settings.maxLength, requireEmail: false },
  );
  const iso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const p = await findComment(trx, parentId);
    if (!p || (p.status !== 'approved' && p.status !== 'pending'))
      throw new CommentError('COMMENT_PARENT_NOT_FOUND', 'Only approved or pending comments can be replied to.');
    const approvedParent = p.status === 'pending';
    if (approvedParent) await approveComment(trx, p.id, iso);
    const parent = replyParent({ id: p.id, path: p.path, depth: p.depth });
    const id = await insertComment(trx, {
      post_id: p.post_id,
      parent_id: parent.id,
      path: '',
      depth: 0,
      author_name: name,
      author_email: email,
      author_url: '',
      user_id: user.id,
      body,
      body_html: renderCommentMarkdown(body),
      status: 'approved',
      ip_hash: '',
      spam_score: 0,
      spam_reasons: 'staff',
      created_at: iso,
      updated_at: iso,
    });
    await placeCommentRow(trx, id, placeComment(id, parent));
    await recordAudit(trx, {
      at: iso,
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'comment.replied',
      ip: actor.ip,
      target: { type: 'comment', id: p.id, label: `comment ${p.id} by ${p.author_name}` },
      detail: `reply ${id}: ${excerpt(body)}`,
    });
    return { id, postId: p.post_id, approvedParent };
  });
}

/**
 * Edits a comment's author name and text (rendered again from the Markdown-lite source).
 * @example await editComment(db, 12, { name: 'Ana', body: 'Fixed typo' }, actor, now) // { postId: 4 }
 */
export async function editComment(db: Db, id: number, patch: { name: string; body: string }, actor: Actor, now: Date): Promise<{ postId: number }> {
  const settings = await loadCommentSettings(db);
  const iso = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const c = await findComment(trx, id);
    if (!c) throw new CommentError('COMMENT_NOT_FOUND', 'There is no such comment.');
    const { name, body } = validateComment({ name: patch.name, email: '', body: patch.body }, { maxLength: settings.maxLength, requireEmail: false });
    const changes: string[] = [];
    if (name !== c.author_name) changes.push(`name "${excerpt(c.author_name)}" → "${excerpt(name)}"`);
    if (body !== c.body) changes.push(`text "${excerpt(c.body)}" → "${excerpt(body)}"`);
    if (changes.length === 0) return { postId: c.post_id };
    await updateCommentText(trx, id, { author_name: name, body, body_html: renderCommentMarkdown(body), updated_at: iso });
    await recordAudit(trx, {
      at: iso,
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'comment.edited',
      ip: actor.ip,
      target: { type: 'comment', id, label: `comment ${id} by ${name}` },
      detail: changes.join('; ').slice(0, 500),
    });
    return { postId: c.post_id };
  });
}
