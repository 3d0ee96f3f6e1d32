/**
 * @module web/site/views/error
 * 404 and 400 pages: what went wrong, a way home and a way to search.
 */
import type { ErrorVM } from '../view-models.js';
import { SearchForm } from './components.js';
import { renderDocument } from './layout.js';

function ErrorPage({ vm }: { vm: ErrorVM }) {
  const { t } = vm.layout;
  return (
    <div class="wrap error" data-error-code={vm.code}>
      <p class="error__status">{vm.status}</p>
      <h1 class="error__heading">{vm.heading}</h1>
      <p class="error__message">{vm.message}</p>
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
