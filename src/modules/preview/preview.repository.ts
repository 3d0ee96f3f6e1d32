/**
 * @module modules/preview/preview.repository
 * Kysely queries for preview links. The handle (db or trx) is the first argument.
 */
import type { Db } from '../../db/database.js';
import type { PreviewLinkRow } from '../../db/schema.js';

export async function insertPreviewLink(
  db: Db,
  row: { postId: number; tokenHash: string; createdAt: Date; expiresAt: Date; userId: number | null },
): Promise<number> {
  return (
    await db
      .insertInto('preview_links')
      .values({
        post_id: row.postId,
        token_hash: row.tokenHash,
        created_at: row.createdAt.toISOString(),
        expires_at: row.expiresAt.toISOString(),
        revoked_at: null,
        user_id: row.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function findPreviewLinkByHash(db: Db, tokenHash: string): Promise<PreviewLinkRow | undefined> {
  return db.selectFrom('preview_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** An article's links, newest first (expired and revoked ones too, for the record). */
export async function previewLinksForPost(db: Db, postId: number, limit = 20): Promise<PreviewLinkRow[]> {
  return db.selectFrom('preview_links').selectAll().where('post_id', '=', postId).orderBy('id', 'desc').limit(limit).execute();
}

export async function revokePreviewLink(db: Db, postId: number, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('preview_links')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('post_id', '=', postId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
