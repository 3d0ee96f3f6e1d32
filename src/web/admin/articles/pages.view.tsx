/**
 * @module web/admin/articles/pages.view
 * /admin/pages: every static page, parents before their children (indented), with its public path,
 * parent, order and status. The edit form is the article form (articles.view) in its page kind.
 */
import type { PagesVM } from './articles.view-models.js';
import { renderAdminDocument } from '../shell/layout.js';
import { Time } from '../shell/components.js';

function Pages({ vm }: { vm: PagesVM }) {
  return (
    <>
      <p>
        <a class="button" href="/admin/pages/new">
          New page
        </a>
      </p>
      <form class="filters" method="get" action="/admin/pages" role="search" aria-label="Filter pages">
        <div class="field field--inline">
          <label class="field__label" for="filter-status">
            Status
          </label>
          <select class="field__select" id="filter-status" name="status">
            {vm.statusOptions.map((o) => (
              <option value={o.value} selected={o.value === vm.status}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button class="button button--secondary" type="submit">
          Filter
        </button>
      </form>
      {vm.rows.length === 0 ? (
        <p>No pages yet. About, Contact, a corrections policy: start with “New page”.</p>
      ) : (
        <div class="table-wrap">
          <table class="table pages-table">
            <caption>
              {vm.rows.length} {vm.rows.length === 1 ? 'page' : 'pages'}, each under its parent
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Address</th>
                <th scope="col">Status</th>
                <th scope="col">Parent</th>
                <th scope="col">Order</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {vm.rows.map((r) => (
                <tr>
                  <th scope="row" class={`pages-table__title pages-table__title--depth-${Math.min(r.depth, 3)}`}>
                    {r.depth > 0 && <span aria-hidden="true">{'— '.repeat(r.depth)}</span>}
                    <a href={r.editUrl} dir="auto">
                      {r.title}
                    </a>
                    <br />
                    {r.publicUrl ? (
                      <a class="muted" href={r.publicUrl}>
                        View<span class="visually-hidden"> {r.title}</span>
                      </a>
                    ) : (
                      r.previewUrl && (
                        <a class="muted" href={r.previewUrl}>
                          Preview<span class="visually-hidden"> {r.title}</span>
                        </a>
                      )
                    )}{' '}
                    ·{' '}
                    <a class="muted" href={r.addChildUrl}>
                      Add a page under it<span class="visually-hidden"> ({r.title})</span>
                    </a>
                  </th>
                  <td>
                    <code>{r.path}</code>
                  </td>
                  <td>
                    <span class={`badge status status--${r.status}`}>{r.statusLabel}</span>
                  </td>
                  <td dir="auto">{r.parent}</td>
                  <td>{r.order}</td>
                  <td>
                    <Time date={r.updated} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const renderPages = (vm: PagesVM): string => renderAdminDocument({ layout: vm.layout, children: <Pages vm={vm} /> });
