/**
 * @module modules/article/editorial.service
 * What the newsroom does around an article besides saving it: public correction and update notes
 * (published articles), private preview links (unpublished ones), the editor's autosave, and the
 * revisions a comparison shows. Reads for the panels under the edit form; writes that return the
 * cache tags to purge after the commit. Roles are the caller's to check (editable article first).
 */
import type { Db } from '../../db/database.js';
import type { CorrectionRow, PreviewLinkRow, RevisionRow } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findPostById } from './article.repository.js';
import { tag, tagsForPostChange } from '../content/cache-tags.js';
import type { CorrectionInput } from '../correction/correction.js';
import { correctionsForPost, deleteCorrection, findCorrection, insertCorrection, updateCorrection } from '../correction/correction.repository.js';
import { previewLinksForPost, revokePreviewLink } from '../preview/preview.repository.js';
import { deleteAutosaves, findAutosave, findRevision, previousRevision } from '../revision/revision.repository.js';

/** The panels' data: notes of a published article, preview links of an unpublished one, the user's autosave. */
export async function editorialState(
  db: Db,
  o: { id: number; userId: number; published: boolean; withAutosave: boolean },
): Promise<{ notes: CorrectionRow[]; links: PreviewLinkRow[]; autosave: RevisionRow | undefined }> {
  const [notes, links, autosave] = await Promise.all([
    o.published ? correctionsForPost(db, o.id) : Promise.resolve([]),
    o.published ? Promise.resolve([]) : previewLinksForPost(db, o.id),
    o.withAutosave ? findAutosave(db, o.id, o.userId) : Promise.resolve(undefined),
  ]);
  return { notes, links, autosave };
}

/** This user's autosave of the article, if they have one. */
export const userAutosave = (db: Db, id: number, userId: number): Promise<RevisionRow | undefined> => findAutosave(db, id, userId);

/** Forgets this user's autosave of the article. */
export const discardAutosave = (db: Db, id: number, userId: number): Promise<void> => deleteAutosaves(db, id, userId);

/** A revision of the article and, when asked, the explicit save before it. */
export async function revisionToCompare(
  db: Db,
  id: number,
  revisionId: number,
  withPrevious: boolean,
): Promise<{ revision?: RevisionRow; previous?: RevisionRow }> {
  const revision = await findRevision(db, id, revisionId);
  const previous = revision && withPrevious ? await previousRevision(db, id, revision.id) : undefined;
  return { ...(revision ? { revision } : {}), ...(previous ? { previous } : {}) };
}

/** One note of the article, or undefined. */
export const correctionOf = (db: Db, id: number, noteId: number): Promise<CorrectionRow | undefined> => findCorrection(db, id, noteId);

/** The article's page, /corrections/, feeds and lists show the notes. */
const notesChanged = (db: Db, id: number): Promise<string[]> => tagsForPostChange(db, [id], [tag.corrections]);

/** Who changes a note, for its audit entry. */
export interface NoteActor {
  id: number;
  email: string;
  ip: string;
}

async function auditNote(
  trx: Db,
  action: 'correction.added' | 'correction.edited' | 'correction.removed',
  id: number,
  actor: NoteActor,
  now: Date,
  text: string,
) {
  const post = await findPostById(trx, id);
  await recordAudit(trx, {
    at: now.toISOString(),
    actorId: actor.id,
    actorLabel: actor.email,
    ip: actor.ip,
    action,
    target: { type: 'article', id, label: (post?.title ?? '').slice(0, 300) },
    detail: text.slice(0, 200),
  });
}

export async function addCorrection(db: Db, id: number, input: CorrectionInput, actor: NoteActor, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await insertCorrection(trx, id, input, actor.id, now);
    await auditNote(trx, 'correction.added', id, actor, now, `${input.kind}: ${input.body}`);
    return notesChanged(trx, id);
  });
}

/** Changes a note's kind or text (it keeps its time); undefined when there is no such note. */
export async function editCorrection(db: Db, id: number, noteId: number, input: CorrectionInput, actor: NoteActor, now: Date): Promise<string[] | undefined> {
  return db.transaction().execute(async (trx) => {
    if (!(await updateCorrection(trx, id, noteId, input, now))) return undefined;
    await auditNote(trx, 'correction.edited', id, actor, now, `${input.kind}: ${input.body}`);
    return notesChanged(trx, id);
  });
}

export async function removeCorrection(db: Db, id: number, noteId: number, actor: NoteActor, now: Date): Promise<string[] | undefined> {
  return db.transaction().execute(async (trx) => {
    const note = await findCorrection(trx, id, noteId);
    if (!note || !(await deleteCorrection(trx, id, noteId))) return undefined;
    await auditNote(trx, 'correction.removed', id, actor, now, `${note.kind}: ${note.body}`);
    return notesChanged(trx, id);
  });
}

/** Ends a preview link now; false when there is no such active link of this article. */
export const revokePreview = (db: Db, id: number, linkId: number, now: Date): Promise<boolean> => revokePreviewLink(db, id, linkId, now);
