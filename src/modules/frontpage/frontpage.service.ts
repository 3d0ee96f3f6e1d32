/**
 * @module modules/frontpage/frontpage.service
 * Editing the front pages (pin, unpin, reorder; section blocks) and reading what a home page or a
 * section front shows. Each change is one transaction with its audit entry and returns the cache
 * tags to purge: only the front page it changes (`front:home`, `front:cat:{id}`).
 */
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { tag } from '../content/cache-tags.js';
import { categoryExists } from '../taxonomy/category.repository.js';
import type { Actor } from '../user/user.js';
import { FRONT_LIMITS, FrontPageError, homeScope, scopeCategory, type HomeBlock, type PinScope, type PinSlot } from './frontpage.js';
import * as repo from './frontpage.repository.js';
import * as articles from '../article/article.repository.js';
import type { CardRow, ListFilter } from '../article/article.repository.js';
import { hydrate, type CardBundle, type ListPage } from '../article/reading.service.js';

const invalid = (field: string, message: string): never => {
  throw new FrontPageError('FRONTPAGE_INVALID', message, { [field]: message });
};

const scopeLabel = (scope: PinScope) => (scope === 'home' ? 'home page' : `section front ${scopeCategory(scope)}`);

async function audit(db: Db, actor: Actor, now: Date, action: 'frontpage.pinned' | 'frontpage.unpinned' | 'frontpage.changed', detail: string) {
  await recordAudit(db, { at: now.toISOString(), actorId: actor.id, actorLabel: actor.label, ip: actor.ip, action, detail });
}

async function checkScope(db: Db, scope: PinScope): Promise<void> {
  const cat = scopeCategory(scope);
  if (cat !== undefined && !(await categoryExists(db, cat))) throw new FrontPageError('FRONTPAGE_NOT_FOUND', 'There is no such section.');
}

/** A story as the editor names it: its id (from the list) or its address or slug (typed). */
async function storyOf(db: Db, ref: string): Promise<{ id: number; title: string }> {
  const text = ref.trim();
  if (!text) return invalid('story', 'Choose a story, or type its address.');
  let found: { id: number; title: string } | undefined;
  if (/^\d{1,12}$/.test(text)) found = await repo.publishedStory(db, { id: Number(text) });
  else {
    let slug = text;
    try {
      slug = new URL(text, 'http://x').pathname;
    } catch {
      /* not an address: a slug */
    }
    slug = slug.replace(/^\/+|\/+$/g, '');
    if (slug && slug.length <= 200 && !slug.includes('/')) found = await repo.publishedStory(db, { slug });
  }
  if (!found) invalid('story', `No published story has the address or id “${text.slice(0, 80)}”.`);
  return found!;
}

/**
 * Pins a story as the lead (replacing the lead there was) or as the last top story of a front page,
 * until `expiresAt` (ISO) or until unpinned. A story pinned there already moves to the new slot.
 */
export async function pinStory(
  db: Db,
  input: { scope: PinScope; slot: PinSlot; story: string; expiresAt?: string },
  actor: Actor,
  now: Date,
): Promise<{ purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    await checkScope(trx, input.scope);
    const story = await storyOf(trx, input.story);
    const pins = await repo.pinsOf(trx, input.scope);
    if (input.slot === 'top' && pins.filter((p) => p.slot === 'top' && p.postId !== story.id).length >= FRONT_LIMITS.topPins) {
      invalid('story', `At most ${FRONT_LIMITS.topPins} top stories can be pinned: unpin one first.`);
    }
    await repo.deletePinRows(trx, { scope: input.scope, postId: story.id });
    if (input.slot === 'lead') await repo.deletePinRows(trx, { scope: input.scope, slot: 'lead' });
    const last = Math.max(-1, ...pins.filter((p) => p.slot === 'top').map((p) => p.position));
    await repo.insertPin(trx, {
      scope: input.scope,
      slot: input.slot,
      post_id: story.id,
      position: input.slot === 'top' ? last + 1 : 0,
      expires_at: input.expiresAt ?? null,
      created_at: now.toISOString(),
    });
    await audit(
      trx,
      actor,
      now,
      'frontpage.pinned',
      `${input.slot === 'lead' ? 'Lead' : 'Top story'} of the ${scopeLabel(input.scope)}: ${story.title}${input.expiresAt ? ` (until ${input.expiresAt})` : ''}`,
    );
    return { purge: [tag.front(input.scope)] };
  });
}

/** Unpins a story: its slot fills with the latest stories again. */
export async function unpin(db: Db, pinId: number, actor: Actor, now: Date): Promise<{ purge: string[]; scope: PinScope }> {
  return db.transaction().execute(async (trx) => {
    const pin = await repo.findPin(trx, pinId);
    if (!pin) throw new FrontPageError('FRONTPAGE_NOT_FOUND', 'That story is no longer pinned: reload the page.');
    await repo.deletePinRows(trx, { id: pinId });
    // An imported sticky post unpinned from the home page stays unpinned on a re-import.
    if (pin.scope === homeScope) await repo.clearSticky(trx, pin.postId);
    await audit(trx, actor, now, 'frontpage.unpinned', `${pin.slot === 'lead' ? 'Lead' : 'Top story'} of the ${scopeLabel(pin.scope)}: story ${pin.postId}`);
    return { purge: [tag.front(pin.scope)], scope: pin.scope };
  });
}

/** Moves a pinned top story one place up or down. */
export async function movePin(db: Db, pinId: number, dir: 'up' | 'down', actor: Actor, now: Date): Promise<{ purge: string[]; scope: PinScope }> {
  return db.transaction().execute(async (trx) => {
    const pin = await repo.findPin(trx, pinId);
    if (!pin || pin.slot !== 'top') throw new FrontPageError('FRONTPAGE_NOT_FOUND', 'That story is no longer a pinned top story: reload the page.');
    const tops = (await repo.pinsOf(trx, pin.scope)).filter((p) => p.slot === 'top');
    const i = tops.findIndex((p) => p.id === pinId);
    const j = dir === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= tops.length) invalid('pins', dir === 'up' ? 'That is the first top story.' : 'That is the last top story.');
    [tops[i], tops[j]] = [tops[j]!, tops[i]!];
    for (const [k, p] of tops.entries()) if (p.position !== k) await repo.setPinPosition(trx, p.id, k);
    await audit(trx, actor, now, 'frontpage.changed', `Moved a top story of the ${scopeLabel(pin.scope)} ${dir}`);
    return { purge: [tag.front(pin.scope)], scope: pin.scope };
  });
}

/** Takes expired pins off (every instance runs this on the scheduler's timer); returns the tags to purge. */
export async function expirePins(db: Db, now: Date): Promise<string[]> {
  return (await repo.deleteExpiredPins(db, now)).map((s) => tag.front(s as PinScope));
}

/** Adds a section block under the home page's top stories: the `count` latest of a section. */
export async function addHomeBlock(db: Db, input: { categoryId: number; count: number }, actor: Actor, now: Date): Promise<{ purge: string[] }> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > FRONT_LIMITS.blockCount) {
    invalid('count', `A block shows from 1 to ${FRONT_LIMITS.blockCount} stories.`);
  }
  return db.transaction().execute(async (trx) => {
    if (!Number.isInteger(input.categoryId) || !(await categoryExists(trx, input.categoryId))) invalid('section', 'Choose one of the sections.');
    const blocks = await repo.homeBlocks(trx);
    if (blocks.length >= FRONT_LIMITS.blocks) invalid('section', `The home page holds at most ${FRONT_LIMITS.blocks} section blocks.`);
    await repo.insertHomeBlock(trx, { category_id: input.categoryId, count: input.count, position: Math.max(-1, ...blocks.map((b) => b.position)) + 1 });
    await audit(trx, actor, now, 'frontpage.changed', `Added a block of section ${input.categoryId} (${input.count}) to the home page`);
    return { purge: [tag.front('home')] };
  });
}

export async function removeHomeBlock(db: Db, id: number, actor: Actor, now: Date): Promise<{ purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    if (!(await repo.deleteHomeBlock(trx, id))) throw new FrontPageError('FRONTPAGE_NOT_FOUND', 'That block is no longer on the home page: reload the page.');
    await audit(trx, actor, now, 'frontpage.changed', 'Removed a section block from the home page');
    return { purge: [tag.front('home')] };
  });
}

export async function moveHomeBlock(db: Db, id: number, dir: 'up' | 'down', actor: Actor, now: Date): Promise<{ purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    const blocks = await repo.homeBlocks(trx);
    const i = blocks.findIndex((b) => b.id === id);
    if (i < 0) throw new FrontPageError('FRONTPAGE_NOT_FOUND', 'That block is no longer on the home page: reload the page.');
    const j = dir === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= blocks.length) invalid('blocks', dir === 'up' ? 'That is the first block.' : 'That is the last block.');
    [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
    for (const [k, b] of blocks.entries()) if (b.position !== k) await repo.setHomeBlockPosition(trx, b.id, k);
    await audit(trx, actor, now, 'frontpage.changed', `Moved a section block of the home page ${dir}`);
    return { purge: [tag.front('home')] };
  });
}

/** What the editor shows for a front page: every pin (expired ones included) and the story choices. */
export async function frontPageForEditing(
  db: Db,
  scope: PinScope,
  sectionIds?: number[],
): Promise<{ pins: Awaited<ReturnType<typeof repo.pinsOf>>; choices: Awaited<ReturnType<typeof repo.recentStories>>; blocks: HomeBlock[] }> {
  const [pins, choices, blocks] = await Promise.all([
    repo.pinsOf(db, scope),
    repo.recentStories(db, 100, sectionIds),
    scope === 'home' ? repo.homeBlocks(db) : [],
  ]);
  return { pins, choices, blocks };
}

/** A front page as readers see it: the cards in order (page 1: the lead first, then the top stories). */
export interface FrontPageRead extends ListPage {
  /** Page 1: the lead is pinned (otherwise the latest story leads). */
  leadPinned: boolean;
  /** How many of the cards are pinned (page 1). */
  pinnedCount: number;
  /** Page 1 of the home page: the section blocks, each with its latest stories. */
  blocks: { categoryId: number; bundle: CardBundle }[];
}

/**
 * Reads page `page` of a front page: the pinned lead and top stories that hold at `now` on page 1,
 * then the latest stories of `filter` without them (the pages after the first continue that list);
 * on the home page's first page, the section blocks' latest stories but the lead and the pinned ones.
 * Undefined when the page is past the end.
 */
export async function readFrontPage(
  db: Db,
  scope: PinScope,
  filter: ListFilter,
  page: number,
  perPage: number,
  now: Date,
  sectionIds: (categoryId: number) => number[],
): Promise<FrontPageRead | undefined> {
  const pins = await repo.activePins(db, scope, now);
  const lead = pins.find((p) => p.slot === 'lead');
  const pinnedIds = [...(lead ? [lead.postId] : []), ...pins.filter((p) => p.slot === 'top').map((p) => p.postId)];
  const k = pinnedIds.length;
  const rest: ListFilter = { ...filter, ...(k ? { excludeIds: pinnedIds } : {}) };
  const total = (await articles.countPublished(db, rest)) + k;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  if (page > totalPages) return undefined;
  const latest = await articles.listPublished(db, rest, page === 1 ? Math.max(0, perPage - k) : perPage, page === 1 ? 0 : (page - 1) * perPage - k);
  let rows = latest;
  if (page === 1 && k) {
    const pinned = await articles.cardRowsByIds(db, pinnedIds);
    const byId = new Map(pinned.map((r) => [r.id, r]));
    const pinnedRows = pinnedIds.map((id) => byId.get(id)).filter((r): r is CardRow => r !== undefined);
    // Without a pinned lead, the latest story leads and the pinned top stories follow it.
    rows = lead ? [...pinnedRows, ...latest] : [...latest.slice(0, 1), ...pinnedRows, ...latest.slice(1)];
  }
  const blocks: FrontPageRead['blocks'] = [];
  if (scope === 'home' && page === 1) {
    // A block is its section's latest stories: only the lead and the pinned stories above it are left out.
    const shown = [...new Set([...pinnedIds, ...(rows[0] ? [rows[0].id] : [])])];
    for (const b of await repo.homeBlocks(db)) {
      const blockRows = await articles.listPublished(db, { categoryIds: sectionIds(b.categoryId), ...(shown.length ? { excludeIds: shown } : {}) }, b.count, 0);
      blocks.push({ categoryId: b.categoryId, bundle: await hydrate(db, blockRows) });
    }
  }
  return {
    ...(await hydrate(db, rows)),
    total,
    page,
    totalPages,
    leadPinned: page === 1 && lead !== undefined,
    pinnedCount: page === 1 ? rows.length - latest.length : 0,
    blocks,
  };
}

/**
 * Pins the published sticky posts (WordPress' "Stick to the top of the blog") that are not pinned
 * yet as top stories of the home page, newest first, up to the limit. Run at the end of an import,
 * inside its transaction; an editor who unpins one clears its sticky flag, so a re-import does not
 * pin it again. Returns how many were pinned.
 */
export async function pinStickyPosts(db: Db, now: Date): Promise<number> {
  const pinned = await repo.pinsOf(db, homeScope);
  const room = FRONT_LIMITS.topPins - pinned.filter((p) => p.slot === 'top').length;
  if (room <= 0) return 0;
  const ids = (await repo.unpinnedStickyPosts(db, homeScope)).slice(0, room);
  let position = Math.max(-1, ...pinned.filter((p) => p.slot === 'top').map((p) => p.position));
  for (const id of ids) {
    await repo.insertPin(db, { scope: homeScope, slot: 'top', post_id: id, position: ++position, expires_at: null, created_at: now.toISOString() });
  }
  return ids.length;
}
