/**
 * @module modules/revision/revision.repository
 * Kysely queries for revisions. The handle (db or trx) is always the first argument.
 */
import type { Db } from '../../db/database.js';
import type { RevisionRow, RevisionsTable } from '../../db/schema.js';
import type { Insertable } from 'kysely';

export async function insertRevision(db: Db, row: Insertable<RevisionsTable>): Promise<number> {
  return (await db.insertInto('revisions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Newest first; the list never carries bodies. */
export async function listRevisions(
  db: Db,
  postId: number,
  limit = 100,
): Promise<Pick<RevisionRow, 'id' | 'created_at' | 'user_label' | 'status' | 'title'>[]> {
  return db
    .selectFrom('revisions')
    .select(['id', 'created_at', 'user_label', 'status', 'title'])
    .where('post_id', '=', postId)
    .where('kind', '=', 'save')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The explicit save just before this revision, if any. */
export async function previousRevision(db: Db, postId: number, id: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('post_id', '=', postId)
    .where('kind', '=', 'save')
    .where('id', '<', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** This user's autosave of the article, if they have one. */
export async function findAutosave(db: Db, postId: number, userId: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('post_id', '=', postId)
    .where('kind', '=', 'autosave')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Drops autosaves of the article: one user's, or everyone's (after an explicit save). */
export async function deleteAutosaves(db: Db, postId: number, userId?: number): Promise<void> {
  let q = db.deleteFrom('revisions').where('post_id', '=', postId).where('kind', '=', 'autosave');
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  await q.execute();
}

export async function findRevision(db: Db, postId: number, id: number): Promise<RevisionRow | undefined> {
  return db.selectFrom('revisions').selectAll().where('post_id', '=', postId).where('id', '=', id).executeTakeFirst();
}
