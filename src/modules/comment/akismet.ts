/**
 * @module modules/comment/akismet
 * An optional outside spam check speaking Akismet's REST protocol (rest.akismet.com or a
 * compatible service), off unless AKISMET_KEY is set. comment-check runs with a short timeout; its
 * verdict adds to the spam score with a reason, and a failure or timeout never blocks posting (the
 * comment gets the reason `akismet-unavailable`). Moderators' decisions go back as submit-spam and
 * submit-ham. The reader's IP address is sent to the service for the check (it is never stored
 * here, so reports after the fact go without it).
 */
import type { Db } from '../../db/database.js';
import { postPath } from '../article/permalink.js';
import { commentsForFilter } from './comment.repository.js';

export interface SpamCheck {
  ip: string;
  userAgent: string;
  referrer: string;
  permalink: string;
  author: string;
  email: string;
  content: string;
  lang: string;
  /** A reply or a top-level comment. */
  reply: boolean;
}

/** spam / ham, or unavailable (error, timeout, a refused key) with what went wrong. */
export type SpamCheckResult = { verdict: 'spam' | 'ham' } | { verdict: 'unavailable'; error: string };

export interface SpamFilter {
  check(c: SpamCheck): Promise<SpamCheckResult>;
  report(c: Omit<SpamCheck, 'ip' | 'userAgent' | 'referrer'>, spam: boolean): Promise<void>;
}

export interface AkismetOptions {
  key: string;
  url: string;
  blog: string;
  timeoutMs?: number;
}

/**
 * @example const f = akismetClient({ key, url: 'https://rest.akismet.com', blog: 'https://news.example' });
 *          await f.check({ ip, userAgent, referrer, permalink, author, email, content, lang: 'en', reply: false }) // { verdict: 'ham' }
 */
export function akismetClient(o: AkismetOptions): SpamFilter {
  const base = o.url.replace(/\/$/, '');
  const timeout = o.timeoutMs ?? 2000;
  const post = async (method: string, fields: Record<string, string>): Promise<{ status: number; text: string; headers: Headers }> => {
    const res = await fetch(`${base}/1.1/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'user-agent': 'Broadsheet/1.0 | Akismet/1.1' },
      body: new URLSearchParams({ api_key: o.key, blog: o.blog, ...fields }).toString(),
      signal: AbortSignal.timeout(timeout),
    });
    return { status: res.status, text: (await res.text()).trim().slice(0, 200), headers: res.headers };
  };
  const fieldsOf = (c: Omit<SpamCheck, 'ip' | 'userAgent' | 'referrer'> & Partial<SpamCheck>): Record<string, string> => ({
    user_ip: c.ip ?? '',
    user_agent: c.userAgent ?? '',
    referrer: c.referrer ?? '',
    permalink: c.permalink,
    comment_type: c.reply ? 'reply' : 'comment',
    comment_author: c.author,
    comment_author_email: c.email,
    comment_content: c.content,
    blog_lang: c.lang,
    blog_charset: 'UTF-8',
  });
  return {
    async check(c) {
      try {
        const r = await post('comment-check', fieldsOf(c));
        if (r.status === 200 && r.text === 'true') return { verdict: 'spam' };
        if (r.status === 200 && r.text === 'false') return { verdict: 'ham' };
        return { verdict: 'unavailable', error: `HTTP ${r.status}: ${r.headers.get('x-akismet-debug-help') ?? r.text}` };
      } catch (err) {
        return { verdict: 'unavailable', error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
      }
    },
    async report(c, spam) {
      const r = await post(spam ? 'submit-spam' : 'submit-ham', fieldsOf(c));
      if (r.status !== 200) throw new Error(`${spam ? 'submit-spam' : 'submit-ham'} answered HTTP ${r.status}: ${r.text}`);
    },
  };
}

/** Tells the filter what moderators decided about these comments (spam: true, or ham). */
export async function reportVerdicts(db: Db, filter: SpamFilter, siteUrl: string, ids: readonly number[], spam: boolean): Promise<void> {
  if (ids.length === 0) return;
  const rows = await commentsForFilter(db, ids);
  for (const r of rows) {
    await filter.report(
      {
        permalink: `${siteUrl.replace(/\/$/, '')}${postPath(r.slug)}`,
        author: r.author_name,
        email: r.author_email,
        content: r.body,
        lang: r.language,
        reply: r.parent_id !== null,
      },
      spam,
    );
  }
}
