/**
 * @module web/admin/comments/comment-rules.routes
 * /admin/comments/rules (editors and owners, `comments.moderate`): the block and allow lists.
 *   GET  /admin/comments/rules
 *   POST /admin/comments/rules          kind=word|email|ip_hash&list=block|allow&value=…&note=…
 *   POST /admin/comments/rules/remove   id=…
 */
import type { FastifyInstance } from 'fastify';
import { addCommentRule, listCommentRules, removeCommentRule } from '../../../modules/comment/comment-rules.js';
import { badRequest } from '../../errors.js';
import { actorOf } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { sendHtml } from '../../html.js';
import { fieldsOf, idOf } from '../shell/forms.js';
import { dateVM } from '../shell/presenters.js';
import { renderCommentRules } from './comment-rules.view.js';

const NOTICES: Record<string, string> = { added: 'Rule added.', exists: 'That rule was there already.', removed: 'Rule removed.' };
const KIND_LABELS: Record<string, string> = { word: 'Word or phrase', email: 'Email address', ip_hash: 'IP hash' };

export async function commentRulesRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  // GET /admin/comments/rules
  app.get('/comments/rules', { config: { access: 'comments.moderate' } }, async (request, reply) => {
    const rows = await listCommentRules(c.db);
    const csrf = csrfFor(reply);
    const done = (request.query as Record<string, unknown>).done;
    return sendHtml(
      reply,
      renderCommentRules({
        layout: pageLayout(c, request, csrf, 'Comment block and allow lists', typeof done === 'string' ? NOTICES[done] : undefined),
        csrf,
        lists: (['block', 'allow'] as const).map((list) => ({
          list,
          heading: list === 'block' ? 'Blocked' : 'Allowed',
          rules: rows
            .filter((r) => r.list === list)
            .map((r) => ({ id: r.id, kind: KIND_LABELS[r.kind] ?? r.kind, value: r.value, note: r.note, date: dateVM(r.created_at, c.site.dates.timeZone) })),
        })),
      }),
    );
  });

  // POST /admin/comments/rules
  app.post('/comments/rules', { config: { access: 'comments.moderate' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    const s = (k: string): string => (typeof f[k] === 'string' ? (f[k] as string) : '');
    if ([s('kind'), s('list'), s('value'), s('note')].some((v) => v.length > 2000)) throw badRequest('That is too long for a rule.');
    const added = await addCommentRule(c.db, { kind: s('kind'), list: s('list'), value: s('value'), note: s('note') }, actorOf(request), c.now());
    return reply.redirect(`/admin/comments/rules?done=${added ? 'added' : 'exists'}`, 303);
  });

  // POST /admin/comments/rules/remove
  app.post('/comments/rules/remove', { config: { access: 'comments.moderate' } }, async (request, reply) => {
    const id = idOf(fieldsOf(request.body).id);
    if (id === undefined) throw badRequest('Which rule?');
    await removeCommentRule(c.db, id, actorOf(request), c.now());
    return reply.redirect('/admin/comments/rules?done=removed', 303);
  });
}
