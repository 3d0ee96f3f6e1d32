/**
 * @module web/admin/shell/layout
 * The admin document shell: header with the signed-in user and the log-out button, navigation,
 * the page heading and notice, and the footer. No inline scripts or styles (strict CSP).
 */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AdminLayoutVM } from './view-models.js';
import { CsrfField } from './components.js';

function Header({ layout }: { layout: AdminLayoutVM }) {
  return (
    <header class="admin-header">
      <div class="admin-header__inner">
        <p class="admin-brand">
          <a href="/admin">{layout.siteName}</a> <span class="admin-brand__sub">Newsroom</span>
        </p>
        {layout.user && (
          <div class="admin-user">
            <p class="admin-user__who">
              <a href="/admin/account">
                {layout.user.name}
                <span class="visually-hidden"> (your profile)</span>
              </a>{' '}
              <span class="badge">{layout.user.roleLabel}</span>
            </p>
            <form class="admin-user__logout" method="post" action="/admin/logout">
              <CsrfField token={layout.csrf} />
              <button class="button button--quiet" type="submit">
                Log out
              </button>
            </form>
          </div>
        )}
      </div>
      {layout.nav.length > 0 && (
        <nav class="admin-nav" aria-label="Admin">
          <ul class="admin-nav__list">
            {layout.nav.map((item) => (
              <li>
                <a href={item.url} aria-current={item.current ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

interface AdminPageProps {
  layout: AdminLayoutVM;
  /** Narrow single-column pages (login, setup). */
  narrow?: boolean;
  children: ComponentChildren;
}

function AdminPage({ layout, narrow = false, children }: AdminPageProps) {
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${layout.title} – ${layout.siteName} newsroom`}</title>
        <meta name="robots" content="noindex, nofollow" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={layout.stylesheet} />
        {layout.extraStylesheets.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
      </head>
      <body class="admin">
        <a class="skip" href="#main">
          Skip to content
        </a>
        <Header layout={layout} />
        <main id="main" class={`admin-main${narrow ? ' admin-main--narrow' : ''}`}>
          <h1 class="admin-title">{layout.title}</h1>
          {layout.notice !== undefined && (
            <p class="notice" role="status">
              {layout.notice}
            </p>
          )}
          {children}
        </main>
        <footer class="admin-footer">
          <a href="/">View the site</a>
        </footer>
      </body>
    </html>
  );
}

/** Renders a complete admin HTML document. */
export function renderAdminDocument(props: AdminPageProps): string {
  return `<!doctype html>${renderToString(<AdminPage {...props} />)}`;
}
