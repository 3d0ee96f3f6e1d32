/**
 * @module web/admin/dashboard/dashboard.view
 * /admin: what the newsroom needs at a glance. Quick actions; drafts (mine, and everyone's for
 * editors), pending review, scheduled with their times, recently published, each a short list
 * with a link to the full filtered list; recent comments with the moderation count; and who is
 * signed in with the session controls.
 */
import type { DashboardListVM, DashboardVM } from './dashboard.view-models.js';
import { CsrfField, Time } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';

function List({ list }: { list: DashboardListVM }) {
  const heading = `dash-${list.id}-heading`;
  return (
    <section class="panel" id={`dash-${list.id}`} aria-labelledby={heading}>
      <h2 id={heading}>
        {list.title} <span class="dash-count">({list.count})</span>
      </h2>
      {list.items.length === 0 ? (
        <p class="muted">{list.empty}</p>
      ) : (
        <ul class="dash-list">
          {list.items.map((i) => (
            <li>
              <a href={i.url} dir="auto">
                {i.title}
              </a>
              <br />
              <span class="muted">
                {i.when.label} <Time date={i.when.date} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.count > 0 && (
        <p>
          <a href={list.more.url}>
            {list.more.label}
            <span class="visually-hidden"> ({list.title})</span>
          </a>
        </p>
      )}
    </section>
  );
}

function Dashboard({ vm }: { vm: DashboardVM }) {
  const { user } = vm;
  return (
    <>
      <ul class="quick-actions" aria-label="Quick actions">
        {vm.actions.map((a) => (
          <li>
            <a class={`button${a.primary ? '' : ' button--secondary'}`} href={a.url}>
              {a.label}
            </a>
          </li>
        ))}
      </ul>
      <div class="dash-grid">
        {vm.lists.map((l) => (
          <List list={l} />
        ))}
        {vm.comments && (
          <section class="panel" id="dash-comments" aria-labelledby="dash-comments-heading">
            <h2 id="dash-comments-heading">Recent comments</h2>
            <p>
              <a href={vm.comments.url}>{vm.comments.pending} pending moderation</a>
            </p>
            {vm.comments.items.length === 0 ? (
              <p class="muted">No comments yet.</p>
            ) : (
              <ul class="dash-list">
                {vm.comments.items.map((c) => (
                  <li>
                    <strong>{c.author}</strong> on <a href={c.url}>{c.postTitle}</a>
                    {c.pending && (
                      <>
                        {' '}
                        <span class="badge badge--muted">Pending</span>
                      </>
                    )}
                    <br />
                    {c.excerpt}
                    <br />
                    <span class="muted">
                      <Time date={c.date} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
      <section class="panel" aria-labelledby="you-heading">
        <h2 id="you-heading">Signed in</h2>
        <dl class="facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>
            <span class="badge">{user.roleLabel}</span> {user.roleDescription} {user.roleHint}
          </dd>
          {user.lastLogin && (
            <>
              <dt>This login</dt>
              <dd>
                <Time date={user.lastLogin} />
              </dd>
            </>
          )}
        </dl>
        <details class="abilities">
          <summary>What your role allows</summary>
          <ul>
            {vm.abilities.map((a) => (
              <li>{a}</li>
            ))}
          </ul>
        </details>
        <form class="inline-form" method="post" action="/admin/logout-everywhere">
          <CsrfField token={vm.csrf} />
          <button class="button button--secondary" type="submit">
            Log out everywhere
          </button>
          <span class="inline-form__hint">Ends your sessions on every device, including this one.</span>
        </form>
      </section>
    </>
  );
}

export const renderDashboard = (vm: DashboardVM): string => renderAdminDocument({ layout: vm.layout, children: <Dashboard vm={vm} /> });
