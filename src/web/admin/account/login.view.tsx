/**
 * @module web/admin/account/login.view
 * The login page and the one-time setup page that creates the first owner.
 */
import type { LoginVM, SetupVM } from './account.view-models.js';
import { CsrfField, ErrorSummary, TextField } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';

function Login({ vm }: { vm: LoginVM }) {
  const { errors, values } = vm.form;
  return (
    <>
      {vm.setupOpen && (
        <p class="notice">
          No account exists yet. <a href="/admin/setup">Create the first owner account</a>.
        </p>
      )}
      <ErrorSummary errors={errors} fields={{ email: 'email', password: 'password' }} {...(vm.problem !== undefined ? { extra: vm.problem } : {})} />
      <form class="form" method="post" action="/admin/login" novalidate>
        <CsrfField token={vm.csrf} />
        {vm.next !== undefined && <input type="hidden" name="next" value={vm.next} />}
        <TextField
          id="email"
          name="email"
          label="Email address"
          type="email"
          autocomplete="username"
          value={values.email ?? ''}
          error={errors.email}
          maxLength={254}
        />
        <TextField id="password" name="password" label="Password" type="password" autocomplete="current-password" error={errors.password} />
        <button class="button" type="submit">
          Log in
        </button>
      </form>
      <p class="form__aside">
        Forgotten your password? Ask an owner, or run <code>broadsheet user reset-password --email you@example.com</code> on the server.
      </p>
    </>
  );
}

export const renderLogin = (vm: LoginVM): string => renderAdminDocument({ layout: vm.layout, narrow: true, children: <Login vm={vm} /> });

function Setup({ vm }: { vm: SetupVM }) {
  const { errors, values } = vm.form;
  return (
    <>
      <p>Create the owner account. The owner can do everything, including adding the rest of the newsroom. This page works only once.</p>
      <ErrorSummary
        errors={errors}
        fields={{ name: 'name', email: 'email', password: 'password', confirm: 'confirm' }}
        {...(errors.form !== undefined ? { extra: errors.form } : {})}
      />
      <form class="form" method="post" action="/admin/setup" novalidate>
        <CsrfField token={vm.csrf} />
        <TextField id="name" name="name" label="Your name" autocomplete="name" value={values.name ?? ''} error={errors.name} maxLength={100} />
        <TextField
          id="email"
          name="email"
          label="Email address"
          type="email"
          autocomplete="username"
          value={values.email ?? ''}
          error={errors.email}
          maxLength={254}
        />
        <TextField
          id="password"
          name="password"
          label="Password"
          type="password"
          autocomplete="new-password"
          hint="At least 10 characters. A few unrelated words make a strong one."
          error={errors.password}
          minLength={10}
        />
        <TextField id="confirm" name="confirm" label="Password again" type="password" autocomplete="new-password" error={errors.confirm} />
        <button class="button" type="submit">
          Create owner account
        </button>
      </form>
    </>
  );
}

export const renderSetup = (vm: SetupVM): string => renderAdminDocument({ layout: vm.layout, narrow: true, children: <Setup vm={vm} /> });
