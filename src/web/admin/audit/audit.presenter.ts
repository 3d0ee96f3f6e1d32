/**
 * @module web/admin/audit/audit.presenter
 * The audit log screen's view-model from a page of audit rows. No I/O.
 */
import type { AuditRow } from '../../../db/schema.js';
import { AUDIT_LABELS, type AuditAction } from '../../../modules/audit/audit.js';
import type { AuditPage } from '../../../modules/audit/audit.repository.js';
import { dateVM } from '../shell/presenters.js';
import type { AdminLayoutVM } from '../shell/view-models.js';
import type { AuditVM } from './audit.view-models.js';

const actionLabel = (action: string): string => (Object.hasOwn(AUDIT_LABELS, action) ? AUDIT_LABELS[action as AuditAction] : action);

export function auditVM(layout: AdminLayoutVM, page: AuditPage): AuditVM {
  return {
    layout,
    entries: page.rows.map((r: AuditRow) => ({
      at: dateVM(r.at, layout.timeZone),
      actor: r.actor_label || '—',
      action: actionLabel(r.action),
      target: r.target_label,
      detail: r.detail,
      ip: r.ip,
    })),
    page: page.page,
    totalPages: page.totalPages,
    total: page.total,
    ...(page.page > 1 ? { prevUrl: page.page === 2 ? '/admin/audit' : `/admin/audit?page=${page.page - 1}` } : {}),
    ...(page.page < page.totalPages ? { nextUrl: `/admin/audit?page=${page.page + 1}` } : {}),
  };
}
