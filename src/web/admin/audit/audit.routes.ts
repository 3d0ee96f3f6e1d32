/**
 * @module web/admin/audit/audit.routes
 * /admin/audit (owners only): the audit log, newest first, 50 a page.
 */
import type { FastifyInstance } from 'fastify';
import { listAudit } from '../../../modules/audit/audit.repository.js';
import { badRequest, notFound } from '../../errors.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { sendHtml } from '../../html.js';
import { auditVM } from './audit.presenter.js';
import { renderAudit } from './audit.view.js';
import { pageOf } from '../../../lib/ids.js';

export async function auditRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  // GET /admin/audit[?page=N]
  app.get('/audit', { config: { access: 'audit.view' } }, async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).page;
    const n = raw === undefined ? 1 : pageOf(raw);
    if (n === undefined) throw badRequest('The page parameter must be a whole number from 1.');
    const page = await listAudit(c.db, n);
    if (!page) throw notFound('There is no such page of the audit log.');
    const csrf = csrfFor(reply);
    const title = page.page > 1 ? `Audit log – page ${page.page}` : 'Audit log';
    return sendHtml(reply, renderAudit(auditVM(pageLayout(c, request, csrf, title), page)));
  });
}
