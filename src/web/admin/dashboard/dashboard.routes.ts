/**
 * @module web/admin/dashboard/dashboard.routes
 * GET /admin: the dashboard (the signed-in user's drafts, what awaits review, comments to moderate).
 */
import type { FastifyInstance } from 'fastify';
import { can } from '../../../modules/user/permissions.js';
import { sendHtml } from '../../html.js';
import { signedIn } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { dashboardVM } from './dashboard.presenter.js';
import { loadDashboard } from './dashboard.data.js';
import { renderDashboard } from './dashboard.view.js';

export async function dashboardRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  // GET /admin
  app.get('/', { config: { access: 'admin.access' } }, async (request, reply) => {
    const { user } = signedIn(request);
    const csrf = csrfFor(reply);
    const data = await loadDashboard(c.db, { userId: user.id, all: can(user.role, 'post.edit.any'), comments: can(user.role, 'comments.moderate') });
    return sendHtml(reply, renderDashboard(dashboardVM(pageLayout(c, request, csrf, 'Dashboard'), csrf, user, data)));
  });
}
