/**
 * @module web/admin/views/dashboard
 * /admin: who is signed in and what they may do, the sections of the newsroom (those not built
 * yet say what is coming), and the session controls.
 */
import type { DashboardVM } from '../view-models.js';
import { CsrfField, Time } from './components.js';
import { renderAdminDocument } from './layout.js';

function Dashboard({ vm }: { vm: DashboardVM }) {
  const { user } = vm;
  return (
    <>
      <section class="panel" aria-labelledby="you-heading">
        <h2 id="you-heading">Signed in</h2>
        <dl class="facts">
          <dt>Name</dt><dd>{user.name}</dd>
          <dt>Email</dt><dd>{user.email}</dd>
          <dt>Role</dt><dd><span class="badge">{user.roleLabel}</span> {user.roleDescription}</dd>
          {user.lastLogin && <><dt>This login</dt><dd><Time date={user.lastLogin} /></dd></>}
        </dl>
        <details class="abilities">
          <summary>What your role allows</summary>
          <ul>{vm.abilities.map((a) => <li>{a}</li>)}</ul>
        </details>
        <form class="inline-form" method="post" action="/admin/logout-everywhere">
          <CsrfField token={vm.csrf} />
          <button class="button button--secondary" type="submit">Log out everywhere</button>
          <span class="inline-form__hint">Ends your sessions on every device, including this one.</span>
        </form>
      </section>
      <div class="sections">
        {vm.sections.map((s) => (
          <section class={`panel section section--${s.status}`} id={`section-${s.id}`} aria-labelledby={`section-${s.id}-heading`}>
            <h2 id={`section-${s.id}-heading`}>
              {s.title}
              {s.status === 'coming' && <span class="badge badge--muted">Coming</span>}
            </h2>
            <p>{s.description}</p>
            {s.links.length > 0 && (
              <ul class="section__links">{s.links.map((l) => <li><a href={l.url}>{l.label}</a></li>)}</ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}

export const renderDashboard = (vm: DashboardVM): string => renderAdminDocument({ layout: vm.layout, children: <Dashboard vm={vm} /> });
