/**
 * @module modules/frontpage/frontpage.repository
 * Every query on `pins` and `home_blocks` (migration 0021). The handle is always first.
 */
import type { Db } from '../../db/database.js';
import type { HomeBlock, Pin, PinScope, PinSlot } from './frontpage.js';

type PinRow = { id: number; scope: string; slot: string; post_id: number; position: number; expires_at: string | null };

const pinOf = (r: PinRow): Pin => ({
  id: r.id,
  scope: r.scope as PinScope,
  slot: r.slot as PinSlot,
  postId: r.post_id,
  position: r.position,
  ...(r.expires_at ? { expiresAt: r.expires_at } : {}),
});

const PIN_COLUMNS = ['pins.id', 'pins.scope', 'pins.slot', 'pins.post_id', 'pins.position', 'pins.expires_at'] as const;

/** The pins of a scope that hold at `now` on published stories: the lead first, then the top stories in order. */
export async function activePins(db: Db, scope: PinScope, now: Date): Promise<Pin[]> {
  const rows = await db
    .selectFrom('pins')
    .innerJoin('posts', 'posts.id', 'pins.post_id')
    .select(PIN_COLUMNS)
    .where('pins.scope', '=', scope)
    .where('posts.status', '=', 'published')
    .where((eb) => eb.or([eb('pins.expires_at', 'is', null), eb('pins.expires_at', '>', now.toISOString())]))
    .orderBy('pins.slot')
    .orderBy('pins.position')
    .orderBy('pins.id')
    .execute();
  return rows.map(pinOf);
}

/** Every pin of a scope, expired or on an unpublished story included (the editor shows them). */
export async function pinsOf(db: Db, scope: PinScope): Promise<(Pin & { title: string; slug: string; status: string })[]> {
  const rows = await db
    .selectFrom('pins')
    .innerJoin('posts', 'posts.id', 'pins.post_id')
    .select([...PIN_COLUMNS, 'posts.title', 'posts.slug', 'posts.status'])
    .where('pins.scope', '=', scope)
    .orderBy('pins.slot')
    .orderBy('pins.position')
    .orderBy('pins.id')
    .execute();
  return rows.map((r) => ({ ...pinOf(r), title: r.title, slug: r.slug, status: r.status }));
}

export async function findPin(db: Db, id: number): Promise<Pin | undefined> {
  const r = await db.selectFrom('pins').select(PIN_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? pinOf(r) : undefined;
}

export async function deletePinRows(db: Db, where: { id?: number; scope?: PinScope; slot?: PinSlot; postId?: number }): Promise<void> {
  let q = db.deleteFrom('pins');
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  if (where.scope !== undefined) q = q.where('scope', '=', where.scope);
  if (where.slot !== undefined) q = q.where('slot', '=', where.slot);
  if (where.postId !== undefined) q = q.where('post_id', '=', where.postId);
  await q.execute();
}

export async function insertPin(
  db: Db,
  row: { scope: PinScope; slot: PinSlot; post_id: number; position: number; expires_at: string | null; created_at: string },
): Promise<number> {
  return (await db.insertInto('pins').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function setPinPosition(db: Db, id: number, position: number): Promise<void> {
  await db.updateTable('pins').set({ position }).where('id', '=', id).execute();
}

/** Deletes the pins expired at `now`; returns the scopes they were in (each instance may run it: a row goes once). */
export async function deleteExpiredPins(db: Db, now: Date): Promise<string[]> {
  const rows = await db.deleteFrom('pins').where('expires_at', 'is not', null).where('expires_at', '<=', now.toISOString()).returning('scope').execute();
  return [...new Set(rows.map((r) => r.scope))];
}

/** The published story with this id or slug (what the editor typed or chose). */
export async function publishedStory(db: Db, ref: { id?: number; slug?: string }): Promise<{ id: number; title: string } | undefined> {
  let q = db.selectFrom('posts').select(['id', 'title']).where('type', '=', 'post').where('status', '=', 'published');
  if (ref.id !== undefined) q = q.where('id', '=', ref.id);
  else if (ref.slug !== undefined) q = q.where('slug', '=', ref.slug);
  else return undefined;
  return q.executeTakeFirst();
}

/** The latest published stories (in a section and its sub-sections, when given), for the editor's choices. */
export async function recentStories(db: Db, limit: number, categoryIds?: number[]): Promise<{ id: number; title: string; published_at: string | null }[]> {
  let q = db.selectFrom('posts').select(['id', 'title', 'published_at']).where('type', '=', 'post').where('status', '=', 'published');
  if (categoryIds) {
    const ids = categoryIds.length ? categoryIds : [-1];
    q = q.where('id', 'in', (eb) => eb.selectFrom('post_categories').select('post_id').where('category_id', 'in', ids));
  }
  return q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function homeBlocks(db: Db): Promise<HomeBlock[]> {
  const rows = await db.selectFrom('home_blocks').select(['id', 'category_id', 'count', 'position']).orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, categoryId: r.category_id, count: r.count, position: r.position }));
}

export async function insertHomeBlock(db: Db, row: { category_id: number; count: number; position: number }): Promise<void> {
  await db.insertInto('home_blocks').values(row).execute();
}

export async function deleteHomeBlock(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('home_blocks').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function setHomeBlockPosition(db: Db, id: number, position: number): Promise<void> {
  await db.updateTable('home_blocks').set({ position }).where('id', '=', id).execute();
}

/** Published sticky posts not pinned in `scope`, newest first. */
export async function unpinnedStickyPosts(db: Db, scope: PinScope): Promise<number[]> {
  const rows = await db
    .selectFrom('posts')
    .select('id')
    .where('sticky', '=', 1)
    .where('type', '=', 'post')
    .where('status', '=', 'published')
    .where('id', 'not in', (eb) => eb.selectFrom('pins').select('post_id').where('scope', '=', scope))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

export async function clearSticky(db: Db, postId: number): Promise<void> {
  await db.updateTable('posts').set({ sticky: 0 }).where('id', '=', postId).execute();
}
