/**
 * @module modules/correction/correction.repository
 * Kysely queries for corrections and update notes. The handle (db or trx) is the first argument.
 */
import type { Db } from '../../db/database.js';
import type { CorrectionRow, PostRow } from '../../db/schema.js';
import type { CorrectionInput } from './correction.js';

export async function insertCorrection(db: Db, postId: number, input: CorrectionInput, userId: number | null, now: Date): Promise<number> {
  const at = now.toISOString();
  return (
    await db
      .insertInto('corrections')
      .values({ post_id: postId, kind: input.kind, body: input.body, created_at: at, updated_at: at, user_id: userId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Changes the text and kind; the note keeps the time it was first published. */
export async function updateCorrection(db: Db, postId: number, id: number, input: CorrectionInput, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('corrections')
    .set({ kind: input.kind, body: input.body, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('post_id', '=', postId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteCorrection(db: Db, postId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('corrections').where('id', '=', id).where('post_id', '=', postId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function findCorrection(db: Db, postId: number, id: number): Promise<CorrectionRow | undefined> {
  return db.selectFrom('corrections').selectAll().where('id', '=', id).where('post_id', '=', postId).executeTakeFirst();
}

/** An article's notes, oldest first (the order they read in at the end of the article). */
export async function correctionsForPost(db: Db, postId: number): Promise<CorrectionRow[]> {
  return db.selectFrom('corrections').selectAll().where('post_id', '=', postId).orderBy('created_at').orderBy('id').execute();
}

export type PublicCorrection = CorrectionRow & Pick<PostRow, 'slug' | 'title' | 'language'>;

const published = (db: Db) => db.selectFrom('corrections').innerJoin('posts', 'posts.id', 'corrections.post_id').where('posts.status', '=', 'published');

/** Notes on published articles, newest first, with the article's slug and headline. */
export async function listPublicCorrections(db: Db, limit: number, offset: number): Promise<PublicCorrection[]> {
  return published(db)
    .select([
      'corrections.id',
      'corrections.post_id',
      'corrections.kind',
      'corrections.body',
      'corrections.created_at',
      'corrections.updated_at',
      'corrections.user_id',
      'posts.slug',
      'posts.title',
      'posts.language',
    ])
    .orderBy('corrections.created_at', 'desc')
    .orderBy('corrections.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countPublicCorrections(db: Db): Promise<number> {
  const { n } = await published(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** When the newest note on a published article was written or last changed; undefined when there is none. */
export async function latestPublicCorrection(db: Db): Promise<string | undefined> {
  const row = await published(db)
    .select((eb) => eb.fn.max('corrections.updated_at').as('at'))
    .executeTakeFirst();
  return row?.at ?? undefined;
}
