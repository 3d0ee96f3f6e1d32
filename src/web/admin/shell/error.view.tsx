/**
 * @module web/admin/shell/error.view
 * 400/403/404/429/500 inside the admin layout.
 */
import type { AdminErrorVM } from './view-models.js';
import { renderAdminDocument } from './layout.js';

function AdminError({ vm }: { vm: AdminErrorVM }) {
  return (
    <div class="panel error-page" data-error-code={vm.code}>
      <p class="error-page__status">Error {vm.status}</p>
      <p class="error-page__message">{vm.message}</p>
      <ul class="error-page__links">
        {vm.links.map((l) => (
          <li>
            <a href={l.url}>{l.label}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const renderAdminError = (vm: AdminErrorVM): string => renderAdminDocument({ layout: vm.layout, narrow: true, children: <AdminError vm={vm} /> });
