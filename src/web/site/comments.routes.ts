/**
 * @module web/site/comments.routes
 * Readers' comments over HTTP:
 *   POST /comments/                      the comment form (no JavaScript needed): 303 to #comment-ID
 *   GET  /comments/unsubscribe/, /comments/{id}/   reply-mail unsubscribe, a link to one comment
 * (its JSON twin, GET /api/v1/posts/{id}/comments, is web/api/comments.routes)
 * and what the article page needs: the reader's held comment ids (signed `bs_commenter` cookie)
 * and a freshly signed form token.
 *
 * CSRF: comment posting is anonymous and article pages are cached for everyone, so there is no
 * per-visitor secret to bind a token to. The defence is the Origin (or Referer) check against this
 * site, plus a form token signed by the site (HMAC) that names the article.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { postPath } from '../../modules/article/permalink.js';
import { CommentError, type CommentInput } from '../../modules/comment/comment.js';
import { commentAndPostStatus, threadPage } from '../../modules/comment/comment.repository.js';
import { commentOrderOf } from '../../modules/comment/thread.js';
import { commentsOpen, submitComment, type Submitted } from '../../modules/comment/comment.service.js';
import { loadCommentSettings, type CommentSettings } from '../../modules/comment/comment-settings.js';
import { issueFormToken, readFormToken } from '../../modules/comment/form-token.js';
import { hashesOf, type IpKeys } from '../../modules/comment/ip-keys.js';
import type { SpamFilter } from '../../modules/comment/akismet.js';
import { unsubscribeReplies, validUnsubscribe } from '../../modules/comment/notify.js';
import { commentLink } from '../../modules/comment/comment-link.js';
import { notFound } from '../errors.js';
import { commentErrorMessage } from './comment-strings.js';
import type { ArticleCommentsInput } from './pages.js';
import { idOf } from '../../lib/ids.js';
import { commentPurgeTags } from '../../modules/content/cache-tags.js';
import { PRIVATE } from '../cache/index.js';
import { postLanguage } from '../../modules/content/posts.repository.js';

export const COMMENTER_COOKIE = 'bs_commenter';
/** Room for 10,000 characters of text percent-encoded (up to 12 bytes a character) and the rest. */
const BODY_LIMIT = 256 * 1024;

export interface CommentsWebDeps {
  db: Db;
  /** Signs form tokens (the cookie secret). */
  secret: string;
  /** The IP hash keys (modules/comment/ip-keys), shared by every instance through the database. */
  ipKeys: { get(): Promise<IpKeys> };
  siteUrl: string;
  /** The site's language, where an article's language has no translation of a message (English when absent). */
  siteLanguage?: () => string;
  now: () => Date;
  /** Called after a comment is stored (notifications); errors are logged, never shown. */
  onSubmitted?: (s: Submitted) => Promise<void>;
  /** An outside spam check (AKISMET_KEY); off when undefined. */
  spamFilter?: SpamFilter;
  /** Whether the page answering this request is kept by the page cache (its form token is then shared). */
  sharedForms?: (request: FastifyRequest) => boolean;
}

type CommentedPost = { id: number; comment_status: 'open' | 'closed'; published_at: string | null; type: string };

/** What the comment form needs for this request, and the reader's own held comments (signed cookie). */
export interface ArticleForm extends Omit<ArticleCommentsInput, 'thread' | 'page'> {
  held: number[];
}

export interface CommentsWeb {
  /** The form, open/closed state and the asked-for page of comments (with the reader's own held ones, from the signed cookie). */
  articleInput(request: FastifyRequest, post: CommentedPost, page?: number): Promise<ArticleCommentsInput | undefined>;
  /**
   * The same without the page of comments (undefined when the post takes none). `settings`: the
   * comment settings when the caller holds them (see article-fragments), else they are read.
   */
  articleForm(request: FastifyRequest, post: CommentedPost, settings?: CommentSettings): Promise<ArticleForm | undefined>;
}

function heldFromCookie(request: FastifyRequest): number[] {
  const raw = request.cookies[COMMENTER_COOKIE];
  if (!raw) return [];
  const un = request.unsignCookie(raw);
  if (!un.valid || un.value === null) return [];
  return un.value
    .split('.')
    .map((x) => idOf(x))
    .filter((x): x is number => x !== undefined)
    .slice(-20);
}

/** Percent-decoding to bytes, then strict UTF-8: invalid sequences are an error, not U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeComponent(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 0x25 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(ch === 0x2b ? 0x20 : ch & 0xff);
  }
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    throw new CommentError('COMMENT_INVALID_UTF8', 'The comment is not valid UTF-8 text.');
  }
}

/** application/x-www-form-urlencoded with strict UTF-8; a repeated field keeps its first value. */
export function parseStrictForm(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of body.toString('latin1').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const k = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const v = decodeComponent(eq < 0 ? '' : pair.slice(eq + 1));
    if (!Object.hasOwn(out, k)) out[k] = v;
  }
  return out;
}

/** Same-origin POSTs only: Origin (or, without it, Referer) must be this site or this host. */
function checkOrigin(request: FastifyRequest, siteUrl: string): void {
  const allowed = new Set([new URL(siteUrl).origin, `${request.protocol}://${request.host}`]);
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    if (allowed.has(origin)) return;
  } else if (typeof request.headers.referer === 'string') {
    try {
      if (allowed.has(new URL(request.headers.referer).origin)) return;
    } catch {
      /* not a URL: refused below */
    }
  }
  throw new CommentError('COMMENT_ORIGIN', 'This form did not come from this site, so the comment was not posted.');
}

/**
 * The error in the article's language, for the error page (which then speaks that language); a
 * message that language lacks is in the site's language, then English.
 */
async function localised(db: Db, postId: number, err: CommentError, siteLanguage = 'en'): Promise<CommentError> {
  const language = await postLanguage(db, postId).catch(() => undefined);
  if (language === undefined) return err;
  const out = new CommentError(err.code, commentErrorMessage(language, err.code, err.detail, err.values, siteLanguage), err.detail, err.values);
  return Object.assign(out, { lang: language });
}

export function makeCommentsWeb(deps: CommentsWebDeps): CommentsWeb {
  return {
    async articleForm(request, post, given?: CommentSettings) {
      if (post.type === 'page' && post.comment_status !== 'open') return undefined;
      const settings = given ?? (await loadCommentSettings(deps.db));
      const replyTo = idOf((request.query as Record<string, unknown>).replytocom);
      return {
        held: heldFromCookie(request),
        open: commentsOpen(post, settings, deps.now()),
        token: issueFormToken(deps.secret, post.id, deps.now(), deps.sharedForms?.(request) ?? false),
        requireEmail: settings.requireEmail,
        maxLength: settings.maxLength,
        perPage: settings.perPage,
        ...(replyTo !== undefined ? { replyTo } : {}),
      };
    },
    async articleInput(request, post, page = 1) {
      const form = await this.articleForm(request, post);
      if (!form) return undefined;
      const { held, ...rest } = form;
      const order = commentOrderOf((request.query as Record<string, unknown>).comments);
      return { ...rest, page, order, thread: await threadPage(deps.db, post.id, held, page, form.perPage, order) };
    },
  };
}

export async function commentRoutes(app: FastifyInstance, deps: CommentsWebDeps): Promise<void> {
  const secure = deps.siteUrl.startsWith('https:');
  app.removeContentTypeParser('application/x-www-form-urlencoded');
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, parseStrictForm(body as Buffer));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  // POST /comments/  (post_id, parent_id?, token, name, email?, body, website [honeypot], notify?)
  app.post('/comments/', { bodyLimit: BODY_LIMIT, config: { csrf: 'form-token' } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const f = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const s = (k: string): string => (typeof f[k] === 'string' ? (f[k] as string) : '');
    const postId = idOf(s('post_id'));
    try {
      checkOrigin(request, deps.siteUrl);
      const token = postId !== undefined ? readFormToken(deps.secret, s('token')) : undefined;
      if (postId === undefined || !token || token.postId !== postId) {
        throw new CommentError('COMMENT_FORM_INVALID', 'This form has expired or did not come from this site. Reload the article and try again.');
      }
      const parentRaw = s('parent_id');
      const parentId = parentRaw === '' || parentRaw === '0' ? null : idOf(parentRaw);
      if (parentId === undefined) throw new CommentError('COMMENT_PARENT_NOT_FOUND', 'The comment you are replying to is not there.');
      const input: CommentInput = {
        postId,
        parentId,
        name: s('name'),
        email: s('email'),
        body: s('body'),
        notifyReplies: s('notify') === '1',
        honeypot: s('website'),
        issuedAt: token.issuedAt,
        sharedForm: token.shared,
        formToken: s('token'),
        ...hashesOf(await deps.ipKeys.get(), request.ip),
        request: {
          ip: request.ip,
          userAgent: String(request.headers['user-agent'] ?? '').slice(0, 500),
          referrer: String(request.headers.referer ?? '').slice(0, 2000),
        },
      };
      const result = await submitComment(deps.db, input, deps.now(), { ...(deps.spamFilter ? { filter: deps.spamFilter } : {}), siteUrl: deps.siteUrl });
      if (result.filterError)
        request.log.warn({ commentId: result.id, error: result.filterError }, 'outside spam check unavailable; comment stored without it');
      if (result.created && result.status === 'approved') app.pageCache.purge(commentPurgeTags([result.postId]));
      if (result.status !== 'approved') {
        const ids = [...heldFromCookie(request).filter((x) => x !== result.id), result.id].slice(-20);
        reply.setCookie(COMMENTER_COOKIE, ids.join('.'), { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true, maxAge: 30 * 86_400 });
      }
      if (result.created && deps.onSubmitted) {
        deps.onSubmitted(result).catch((err: unknown) => request.log.error({ err }, 'comment notification failed'));
      }
      reply.header('cache-control', PRIVATE);
      // The comment page that holds it (a held comment counts for its author, who sees it).
      const link = (await commentLink(deps.db, result.id)) ?? `${postPath(result.slug)}#comment-${result.id}`;
      return reply.redirect(link, 303);
    } catch (err) {
      throw postId !== undefined && err instanceof CommentError ? await localised(deps.db, postId, err, deps.siteLanguage?.()) : err;
    }
  });

  // GET|POST /comments/unsubscribe/?c=ID&t=SIG: no more reply emails for that comment. GET asks
  // (mail scanners follow links), POST does it.
  const unsubscribe = async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as Record<string, unknown>;
    const id = idOf(q.c);
    const sig = typeof q.t === 'string' ? q.t : '';
    if (id === undefined || !validUnsubscribe(deps.secret, id, sig)) throw new CommentError('COMMENT_NOT_FOUND', 'This unsubscribe link is not valid.');
    reply.header('cache-control', PRIVATE).type('text/html; charset=utf-8');
    if (request.method === 'POST') {
      await unsubscribeReplies(deps.db, id);
      return reply.send(
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Unsubscribed</title><p>Done: no more emails about replies to that comment.</p><p><a href="/">Back to the site</a></p></html>',
      );
    }
    return reply.send(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Unsubscribe</title><form method="post" action="/comments/unsubscribe/?c=${id}&amp;t=${sig}"><p>Stop emails about replies to your comment?</p><button type="submit">Unsubscribe</button></form></html>`,
    );
  };
  app.get('/comments/unsubscribe/', unsubscribe);

  // GET /comments/form-token?post=ID: a fresh form token for this reader, asked for by the form's
  // script when they start writing (a cached page's token is shared and tells no fill time).
  // Reads nothing: the post is checked when the comment is sent.
  app.get('/comments/form-token', { config: { siteless: true } }, async (request, reply) => {
    const postId = idOf((request.query as Record<string, unknown>).post);
    reply.header('cache-control', PRIVATE);
    if (postId === undefined) return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: 'Say which article: ?post=ID.' } });
    return { token: issueFormToken(deps.secret, postId, deps.now()) };
  });
  app.post('/comments/unsubscribe/', { config: { csrf: 'signed-link' } }, unsubscribe);

  // GET /comments/{id}/: a lasting link to an approved comment; 302 to the comment page holding it.
  app.get('/comments/:id/', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const id = idOf(request.params.id);
    const row = id !== undefined ? await commentAndPostStatus(deps.db, id) : undefined;
    if (id === undefined || !row || row.status !== 'approved' || row.post_status !== 'published') throw notFound('There is no such comment.');
    const link = await commentLink(deps.db, id);
    if (!link) throw notFound('There is no such comment.');
    reply.header('cache-control', PRIVATE);
    return reply.redirect(link, 302);
  });
}
