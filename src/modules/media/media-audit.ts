/**
 * @module modules/media/media-audit
 * Library changes with their audit entries: edits and deletions in one transaction with the
 * entry; an upload's entry follows the stored row (its files are written before the row).
 */
import type { Db } from '../../db/database.js';
import type { MediaRow } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { AuditAction } from '../audit/audit.js';
import type { Actor } from '../user/user.js';
import { deleteMediaRow, updateMediaFocus, updateMediaTexts } from './media.repository.js';
import type { FocalPoint } from './media.js';

const labelOf = (path: string): string => path.split('/').pop() ?? path;

const audit = (db: Db, actor: Actor, now: Date, action: AuditAction, m: { id: number; path: string }, detail?: string) =>
  recordAudit(db, {
    at: now.toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    ip: actor.ip,
    action,
    target: { type: 'media', id: m.id, label: labelOf(m.path) },
    ...(detail ? { detail } : {}),
  });

export const auditUpload = (db: Db, m: { id: number; path: string }, actor: Actor, now: Date): Promise<void> => audit(db, actor, now, 'media.uploaded', m);

/**
 * Alt text, caption and credit, and the focal point when given (`null`: the middle), with the
 * audit entry; false when the image is gone.
 */
export function editMediaTexts(
  db: Db,
  row: MediaRow,
  texts: { alt: string; caption: string; credit: string },
  actor: Actor,
  now: Date,
  focus?: FocalPoint | null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await updateMediaTexts(trx, row.id, texts))) return false;
    const changed: string[] = (['alt', 'caption', 'credit'] as const).filter((k) => (row[k] ?? '') !== texts[k]);
    if (focus !== undefined && ((focus?.x ?? null) !== row.focal_x || (focus?.y ?? null) !== row.focal_y)) changed.push('focal point');
    if (focus !== undefined) await updateMediaFocus(trx, row.id, focus);
    await audit(trx, actor, now, 'media.updated', row, changed.length ? `Changed ${changed.join(', ')}` : 'No change');
    return true;
  });
}

/** Deletes the row with the audit entry (the caller removes the files after); false when gone. */
export function deleteMediaAudited(db: Db, row: MediaRow, actor: Actor, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await deleteMediaRow(trx, row.id))) return false;
    await audit(trx, actor, now, 'media.deleted', row);
    return true;
  });
}
