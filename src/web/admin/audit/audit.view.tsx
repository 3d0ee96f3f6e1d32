/**
 * @module web/admin/audit/audit.view
 * /admin/audit (owners): who did what, when and from where, newest first, paginated.
 */
import type { AuditVM } from './audit.view-models.js';
import { Pagination, Time } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';

function Audit({ vm }: { vm: AuditVM }) {
  if (vm.entries.length === 0) return <p>Nothing has been logged yet.</p>;
  return (
    <>
      <div class="table-wrap">
        <table class="table">
          <caption>
            {vm.total} {vm.total === 1 ? 'entry' : 'entries'}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Whom</th>
              <th scope="col">Details</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {vm.entries.map((e) => (
              <tr>
                <td>
                  <Time date={e.at} />
                </td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>{e.target}</td>
                <td>{e.detail}</td>
                <td>{e.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={vm.page} totalPages={vm.totalPages} prevUrl={vm.prevUrl} nextUrl={vm.nextUrl} label="Audit log pages" />
    </>
  );
}

export const renderAudit = (vm: AuditVM): string => renderAdminDocument({ layout: vm.layout, children: <Audit vm={vm} /> });
