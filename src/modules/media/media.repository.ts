/**
 * @module modules/media/media.repository
 */
import type { Db } from '../../db/database.js';
import type { MediaRow } from '../../db/schema.js';
import type { Insertable } from 'kysely';
import type { MediaTable } from '../../db/schema.js';
import { containsText } from '../../db/like.js';
import { forShare } from '../../db/row-lock.js';

export async function insertMedia(db: Db, row: Insertable<MediaTable>): Promise<number> {
  const r = await db.insertInto('media').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Loads several media rows in one query, keyed by id. With `lock: 'share'`, the rows stay locked
 * against change until the transaction ends (db/row-lock).
 */
export async function findMediaByIds(db: Db, ids: Iterable<number>, opts: { lock?: 'share' } = {}): Promise<Map<number, MediaRow>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const query = db.selectFrom('media').selectAll().where('id', 'in', list);
  const rows = await (opts.lock ? forShare(db, query) : query).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Files in the library (the /metrics upload count). */
export async function countMedia(db: Db): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('media')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
}

export async function findMediaByPath(db: Db, path: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('path', '=', path).executeTakeFirst();
}

export async function findMediaById(db: Db, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface MediaListFilter {
  /** Matched case-insensitively, literally, against file name, alt text, caption and credit. */
  q?: string;
  limit: number;
  offset: number;
}

/** A page of the library, newest first, and the total matching. */
export async function listMedia(db: Db, f: MediaListFilter): Promise<{ rows: MediaRow[]; total: number }> {
  let base = db.selectFrom('media');
  if (f.q) {
    const q = f.q;
    base = base.where(({ or }) => or((['path', 'alt', 'caption', 'credit'] as const).map((col) => containsText(col, q))));
  }
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Alt text and caption, and the credit when given; true when the image exists. */
export async function updateMediaTexts(db: Db, id: number, texts: { alt: string; caption: string; credit?: string }): Promise<boolean> {
  const r = await db.updateTable('media').set(texts).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The focal point (null: the middle); true when the image exists. */
export async function updateMediaFocus(db: Db, id: number, focus: { x: number; y: number } | null): Promise<boolean> {
  const r = await db
    .updateTable('media')
    .set({ focal_x: focus?.x ?? null, focal_y: focus?.y ?? null })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteMediaRow(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('media').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Posts whose featured image is this one, or whose stored document may show it in a figure. */
export async function postsMaybeUsingMedia(
  db: Db,
  id: number,
): Promise<{ id: number; title: string; status: string; featured_media_id: number | null; body_doc: string }[]> {
  // The editor and the server both write figure attrs as {"mediaId":N,…} (JSON.stringify, no spaces);
  // callers parse body_doc to confirm.
  return db
    .selectFrom('posts')
    .select(['id', 'title', 'status', 'featured_media_id', 'body_doc'])
    .where((eb) => eb.or([eb('featured_media_id', '=', id), eb('body_doc', 'like', `%"mediaId":${id},%`), eb('body_doc', 'like', `%"mediaId":${id}}%`)]))
    .orderBy('id')
    .execute();
}

export async function authorsUsingMedia(db: Db, id: number): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('authors').select(['id', 'name']).where('avatar_media_id', '=', id).execute();
}

/** Replaces the stored derivatives (JSON) of one image. */
export async function setMediaDerivatives(db: Db, id: number, derivativesJson: string): Promise<void> {
  await db.updateTable('media').set({ derivatives: derivativesJson }).where('id', '=', id).execute();
}
