/**
 * @module modules/audit/audit.repository
 * Writes and pages through audit_log. `db` may be a transaction.
 */
import type { Kysely } from 'kysely';
import type { AuditRow, Database } from '../../db/schema.js';
import type { AuditEntry } from './audit.js';

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export async function recordAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor_id: e.actorId,
      actor_label: clip(e.actorLabel, 300),
      action: e.action,
      target_type: e.target?.type ?? null,
      target_id: e.target?.id ?? null,
      target_label: clip(e.target?.label ?? '', 300),
      detail: clip(e.detail ?? '', 500),
      ip: clip(e.ip ?? '', 64),
    })
    .execute();
}

export interface AuditPage {
  rows: AuditRow[];
  page: number;
  totalPages: number;
  total: number;
}

/** Newest first; `page` from 1. Returns undefined for a page past the end (page 1 always exists). */
export async function listAudit(db: Kysely<Database>, page: number, perPage = 50): Promise<AuditPage | undefined> {
  const { n } = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(n);
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  if (page > totalPages) return undefined;
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return { rows, page, totalPages, total };
}
