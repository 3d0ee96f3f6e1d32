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
import { bylineRecipients, claimReplyEmail, commentedPost, findComment, stopReplyEmails } from './comment.repository.js';
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
  await stopReplyEmails(db, commentId);
}

/** What the app calls: after a reader's comment is stored, and after moderators approve comments. */
export interface CommentNotifier {
  submitted(s: Submitted): Promise<void>;
  /** Approved now (moderation queue, staff replies): reply emails not sent yet go out, once each. */
  approved(ids: readonly number[]): Promise<void>;
}

/**
 * Email about comments over SMTP.
 * @example app = buildApp({ …, commentNotifier: commentNotifier(db, { smtpUrl, siteUrl, siteName, secret }) })
 */
export function commentNotifier(db: Db, o: NotifyOptions): CommentNotifier {
  const transport = nodemailer.createTransport(o.smtpUrl);
  const from = o.from ?? `${o.siteName} <no-reply@${new URL(o.siteUrl).hostname}>`;
  const base = o.siteUrl.replace(/\/$/, '');
  const linkOf = async (id: number, slug: string): Promise<string> => `${base}${(await commentLink(db, id)) ?? `${postPath(slug)}#comment-${id}`}`;

  /**
   * The parent commenter hears of an approved reply once: the reply's `reply_notified` flag is
   * claimed with a conditional UPDATE before sending, so two approvals (or two instances) never
   * send twice. Nothing happens for a reply that is not approved yet; its approval calls this again.
   */
  const replyEmail = async (id: number): Promise<void> => {
    const comment = await findComment(db, id);
    if (comment?.status !== 'approved' || comment.parent_id === null || comment.reply_notified === 1) return;
    const parent = await findComment(db, comment.parent_id);
    if (parent?.notify_replies !== 1 || parent.author_email === '' || parent.author_email === comment.author_email || parent.status !== 'approved') return;
    if (!(await claimReplyEmail(db, id))) return;
    const post = await commentedPost(db, comment.post_id);
    if (!post) return;
    await transport.sendMail({
      from,
      to: parent.author_email,
      subject: `${comment.author_name} replied to your comment on "${post.title}"`,
      text: `${comment.author_name} replied to your comment:\n\n${comment.body}\n\n${await linkOf(id, post.slug)}\n\nNo more emails about replies to this comment: ${unsubscribeUrl(base, o.secret, parent.id)}\n`,
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl(base, o.secret, parent.id)}>` },
    });
  };

  return {
    async submitted(s) {
      if (s.status === 'spam') return;
      const comment = await findComment(db, s.id);
      const post = await commentedPost(db, s.postId);
      if (!comment || !post) return;
      const authors = await bylineRecipients(db, post.id);
      for (const a of authors) {
        await transport.sendMail({
          from,
          to: a.email,
          subject: `New comment on "${post.title}"`,
          text: `${comment.author_name} commented on "${post.title}" (${s.status === 'approved' ? 'published' : 'awaiting moderation'}):\n\n${comment.body}\n\n${s.status === 'approved' ? await linkOf(comment.id, post.slug) : `Moderate: ${base}/admin/comments?status=pending`}\n`,
        });
      }
      await replyEmail(s.id);
    },
    async approved(ids) {
      for (const id of ids.slice(0, 500)) await replyEmail(id);
    },
  };
}
