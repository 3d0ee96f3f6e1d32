/**
 * @module web/admin/users/users.routes
 * /admin/users (owners only): list, add, change role, disable/re-enable, end sessions.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listUsers } from '../../../modules/user/user.repository.js';
import { changeRole, createUser, endUserSessions, setUserStatus } from '../../../modules/user/user.service.js';
import { UserError, type FieldErrors } from '../../../modules/user/user.js';
import { actorOf, signedIn } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { sendHtml } from '../../html.js';
import { echo, fieldsOf, pathId } from '../shell/forms.js';
import { noticeFor, type NoticeKey } from '../shell/presenters.js';
import { usersVM } from './users.presenter.js';
import { renderUsers } from './users.view.js';

const userId = (request: FastifyRequest): number => pathId(request, 'user');

export async function usersRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const page = async (request: FastifyRequest, reply: FastifyReply, create: { values: Record<string, string>; errors: FieldErrors }, status = 200) => {
    const me = signedIn(request).user;
    const csrf = csrfFor(reply);
    const rows = await listUsers(c.db, c.now().toISOString());
    const layout = pageLayout(c, request, csrf, 'Users', noticeFor((request.query as Record<string, unknown>).notice));
    return sendHtml(reply, renderUsers(usersVM(layout, csrf, me, rows, { values: create.values, errors: create.errors as Record<string, string> })), status);
  };

  // GET /admin/users
  app.get('/users', { config: { access: 'users.manage' } }, async (request, reply) => page(request, reply, { values: {}, errors: {} }));

  // POST /admin/users: add a user with a role and a first password.
  app.post('/users', { config: { access: 'users.manage' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    try {
      await createUser(c.db, { name: f.name, email: f.email, role: f.role, password: f.password }, actorOf(request), c.auth());
    } catch (err) {
      if (!(err instanceof UserError) || (err.code !== 'USER_INVALID' && err.code !== 'USER_EMAIL_TAKEN')) throw err;
      const values = { name: echo(f.name), email: echo(f.email), role: echo(f.role) };
      return page(request, reply, { values, errors: err.fields }, err.code === 'USER_EMAIL_TAKEN' ? 409 : 400);
    }
    return reply.redirect('/admin/users?notice=user-created', 303);
  });

  const action = (path: string, run: (request: FastifyRequest, id: number) => Promise<unknown>, notice: NoticeKey) => {
    app.post(path, { config: { access: 'users.manage' } }, async (request, reply) => {
      const id = userId(request);
      await run(request, id);
      return reply.redirect(`/admin/users?notice=${notice}`, 303);
    });
  };

  // POST /admin/users/:id/role  (role=editor…)
  action('/users/:id/role', (request, id) => changeRole(c.db, actorOf(request), id, fieldsOf(request.body).role, c.auth()), 'role-changed');
  // POST /admin/users/:id/disable: also ends their sessions.
  action('/users/:id/disable', (request, id) => setUserStatus(c.db, actorOf(request), id, 'disabled', c.auth()), 'user-disabled');
  // POST /admin/users/:id/enable
  action('/users/:id/enable', (request, id) => setUserStatus(c.db, actorOf(request), id, 'active', c.auth()), 'user-enabled');
  // POST /admin/users/:id/sessions/end
  action('/users/:id/sessions/end', (request, id) => endUserSessions(c.db, actorOf(request), id, c.auth()), 'sessions-ended');
}
