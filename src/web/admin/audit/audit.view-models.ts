/**
 * @module web/admin/audit/audit.view-models
 * What the audit log screen renders.
 */
import type { AdminLayoutVM } from '../shell/view-models.js';

export interface AuditItemVM {
  at: { iso: string; label: string };
  actor: string;
  action: string;
  target: string;
  detail: string;
  ip: string;
}

export interface AuditVM {
  layout: AdminLayoutVM;
  entries: AuditItemVM[];
  page: number;
  totalPages: number;
  total: number;
  prevUrl?: string;
  nextUrl?: string;
}
