/**
 * @module web/site/views/error
 * Error pages: what went wrong, a way home and a way to search (404, 400…, in the site's frame),
 * and the bare page for when the frame itself cannot be built because the database is away (the
 * masthead's name, the status, the message; nothing but the stylesheet).
 */
import { renderToString } from 'preact-render-to-string';
import type { ErrorVM } from '../view-models.js';
import { SearchForm } from './components.js';
import { renderDocument } from './layout.js';

/** The status, the heading and the message: the part every error page shows. */
function ErrorBlock({ status, heading, message }: { status: number; heading: string; message: string }) {
  return (
    <>
      <p class="error__status">{status}</p>
      <h1 class="error__heading">{heading}</h1>
      <p class="error__message">{message}</p>
    </>
  );
}

function ErrorPage({ vm }: { vm: ErrorVM }) {
  const { t } = vm.layout;
  return (
    <div class="wrap error" data-error-code={vm.code}>
      <ErrorBlock status={vm.status} heading={vm.heading} message={vm.message} />
      <p class="error__home">
        <a href="/">{t.home}</a>
      </p>
      <SearchForm t={t} id="error-search" label={t.searchLabel} class="search--page" />
    </div>
  );
}

/** An error page (404, 400…); the route sets the status code. */
export function renderError(vm: ErrorVM): string {
  return renderDocument({ layout: vm.layout, class: 'page--error', children: <ErrorPage vm={vm} /> });
}

/** The error page that needs no database: e.g. 503 while PostgreSQL restarts. */
export function renderBareError(o: { siteName: string; status: number; message: string }): string {
  const heading = o.status === 503 ? 'Back in a moment' : 'Something went wrong';
  return `<!doctype html>${renderToString(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${heading} · ${o.siteName}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <header class="masthead">
          <div class="masthead__top wrap">
            <p class="masthead__title">
              <a href="/" rel="home">
                {o.siteName}
              </a>
            </p>
          </div>
        </header>
        <main id="main" class="main page--error">
          <div class="wrap error">
            <ErrorBlock status={o.status} heading={heading} message={o.message} />
          </div>
        </main>
      </body>
    </html>,
  )}`;
}
