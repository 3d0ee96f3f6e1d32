/**
 * @module web/admin/articles/editorial/corrections.routes
 * /admin/articles/:id/corrections: public correction and update notes on a published article.
 * Adding, editing or deleting one needs the right to publish the article (it changes what readers
 * see), and purges the article, /corrections/, feeds and lists before responding.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CORRECTION_MAX, CorrectionError, validateCorrection } from '../../../../modules/correction/correction.js';
import { addCorrection, correctionOf, editCorrection, removeCorrection } from '../../../../modules/article/editorial.service.js';
import { HttpError, notFound } from '../../../errors.js';
import { EDIT_ARTICLE, editableOf } from '../editable.js';
import { forbidden } from '../../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../../shell/context.js';
import { sendHtml } from '../../../html.js';
import { fieldsOf, idOf } from '../../shell/forms.js';
import { renderCorrectionForm } from './editorial.view.js';

export async function correctionRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const db = c.db;

  const mayCorrect = async (request: FastifyRequest) => {
    const e = editableOf(request);
    if (!e.mayPublish) throw forbidden(e.mine ? 'post.publish.own' : 'post.publish.any', e.user);
    if (e.post.status !== 'published')
      throw new HttpError('ARTICLE_NOT_PUBLISHED', 'Corrections and updates are for published articles; edit the draft instead.');
    return e;
  };

  const correctionForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { id: number; title: string; action: string; values: { kind: string; body: string }; errors: Record<string, string> },
    code = 200,
  ) => {
    const csrf = csrfFor(reply);
    const heading = o.action.endsWith('/corrections') ? 'Add a correction or update' : 'Edit a correction or update';
    return sendHtml(
      reply,
      renderCorrectionForm({
        layout: pageLayout(c, request, csrf, heading),
        csrf,
        action: o.action,
        articleTitle: o.title,
        editUrl: `/admin/articles/${o.id}`,
        values: o.values,
        errors: o.errors,
        maxLength: CORRECTION_MAX,
      }),
      code,
    );
  };

  /** Field errors for a posted note, or its checked value. */
  const readNote = (body: unknown) => {
    const f = fieldsOf(body);
    const values = { kind: typeof f.kind === 'string' ? f.kind.slice(0, 20) : '', body: typeof f.body === 'string' ? f.body.slice(0, CORRECTION_MAX * 2) : '' };
    try {
      return { values, input: validateCorrection(f.kind, f.body), errors: {} as Record<string, string> };
    } catch (err) {
      if (!(err instanceof CorrectionError)) throw err;
      return { values, input: undefined, errors: { [err.field]: err.message } };
    }
  };

  // POST /admin/articles/:id/corrections: add a note (published articles; publishers only).
  app.post('/articles/:id/corrections', EDIT_ARTICLE, async (request, reply) => {
    const { id, post, user } = await mayCorrect(request);
    const note = readNote(request.body);
    if (!note.input)
      return correctionForm(
        request,
        reply,
        { id, title: post.title, action: `/admin/articles/${id}/corrections`, values: note.values, errors: note.errors },
        400,
      );
    app.pageCache.purge(await addCorrection(db, id, note.input, { id: user.id, email: user.email, ip: request.ip }, c.now()));
    return reply.redirect(`/admin/articles/${id}?saved=1#corrections`, 303);
  });

  const noteOf = async (request: FastifyRequest, id: number) => {
    const cid = idOf((request.params as { cid?: string }).cid);
    const note = cid !== undefined ? await correctionOf(db, id, cid) : undefined;
    if (!note) throw notFound('There is no such correction on this article.');
    return note;
  };

  // GET /admin/articles/:id/corrections/:cid: the edit form of one note.
  app.get('/articles/:id/corrections/:cid', EDIT_ARTICLE, async (request, reply) => {
    const { id, post } = await mayCorrect(request);
    const note = await noteOf(request, id);
    return correctionForm(request, reply, {
      id,
      title: post.title,
      action: `/admin/articles/${id}/corrections/${note.id}`,
      values: { kind: note.kind, body: note.body },
      errors: {},
    });
  });

  // POST /admin/articles/:id/corrections/:cid: change its kind or text (it keeps its time).
  app.post('/articles/:id/corrections/:cid', EDIT_ARTICLE, async (request, reply) => {
    const { id, post, user } = await mayCorrect(request);
    const existing = await noteOf(request, id);
    const note = readNote(request.body);
    if (!note.input)
      return correctionForm(
        request,
        reply,
        { id, title: post.title, action: `/admin/articles/${id}/corrections/${existing.id}`, values: note.values, errors: note.errors },
        400,
      );
    const purge = await editCorrection(db, id, existing.id, note.input, { id: user.id, email: user.email, ip: request.ip }, c.now());
    if (!purge) throw notFound('There is no such correction on this article.');
    app.pageCache.purge(purge);
    return reply.redirect(`/admin/articles/${id}?saved=1#corrections`, 303);
  });

  // POST /admin/articles/:id/corrections/:cid/delete
  app.post('/articles/:id/corrections/:cid/delete', EDIT_ARTICLE, async (request, reply) => {
    const { id, user } = await mayCorrect(request);
    const note = await noteOf(request, id);
    const purge = await removeCorrection(db, id, note.id, { id: user.id, email: user.email, ip: request.ip }, c.now());
    if (!purge) throw notFound('There is no such correction on this article.');
    app.pageCache.purge(purge);
    return reply.redirect(`/admin/articles/${id}?saved=1#corrections`, 303);
  });
}
