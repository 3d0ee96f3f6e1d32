/**
 * @module web/admin/articles/editorial/autosave.routes
 * The editor's autosave endpoint (browser side: editor/autosave.ts) and dismissing an autosave.
 * An autosave never changes the article, whatever its status: it is kept as the user's one
 * autosave revision, offered back when they reopen the article. Same role and CSRF checks as a
 * save; a stale `updated_at` is a 409, as for a save.
 */
import type { FastifyInstance } from 'fastify';
import type { ArticleDocument } from '../../../../modules/article/document.js';
import { discardAutosave } from '../../../../modules/article/editorial.service.js';
import { recordAutosave } from '../../../../modules/revision/revision.service.js';
import { DocumentError, parseDocumentJson } from '../../../../modules/article/document-input.js';
import { documentFromText } from '../../../../modules/article/document-text.js';
import { EDIT_ARTICLE, editableOf } from '../editable.js';
import type { AdminContext } from '../../shell/context.js';

export async function autosaveRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const db = c.db;

  // POST /admin/articles/:id/autosave (JSON { title, excerpt, body_json, updated_at }; CSRF token
  // in the csrf-token header). Keeps the user's unsaved content as an autosave revision; the
  // article itself never changes here, whatever its status. 409 when someone saved meanwhile.
  app.post('/articles/:id/autosave', EDIT_ARTICLE, async (request, reply) => {
    const fail = (code: number, err: string, message: string) => reply.code(code).send({ error: { code: err, message } });
    const e = editableOf(request);
    if ((e.post.status === 'published' || e.post.status === 'scheduled') && !e.mayPublish)
      return fail(403, 'FORBIDDEN', 'Your role does not allow you to change this article.');
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'BAD_REQUEST', 'Send the autosave as a JSON object.');
    const f = body as Record<string, unknown>;
    const str = (k: string, max: number): string | undefined => (typeof f[k] === 'string' && (f[k] as string).length <= max ? (f[k] as string) : undefined);
    const title = str('title', 500);
    const excerpt = str('excerpt', 2000);
    const bodyJson = str('body_json', 1_000_000);
    const updatedAt = str('updated_at', 40);
    if (title === undefined || excerpt === undefined || bodyJson === undefined || updatedAt === undefined) {
      return fail(400, 'BAD_REQUEST', 'The autosave needs title, excerpt, body_json and updated_at as strings within their length limits.');
    }
    const bodyText = str('body_text', 500_000) ?? '';
    let doc: ArticleDocument;
    try {
      // The rich editor sends its document; without it, the plain textarea's paragraphs.
      doc = bodyJson ? parseDocumentJson(bodyJson) : documentFromText(bodyText);
    } catch (err) {
      if (!(err instanceof DocumentError)) throw err;
      return fail(400, 'BAD_REQUEST', err.message);
    }
    if (updatedAt !== e.post.updated_at) {
      return fail(
        409,
        'ARTICLE_CONFLICT',
        'Someone else saved this article after you opened it. Your changes are not saved: copy what you need, then reload the article.',
      );
    }
    const now = c.now();
    await recordAutosave(db, e.id, { id: e.user.id, label: e.user.name }, { title, excerpt, body: doc }, now);
    return reply.send({ ok: true, savedAt: now.toISOString() });
  });

  // POST /admin/articles/:id/autosave/dismiss: forget the user's autosave.
  app.post('/articles/:id/autosave/dismiss', EDIT_ARTICLE, async (request, reply) => {
    const { id, user } = editableOf(request);
    await discardAutosave(db, id, user.id);
    return reply.redirect(`/admin/articles/${id}`, 303);
  });
}
