/**
 * @module modules/comment/notify
 * Email about comments, through SMTP configured by environment (SMTP_URL): the article's authors
 * hear of each new comment (with a link to the queue), and a commenter who ticked "email me" hears
 * of each approved reply (with an unsubscribe link). Sending never blocks or fails the comment.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/database.js';
import { postPath } from '../article/permalink.js';
import { commentLink } from './comment-link.js';
import { findComment } from './comment.repository.js';
import type { Submitted } from './comment.service.js';

export interface NotifyOptions {
  /** smtp://user:pass@host:port or smtps://…; nodemailer options may follow as a query string. */
  smtpUrl: string;
  siteUrl: string;
  siteName: string;
  /** Signs unsubscribe links. */
  secret: string;
  from?: string;
}

const unsubscribeSig = (secret: string, commentId: number): string =>
  createHmac('sha256', secret).update(`comment-unsubscribe:${commentId}`).digest('base64url');

/** The unsubscribe link's check. */
export function validUnsubscribe(secret: string, commentId: number, sig: string): boolean {
  const want = Buffer.from(unsubscribeSig(secret, commentId));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

export const unsubscribeUrl = (siteUrl: string, secret: string, commentId: number): string =>
  `${siteUrl.replace(/\/$/, '')}/comments/unsubscribe/?c=${commentId}&t=${unsubscribeSig(secret, commentId)}`;

/** Stops reply emails for one comment. */
export async function unsubscribeReplies(db: Db, commentId: number): Promise<void> {
  await db.updateTable('comments').set({ notify_replies: 0 }).where('id', '=', commentId).execute();
}

/**
 * The function to call after a comment is stored.
 * @example app = buildApp({ …, onCommentSubmitted: commentNotifier(db, { smtpUrl, siteUrl, siteName, secret }) })
 */
export function commentNotifier(db: Db, o: NotifyOptions): (s: Submitted) => Promise<void> {
  const transport = nodemailer.createTransport(o.smtpUrl);
  const from = o.from ?? `${o.siteName} <no-reply@${new URL(o.siteUrl).hostname}>`;
  const base = o.siteUrl.replace(/\/$/, '');
  return async (s) => {
    if (s.status === 'spam') return;
    const comment = await findComment(db, s.id);
    const post = await db.selectFrom('posts').select(['id', 'title', 'slug']).where('id', '=', s.postId).executeTakeFirst();
    if (!comment || !post) return;
    const link = `${base}${(await commentLink(db, comment.id)) ?? `${postPath(post.slug)}#comment-${comment.id}`}`;
    const authors = await db.selectFrom('post_authors').innerJoin('authors', 'authors.id', 'post_authors.author_id').innerJoin('users', 'users.id', 'authors.user_id')
      .select(['users.email', 'users.name']).where('post_authors.post_id', '=', post.id).where('users.status', '=', 'active').execute();
    for (const a of authors) {
      await transport.sendMail({
        from, to: a.email, subject: `New comment on "${post.title}"`,
        text: `${comment.author_name} commented on "${post.title}" (${s.status === 'approved' ? 'published' : 'awaiting moderation'}):\n\n${comment.body}\n\n${s.status === 'approved' ? link : `Moderate: ${base}/admin/comments?status=pending`}\n`,
      });
    }
    if (s.status !== 'approved' || comment.parent_id === null) return;
    const parent = await findComment(db, comment.parent_id);
    if (!parent || parent.notify_replies !== 1 || parent.author_email === '' || parent.author_email === comment.author_email || parent.status !== 'approved') return;
    await transport.sendMail({
      from, to: parent.author_email, subject: `${comment.author_name} replied to your comment on "${post.title}"`,
      text: `${comment.author_name} replied to your comment:\n\n${comment.body}\n\n${link}\n\nNo more emails about replies to this comment: ${unsubscribeUrl(base, o.secret, parent.id)}\n`,
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl(base, o.secret, parent.id)}>` },
    });
  };
}
