/**
 * @module web/admin/users/users.presenter
 * The users screen's view-model from the user list. No I/O.
 */
import type { UserListRow } from '../../../modules/user/user.repository.js';
import { ROLE_LABELS } from '../../../modules/user/permissions.js';
import type { User } from '../../../modules/user/user.js';
import { dateVM, roleOptions } from '../shell/presenters.js';
import type { AdminLayoutVM, FormVM } from '../shell/view-models.js';
import type { UsersVM } from './users.view-models.js';

export function usersVM(layout: AdminLayoutVM, csrf: string, me: User, rows: UserListRow[], create: FormVM): UsersVM {
  return {
    layout,
    csrf,
    users: rows.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role],
      status: u.status,
      sessions: u.sessions,
      ...(u.last_login_at ? { lastLogin: dateVM(u.last_login_at, layout.timeZone) } : {}),
      isSelf: u.id === me.id,
    })),
    roles: roleOptions(),
    create,
  };
}
