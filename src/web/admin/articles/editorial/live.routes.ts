/**
 * @module web/admin/articles/editorial/live.routes
 * /admin/articles/:id/live…: running an article as a live page from its admin screen. Whoever may
 * publish the article may start and end the coverage and publish, edit, pin and delete entries
 * (each changes what readers see at once). Every write purges what the live service returns
 * before answering, and comes back to the article's screen at its live panel.
 *   POST /admin/articles/{id}/live/start | /live/end
 *   POST /admin/articles/{id}/live/entries                  a new entry
 *   GET  /admin/articles/{id}/live/entries/{eid}            its edit form
 *   POST /admin/articles/{id}/live/entries/{eid}            saves it
 *   POST /admin/articles/{id}/live/entries/{eid}/pin        pins or unpins it
 *   POST /admin/articles/{id}/live/entries/{eid}/delete
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { documentToText } from '../../../../modules/article/document-text.js';
import type { ArticleDocument } from '../../../../modules/article/document.js';
import { LiveError, type LiveEntryInput } from '../../../../modules/live/live.js';
import { addEntry, deleteEntry, editEntry, endLive, entryForEditing, startLive } from '../../../../modules/live/live.service.js';
import { can } from '../../../../modules/user/permissions.js';
import { sendHtml } from '../../../html.js';
import { forbidden } from '../../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../../shell/context.js';
import { fieldsOf, idOf } from '../../shell/forms.js';
import { editorScript } from '../../shell/script-bundle.js';
import { bodyOf } from '../body-field.js';
import { EDIT_ARTICLE, editableOf } from '../editable.js';
import type { LiveEntryFieldsVM } from '../articles.view-models.js';
import { renderLiveEntryForm } from './live.view.js';

/** The fields of an entry form as posted: the values to refill it, the checked entry or the errors. */
export function readEntry(raw: unknown): { values: LiveEntryFieldsVM['values']; input?: LiveEntryInput; errors: Record<string, string> } {
  const f = fieldsOf(raw);
  const str = (name: string, max: number): string | undefined => {
    const v = f[name];
    return v === undefined ? '' : typeof v === 'string' && v.length <= max ? v : undefined;
  };
  const errors: Record<string, string> = {};
  const headline = str('headline', 1200);
  const format = str('body_format', 10) ?? '';
  const json = str('body_json', 1_000_000);
  const text = str('body_text', 500_000);
  if (headline === undefined) errors.headline = 'The headline was sent more than once or is far too long.';
  if (json === undefined || text === undefined) errors.body = 'The entry was sent more than once or is longer than 500,000 characters.';
  const pinnedRaw = f.pinned;
  if (pinnedRaw !== undefined && pinnedRaw !== '1') errors.pinned = 'Tick the box, or leave it empty.';
  const values = { headline: headline ?? '', body_text: text ?? '', body_json: format === 'json' ? (json ?? '') : '', pinned: pinnedRaw === '1' };
  if (Object.keys(errors).length) return { values, errors };
  const read = bodyOf(format, json!, text!);
  if (read.error !== undefined) return { values, errors: { body: read.error } };
  // Without JavaScript the form is refilled with the text; the document it read is kept for an unchanged resend.
  if (format !== 'json') values.body_json = JSON.stringify(read.body);
  return { values, input: { headline: headline!, body: read.body, pinned: pinnedRaw === '1' }, errors };
}

export async function liveRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const db = c.db;
  const base = (id: number) => `/admin/articles/${id}`;
  const back = (id: number, anchor = 'live') => `${base(id)}?saved=1#${anchor}`;

  /** The article, for a user who may publish it (live entries are public at once). */
  const mayRun = (request: FastifyRequest) => {
    const e = editableOf(request);
    if (!e.mayPublish) throw forbidden(e.mine ? 'post.publish.own' : 'post.publish.any', e.user);
    return e;
  };
  const who = (request: FastifyRequest) => {
    const { user } = editableOf(request);
    return { user: { id: user.id, name: user.name, email: user.email }, ip: request.ip };
  };
  const entryId = (request: FastifyRequest): number => {
    const id = idOf((request.params as { eid?: string }).eid);
    if (id === undefined) throw new LiveError('LIVE_NOT_FOUND', 'There is no such entry; it may have been deleted.');
    return id;
  };

  /** The entry form again with its messages (a refused post), on its own page. */
  const entryPage = (request: FastifyRequest, reply: FastifyReply, o: { id: number; title: string; form: LiveEntryFieldsVM }, status: number) => {
    const csrf = csrfFor(reply);
    return sendHtml(
      reply,
      renderLiveEntryForm({
        layout: pageLayout(c, request, csrf, o.form.submit === 'Save the entry' ? 'Edit a live entry' : 'New live entry'),
        csrf,
        articleTitle: o.title,
        editUrl: `${base(o.id)}#live`,
        form: o.form,
        editorScript: editorScript.url,
      }),
      status,
    );
  };

  /** A refusal of the live service the form can show: its field, or the headline for the others. */
  const refusal = (err: unknown): Record<string, string> | undefined => {
    if (!(err instanceof LiveError) || err.code === 'LIVE_NOT_FOUND') return undefined;
    return Object.keys(err.fields).length ? { ...err.fields } : { headline: err.message };
  };

  app.post('/articles/:id/live/start', EDIT_ARTICLE, async (request, reply) => {
    const { id } = mayRun(request);
    app.pageCache.purge((await startLive(db, id, who(request), c.now())).purge);
    return reply.redirect(back(id), 303);
  });

  app.post('/articles/:id/live/end', EDIT_ARTICLE, async (request, reply) => {
    const { id } = mayRun(request);
    app.pageCache.purge((await endLive(db, id, who(request), c.now())).purge);
    return reply.redirect(back(id), 303);
  });

  app.post('/articles/:id/live/entries', EDIT_ARTICLE, async (request, reply) => {
    const { id, post, user } = mayRun(request);
    const entry = readEntry(request.body);
    const form = (errors: Record<string, string>): LiveEntryFieldsVM => ({
      action: `${base(id)}/live/entries`,
      values: entry.values,
      errors,
      canUpload: can(user.role, 'media.upload'),
      submit: 'Publish the entry',
    });
    if (!entry.input) return entryPage(request, reply, { id, title: post.title, form: form(entry.errors) }, 400);
    try {
      const saved = await addEntry(db, id, entry.input, who(request), c.now());
      app.pageCache.purge(saved.purge);
      return reply.redirect(back(id, `entry-${saved.id}`), 303);
    } catch (err) {
      const fields = refusal(err);
      if (!fields) throw err;
      return entryPage(request, reply, { id, title: post.title, form: form(fields) }, err instanceof LiveError && err.code === 'LIVE_INVALID' ? 400 : 409);
    }
  });

  app.get('/articles/:id/live/entries/:eid', EDIT_ARTICLE, async (request, reply) => {
    const { id, post, user } = mayRun(request);
    const row = await entryForEditing(db, id, entryId(request));
    const doc = JSON.parse(row.body_doc) as ArticleDocument;
    return entryPage(
      request,
      reply,
      {
        id,
        title: post.title,
        form: {
          action: `${base(id)}/live/entries/${row.id}`,
          values: { headline: row.headline, body_text: documentToText(doc), body_json: row.body_doc, pinned: row.pinned === 1 },
          errors: {},
          canUpload: can(user.role, 'media.upload'),
          submit: 'Save the entry',
        },
      },
      200,
    );
  });

  app.post('/articles/:id/live/entries/:eid', EDIT_ARTICLE, async (request, reply) => {
    const { id, post, user } = mayRun(request);
    const eid = entryId(request);
    const entry = readEntry(request.body);
    const form = (errors: Record<string, string>): LiveEntryFieldsVM => ({
      action: `${base(id)}/live/entries/${eid}`,
      values: entry.values,
      errors,
      canUpload: can(user.role, 'media.upload'),
      submit: 'Save the entry',
    });
    if (!entry.input) return entryPage(request, reply, { id, title: post.title, form: form(entry.errors) }, 400);
    try {
      app.pageCache.purge((await editEntry(db, id, eid, entry.input, who(request), c.now())).purge);
    } catch (err) {
      const fields = refusal(err);
      if (!fields) throw err;
      return entryPage(request, reply, { id, title: post.title, form: form(fields) }, 400);
    }
    return reply.redirect(back(id, `entry-${eid}`), 303);
  });

  app.post('/articles/:id/live/entries/:eid/pin', EDIT_ARTICLE, async (request, reply) => {
    const { id } = mayRun(request);
    const row = await entryForEditing(db, id, entryId(request));
    const input = { headline: row.headline, body: JSON.parse(row.body_doc) as ArticleDocument, pinned: row.pinned !== 1 };
    app.pageCache.purge((await editEntry(db, id, row.id, input, who(request), c.now())).purge);
    return reply.redirect(back(id, `entry-${row.id}`), 303);
  });

  app.post('/articles/:id/live/entries/:eid/delete', EDIT_ARTICLE, async (request, reply) => {
    const { id } = mayRun(request);
    app.pageCache.purge((await deleteEntry(db, id, entryId(request), who(request), c.now())).purge);
    return reply.redirect(back(id), 303);
  });
}
