/**
 * @module web/admin/users/users.view
 * /admin/users (owners): every account with its role, status and sessions, the per-user actions
 * (change role, disable or re-enable, end sessions) and the form to add a user.
 */
import type { UserItemVM, UsersVM } from './users.view-models.js';
import { CsrfField, ErrorSummary, SelectField, TextField, Time } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';

function UserRow({ u, vm }: { u: UserItemVM; vm: UsersVM }) {
  const base = `/admin/users/${u.id}`;
  return (
    <tr class={u.status === 'disabled' ? 'is-disabled' : undefined}>
      <th scope="row">
        {u.name}
        {u.isSelf && <span class="badge badge--muted">You</span>}
        <br />
        <span class="muted">{u.email}</span>
      </th>
      <td>
        {u.isSelf ? (
          u.roleLabel
        ) : (
          <form class="inline-form" method="post" action={`${base}/role`}>
            <CsrfField token={vm.csrf} />
            <label class="visually-hidden" for={`role-${u.id}`}>
              Role of {u.name}
            </label>
            <select id={`role-${u.id}`} name="role">
              {vm.roles.map((r) => (
                <option value={r.value} selected={r.value === u.role}>
                  {r.label}
                </option>
              ))}
            </select>
            <button class="button button--small" type="submit">
              Change<span class="visually-hidden"> role of {u.name}</span>
            </button>
          </form>
        )}
      </td>
      <td>{u.status === 'active' ? 'Active' : 'Disabled'}</td>
      <td>{u.lastLogin ? <Time date={u.lastLogin} /> : 'Never'}</td>
      <td>
        {u.sessions}
        {u.sessions > 0 && (
          <form class="inline-form" method="post" action={`${base}/sessions/end`}>
            <CsrfField token={vm.csrf} />
            <button class="button button--small button--secondary" type="submit">
              End sessions<span class="visually-hidden"> of {u.name}</span>
            </button>
          </form>
        )}
      </td>
      <td>
        {!u.isSelf && (
          <form class="inline-form" method="post" action={`${base}/${u.status === 'active' ? 'disable' : 'enable'}`}>
            <CsrfField token={vm.csrf} />
            <button class={`button button--small${u.status === 'active' ? ' button--danger' : ''}`} type="submit">
              {u.status === 'active' ? 'Disable' : 'Re-enable'}
              <span class="visually-hidden"> {u.name}</span>
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

function Users({ vm }: { vm: UsersVM }) {
  const { errors, values } = vm.create;
  return (
    <>
      <div class="table-wrap">
        <table class="table">
          <caption>
            {vm.users.length} {vm.users.length === 1 ? 'account' : 'accounts'}
          </caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last login</th>
              <th scope="col">Sessions</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {vm.users.map((u) => (
              <UserRow u={u} vm={vm} />
            ))}
          </tbody>
        </table>
      </div>
      <section class="panel" aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Add a user</h2>
        <p>Give them their email address and this first password; they can log in at once.</p>
        <ErrorSummary errors={errors} fields={{ name: 'new-name', email: 'new-email', role: 'new-role', password: 'new-password' }} />
        <form class="form" method="post" action="/admin/users" novalidate>
          <CsrfField token={vm.csrf} />
          <TextField id="new-name" name="name" label="Name" autocomplete="off" value={values.name ?? ''} error={errors.name} maxLength={100} />
          <TextField
            id="new-email"
            name="email"
            label="Email address"
            type="email"
            autocomplete="off"
            value={values.email ?? ''}
            error={errors.email}
            maxLength={254}
          />
          <SelectField
            id="new-role"
            name="role"
            label="Role"
            options={vm.roles}
            value={values.role ?? 'contributor'}
            error={errors.role}
            hint={vm.roles.map((r) => `${r.label}: ${r.description}`).join(' ')}
          />
          <TextField
            id="new-password"
            name="password"
            label="First password"
            type="password"
            autocomplete="new-password"
            hint="At least 10 characters."
            error={errors.password}
            minLength={10}
          />
          <button class="button" type="submit">
            Add user
          </button>
        </form>
      </section>
    </>
  );
}

export const renderUsers = (vm: UsersVM): string => renderAdminDocument({ layout: vm.layout, children: <Users vm={vm} /> });
