/**
 * @module web/admin/comments/comments.routes
 * /admin/comments (editors and owners, `comments.moderate`): the moderation queue.
 *   GET  /admin/comments?status=pending|approved|spam|trash&post=ID&email=E&author=NAME&ip=HASH&page=N
 *   POST /admin/comments/moderate   one=ACTION:ID (a row's button) or action=ACTION&ids=…&bulk=1
 *   GET  /admin/comments/{id}       one comment: edit its name and text, reply as staff
 *   POST /admin/comments/{id}/edit  name, body        (audit-logged)
 *   POST /admin/comments/{id}/reply body              (stored approved, as the signed-in user)
 * A change that shows or hides a comment purges the article's cached pages before answering.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { queueScript } from '../shell/script-bundle.js';
import type { CommentStatus } from '../../../db/schema.js';
import { postPath } from '../../../modules/article/permalink.js';
import { commentedPost, findComment, listQueue, statusCounts } from '../../../modules/comment/comment.repository.js';
import { moderateComments, VERDICT_STATUS, type CommentVerdict } from '../../../modules/comment/comment.service.js';
import { editComment, staffReply } from '../../../modules/comment/comment-staff.js';
import { badRequest, notFound } from '../../errors.js';
import { actorOf, signedIn } from '../shell/auth.js';
import { can } from '../../../modules/user/permissions.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { sendHtml } from '../../html.js';
import { fieldsOf, idOf, text } from '../shell/forms.js';
import { dateVM } from '../shell/presenters.js';
import { renderCommentDetail, renderModeration, type ModerationVM } from './comments.view.js';
import { commentPurgeTags } from '../../../modules/content/cache-tags.js';

export interface CommentsAdminHooks {
  /** After comments are approved (reply emails, spam-filter feedback); errors are logged only. */
  onApproved?: (ids: readonly number[]) => Promise<void>;
  /** After moderators mark comments spam, or approve ones the filter had called spam. */
  onSpamVerdict?: (ids: readonly number[], spam: boolean) => Promise<void>;
}

const STATUSES: CommentStatus[] = ['pending', 'approved', 'spam', 'trash'];
const LABELS: Record<CommentStatus, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' };
const ACTION_LABELS: Record<CommentVerdict, string> = { approve: 'Approve', unapprove: 'Unapprove', spam: 'Mark spam', trash: 'Trash' };
const isVerdict = (s: string): s is CommentVerdict => Object.hasOwn(VERDICT_STATUS, s);
/** What a verdict did, for the queue script's announcement. */
const VERDICT_DONE: Record<CommentVerdict, string> = { approve: 'approved', unapprove: 'back in the queue', spam: 'marked spam', trash: 'in the trash' };
/** The queue's script asks `Accept: application/json` to act without a reload. */
const wantsJson = (request: FastifyRequest): boolean => (request.headers.accept ?? '').startsWith('application/json');
const PER_PAGE = 50;

function actionsFor(status: CommentStatus): { value: string; label: string }[] {
  return (Object.keys(ACTION_LABELS) as CommentVerdict[]).filter((v) => VERDICT_STATUS[v] !== status).map((value) => ({ value, label: ACTION_LABELS[value] }));
}

/** The queue's query string, as given (only known keys, validated). */
function parseQuery(request: FastifyRequest) {
  const q = request.query as Record<string, unknown>;
  const status = (text(q.status) || 'pending') as CommentStatus;
  if (!STATUSES.includes(status)) throw badRequest('Unknown comment status.');
  const post = text(q.post).trim();
  if (post !== '' && idOf(post) === undefined) throw badRequest('The article id must be a whole number.');
  const email = text(q.email).trim().slice(0, 320);
  const author = text(q.author).trim().slice(0, 200);
  const ip = text(q.ip).trim();
  if (ip !== '' && !/^[0-9a-f]{64}$/.test(ip)) throw badRequest('An IP hash is 64 hexadecimal characters.');
  const page = text(q.page) === '' ? 1 : Number(q.page);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) throw badRequest('The page parameter must be a whole number from 1.');
  return { status, post, email, author, ip, page };
}

const queueUrl = (p: { status: string; post: string; email: string; author: string; ip: string }, page = 1): string => {
  const sp = new URLSearchParams({ status: p.status });
  if (p.post) sp.set('post', p.post);
  if (p.email) sp.set('email', p.email);
  if (p.author) sp.set('author', p.author);
  if (p.ip) sp.set('ip', p.ip);
  if (page > 1) sp.set('page', String(page));
  return `/admin/comments?${sp.toString()}`;
};

const idParam = (raw: string): number => {
  const id = idOf(raw);
  if (id === undefined) throw notFound('There is no such comment.');
  return id;
};

export async function commentsRoutes(app: FastifyInstance, c: AdminContext, hooks: CommentsAdminHooks = {}): Promise<void> {
  await queueScript.route(app);
  const background = (request: FastifyRequest, what: string, p: Promise<void> | undefined) =>
    p?.catch((err: unknown) => request.log.error({ err }, `${what} failed`));

  // GET /admin/comments
  app.get('/comments', { config: { access: 'comments.moderate' } }, async (request, reply) => {
    const p = parseQuery(request);
    const [counts, queue] = await Promise.all([
      statusCounts(c.db),
      listQueue(
        c.db,
        {
          status: p.status,
          ...(p.post ? { postId: Number(p.post) } : {}),
          ...(p.email ? { email: p.email } : {}),
          ...(p.author ? { author: p.author } : {}),
          ...(p.ip ? { ipHash: p.ip } : {}),
        },
        PER_PAGE,
        (p.page - 1) * PER_PAGE,
      ),
    ]);
    const totalPages = Math.max(1, Math.ceil(queue.total / PER_PAGE));
    if (p.page > totalPages) throw notFound('There is no such page of comments.');
    const csrf = csrfFor(reply);
    const notice = text((request.query as Record<string, unknown>).done);
    const vm: ModerationVM = {
      layout: pageLayout(c, request, csrf, 'Comments', /^\d{1,4}$/.test(notice) ? `${notice} ${notice === '1' ? 'comment' : 'comments'} updated.` : undefined),
      csrf,
      canConfigure: can(signedIn(request).user.role, 'settings.manage'),
      tabs: STATUSES.map((s) => ({ label: LABELS[s], status: s, count: counts[s], url: queueUrl({ ...p, status: s }), current: s === p.status })),
      status: p.status,
      filters: { post: p.post, email: p.email, author: p.author, ip: p.ip },
      rows: queue.rows.map((r) => ({
        id: r.id,
        authorName: r.author_name,
        email: r.author_email,
        ipHash: r.ip_hash,
        bodyHtml: r.body_html,
        date: dateVM(r.created_at, c.site.dates.timeZone),
        article: { title: r.title, url: postPath(r.slug), filterUrl: queueUrl({ ...p, post: String(r.post_id) }) },
        ...(r.status === 'approved' ? { viewUrl: `/comments/${r.id}/` } : {}),
        detailUrl: `/admin/comments/${r.id}`,
        canReply: r.status === 'approved' || r.status === 'pending',
        spamScore: r.spam_score,
        spamReasons: r.spam_reasons,
      })),
      actions: actionsFor(p.status),
      back: queueUrl(p, p.page),
      total: queue.total,
      page: p.page,
      totalPages,
      ...(p.page > 1 ? { prevUrl: queueUrl(p, p.page - 1) } : {}),
      ...(p.page < totalPages ? { nextUrl: queueUrl(p, p.page + 1) } : {}),
      script: queueScript.url,
    };
    return sendHtml(reply, renderModeration(vm));
  });

  // POST /admin/comments/moderate
  app.post('/comments/moderate', { config: { access: 'comments.moderate' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    let action: string;
    let ids: number[];
    const one = text(f.one);
    if (one !== '') {
      const m = /^([a-z]+):(\d+)$/.exec(one);
      const id = idOf(m?.[2]);
      if (!m || id === undefined) throw badRequest('Unknown action.');
      action = m[1]!;
      ids = [id];
    } else {
      action = text(f.action);
      const raw = Array.isArray(f.ids) ? f.ids : f.ids === undefined ? [] : [f.ids];
      const parsed = raw.map(idOf);
      if (raw.length > 500 || parsed.includes(undefined)) throw badRequest('Tick up to 500 comments.');
      ids = [...new Set(parsed as number[])];
    }
    if (!isVerdict(action)) throw badRequest('Unknown action.');
    if (ids.length === 0) throw badRequest('Tick at least one comment.');
    const done = await moderateComments(c.db, ids, action, actorOf(request), c.now());
    if (done.approved.length) background(request, 'comment approval hook', hooks.onApproved?.(done.approved));
    if (done.toSpam.length) background(request, 'spam report', hooks.onSpamVerdict?.(done.toSpam, true));
    if (done.toHam.length) background(request, 'ham report', hooks.onSpamVerdict?.(done.toHam, false));
    app.pageCache.purge(done.purge);
    // The queue's script asks for JSON: it updates the row in place.
    if (wantsJson(request)) {
      const what = ids.length === 1 ? `Comment ${ids[0]}` : `${ids.length} comments`;
      return reply.send({ ok: true, status: VERDICT_STATUS[action], message: `${what}: ${VERDICT_DONE[action]}.` });
    }
    const back = text(f.back);
    const to = back.startsWith('/admin/comments?') || back === '/admin/comments' ? back : '/admin/comments';
    return reply.redirect(`${to}${to.includes('?') ? '&' : '?'}done=${ids.length}`, 303);
  });

  // GET /admin/comments/{id}: the comment, its edit form and a reply form.
  app.get<{ Params: { id: string } }>('/comments/:id', { config: { access: 'comments.moderate' } }, async (request, reply) => {
    const id = idParam(request.params.id);
    const row = await findComment(c.db, id);
    if (!row) throw notFound('There is no such comment.');
    const post = await commentedPost(c.db, row.post_id);
    const csrf = csrfFor(reply);
    const notice = text((request.query as Record<string, unknown>).done);
    const notices: Record<string, string> = { edited: 'Comment saved.', replied: 'Reply published.' };
    return sendHtml(
      reply,
      renderCommentDetail({
        layout: pageLayout(c, request, csrf, `Comment ${id}`, notices[notice]),
        csrf,
        id,
        name: row.author_name,
        body: row.body,
        bodyHtml: row.body_html,
        status: row.status,
        staff: row.user_id !== null,
        date: dateVM(row.created_at, c.site.dates.timeZone),
        article: { title: post?.title ?? '', url: post ? postPath(post.slug) : '/' },
        ...(row.status === 'approved' ? { viewUrl: `/comments/${id}/` } : {}),
        canReply: row.status === 'approved' || row.status === 'pending',
        queueUrl: `/admin/comments?status=${row.status}`,
      }),
    );
  });

  // POST /admin/comments/{id}/edit
  app.post<{ Params: { id: string } }>('/comments/:id/edit', { config: { access: 'comments.moderate' } }, async (request, reply) => {
    const id = idParam(request.params.id);
    const f = fieldsOf(request.body);
    if (typeof f.name !== 'string' || typeof f.body !== 'string') throw badRequest('Send the name and the text.');
    const { postId } = await editComment(c.db, id, { name: f.name, body: f.body }, actorOf(request), c.now());
    app.pageCache.purge(commentPurgeTags([postId]));
    return reply.redirect(`/admin/comments/${id}?done=edited`, 303);
  });

  // POST /admin/comments/{id}/reply
  app.post<{ Params: { id: string } }>('/comments/:id/reply', { config: { access: 'comments.moderate' } }, async (request, reply) => {
    const id = idParam(request.params.id);
    const f = fieldsOf(request.body);
    if (typeof f.body !== 'string') throw badRequest('Write the reply.');
    const { user } = signedIn(request);
    const r = await staffReply(c.db, id, { id: user.id, name: user.name, email: user.email }, f.body, actorOf(request), c.now());
    app.pageCache.purge(commentPurgeTags([r.postId]));
    background(request, 'comment approval hook', hooks.onApproved?.(r.approvedParent ? [id, r.id] : [r.id]));
    if (wantsJson(request))
      return reply.send({
        ok: true,
        status: 'approved',
        message: `Reply to comment ${id} published${r.approvedParent ? '; the comment is approved too' : ''}.`,
      });
    return reply.redirect(`/admin/comments/${r.id}?done=replied`, 303);
  });
}
