/**
 * @module modules/taxonomy/category.service
 * The newsroom's category changes: create, rename, move, reorder among siblings, delete with a
 * receiving category. Each runs in one transaction with its audit entry, and returns the cache
 * tags the caller purges once it has committed. Old URLs of every category whose path changed
 * (and their feeds) answer with a 301.
 */
import type { Db } from '../../db/database.js';
import type { CategoryRow } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { AuditAction } from '../audit/audit.js';
import { categoryPath } from '../article/permalink.js';
import { tag } from '../content/cache-tags.js';
import type { Actor } from '../user/user.js';
import type { CategoryTree } from './taxonomy.js';
import { removeRedirectFrom } from '../redirect/redirect.repository.js';
import { insertCategory, insertLinks } from './taxonomy.repository.js';
import { deleteCategoryRow, movePrimaryCategory, postIdsFiledUnder, postIdsLinkedTo, unlinkCategory, updateCategoryRow } from './category.repository.js';
import {
  cleanDescription,
  cleanName,
  cleanSlug,
  loadCategoryTree,
  pathsOf,
  redirectListing,
  redirectMoved,
  renameCategoryIn,
  TaxonomyError,
} from './taxonomy.service.js';

/** What a committed change asks the caller to purge. */
export interface TaxonomyChange {
  id: number;
  purge: string[];
}

const audit = (db: Db, actor: Actor, now: Date, action: AuditAction, c: Pick<CategoryRow, 'id' | 'name'>, detail: string) =>
  recordAudit(db, {
    at: now.toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    ip: actor.ip,
    action,
    target: { type: 'category', id: c.id, label: c.name },
    detail,
  });

/** Every page showing these categories' names or links, and the lists of their ancestors. */
function categoryTags(tree: CategoryTree, ids: Iterable<number>): string[] {
  const out = new Set<string>([tag.nav, tag.feed, tag.sitemap]);
  for (const id of ids) {
    out.add(tag.cat(id));
    for (const a of tree.ancestry(id)) out.add(tag.catList(a.id));
  }
  return [...out];
}

function found(tree: CategoryTree, id: number): CategoryRow {
  const c = tree.get(id);
  if (!c) throw new TaxonomyError('CATEGORY_NOT_FOUND', 'There is no such category (it may have been deleted).');
  return c;
}

const nextPosition = (tree: CategoryTree, parentId: number | null): number => {
  const siblings = parentId === null ? tree.roots() : tree.childrenOf(parentId);
  return siblings.reduce((m, s) => Math.max(m, s.position + 1), 0);
};

export interface NewCategoryInput {
  name: unknown;
  slug?: unknown;
  parentId: number | null;
  description?: unknown;
}

export async function createCategory(db: Db, input: NewCategoryInput, actor: Actor, now: Date): Promise<TaxonomyChange> {
  const name = cleanName('CATEGORY', input.name);
  const slug = cleanSlug('CATEGORY', input.slug, name);
  const description = cleanDescription('CATEGORY', input.description);
  return db.transaction().execute(async (trx) => {
    const tree = await loadCategoryTree(trx);
    if (input.parentId !== null && !tree.get(input.parentId))
      throw new TaxonomyError('CATEGORY_INVALID', 'The chosen parent no longer exists; reload the page and choose another.');
    if (tree.findBySlug(slug)) throw new TaxonomyError('CATEGORY_SLUG_TAKEN', `The slug "${slug}" is already in use by another category.`);
    const id = await insertCategory(trx, { parent_id: input.parentId, slug, name, description, position: nextPosition(tree, input.parentId) });
    // A path freshly in use again must not keep redirecting elsewhere.
    const path = categoryPath([...(input.parentId !== null ? tree.pathOf(input.parentId) : []), slug]);
    await removeRedirectFrom(trx, path);
    await audit(trx, actor, now, 'category.created', { id, name }, path);
    return { id, purge: [tag.nav, tag.sitemap] };
  });
}

export async function renameCategory(
  db: Db,
  id: number,
  changes: { name: unknown; slug: unknown; description: unknown; names?: unknown },
  actor: Actor,
  now: Date,
): Promise<TaxonomyChange> {
  return db.transaction().execute(async (trx) => {
    const r = await renameCategoryIn(trx, id, changes, now);
    const parts = [
      r.before.name !== r.after.name ? `name "${r.before.name}" → "${r.after.name}"` : '',
      r.before.slug !== r.after.slug ? `slug ${r.before.slug} → ${r.after.slug}` : '',
      r.before.names !== r.after.names ? `names per language ${r.after.names}` : '',
    ].filter(Boolean);
    await audit(trx, actor, now, 'category.updated', r.after, parts.join('; ') || 'description');
    return { id, purge: categoryTags(await loadCategoryTree(trx), r.subtree) };
  });
}

/** Moves a category (and everything below it) under another parent, or to the top level (null). */
export async function moveCategory(db: Db, id: number, parentId: number | null, actor: Actor, now: Date): Promise<TaxonomyChange> {
  return db.transaction().execute(async (trx) => {
    const tree = await loadCategoryTree(trx);
    const c = found(tree, id);
    const currentParent = c.parent_id !== null && tree.get(c.parent_id) ? c.parent_id : null;
    if (parentId === currentParent) return { id, purge: [] };
    if (parentId !== null) {
      const parent = tree.get(parentId);
      if (!parent) throw new TaxonomyError('CATEGORY_INVALID', 'The chosen parent no longer exists; reload the page and choose another.');
      if (tree.subtreeIds(id).includes(parentId)) {
        throw new TaxonomyError(
          'CATEGORY_CYCLE',
          parentId === id
            ? `"${c.name}" cannot be moved under itself.`
            : `"${c.name}" cannot be moved under "${parent.name}", which is inside it. Move "${parent.name}" out first.`,
        );
      }
    }
    const subtree = tree.subtreeIds(id);
    const before = pathsOf(tree, subtree);
    await updateCategoryRow(trx, id, { parent_id: parentId, position: nextPosition(tree, parentId) });
    await redirectMoved(trx, before, now);
    const after = await loadCategoryTree(trx);
    await audit(trx, actor, now, 'category.moved', c, `${before.get(id)} → ${categoryPath(after.pathOf(id))}`);
    // The old ancestors' archives lose the subtree's articles; the new ones gain them.
    return { id, purge: [...new Set([...categoryTags(tree, subtree), ...categoryTags(after, subtree)])] };
  });
}

/** One step up or down among its siblings. At either end it stays where it is. */
export async function reorderCategory(db: Db, id: number, direction: 'up' | 'down', actor: Actor, now: Date): Promise<TaxonomyChange> {
  return db.transaction().execute(async (trx) => {
    const tree = await loadCategoryTree(trx);
    const c = found(tree, id);
    const parent = c.parent_id !== null && tree.get(c.parent_id) ? c.parent_id : null;
    const siblings = [...(parent === null ? tree.roots() : tree.childrenOf(parent))];
    const i = siblings.findIndex((s) => s.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.length) return { id, purge: [] };
    [siblings[i], siblings[j]] = [siblings[j]!, siblings[i]!];
    // Renumbering all siblings makes equal positions (imports, old data) orderable.
    for (const [position, s] of siblings.entries()) {
      if (s.position !== position) await updateCategoryRow(trx, s.id, { position });
    }
    await audit(trx, actor, now, 'category.reordered', c, `${direction} to position ${j + 1} of ${siblings.length}`);
    return { id, purge: [tag.nav] };
  });
}

/**
 * Deletes a category. `receiverId` takes its articles (an article whose primary section it was
 * gets the receiver as primary) and its child categories; its URL then redirects to the receiver.
 */
export async function deleteCategory(db: Db, id: number, receiverId: number, actor: Actor, now: Date): Promise<TaxonomyChange> {
  return db.transaction().execute(async (trx) => {
    const tree = await loadCategoryTree(trx);
    const c = found(tree, id);
    if (receiverId === id)
      throw new TaxonomyError('CATEGORY_INVALID', `Choose another category to receive the articles of "${c.name}"; it cannot receive them itself.`);
    const receiver = tree.get(receiverId);
    if (!receiver) throw new TaxonomyError('CATEGORY_INVALID', 'The chosen receiving category no longer exists; reload the page and choose another.');
    const subtree = tree.subtreeIds(id);
    if (subtree.includes(receiverId)) {
      throw new TaxonomyError(
        'CATEGORY_CYCLE',
        `"${receiver.name}" is inside "${c.name}"; choose a category outside it, or move "${receiver.name}" out first.`,
      );
    }
    const before = pathsOf(tree, subtree);
    const postIds = await postIdsFiledUnder(trx, id);
    const already = new Set(await postIdsLinkedTo(trx, receiverId));
    await insertLinks(
      trx,
      'post_categories',
      postIds.filter((p) => !already.has(p)),
      receiverId,
    );
    await unlinkCategory(trx, id);
    await movePrimaryCategory(trx, id, receiverId);
    let position = nextPosition(tree, receiverId);
    for (const child of tree.childrenOf(id)) await updateCategoryRow(trx, child.id, { parent_id: receiverId, position: position++ });
    await deleteCategoryRow(trx, id);
    const oldPath = before.get(id)!;
    before.delete(id);
    await redirectMoved(trx, before, now);
    const after = await loadCategoryTree(trx);
    await redirectListing(trx, oldPath, categoryPath(after.pathOf(receiverId)), now);
    await audit(
      trx,
      actor,
      now,
      'category.deleted',
      c,
      `${oldPath}: ${postIds.length} article(s) and ${tree.childrenOf(id).length} sub-categories to "${receiver.name}"`,
    );
    const purge = new Set([...categoryTags(tree, subtree), ...categoryTags(after, [...before.keys(), receiverId]), tag.home]);
    for (const p of postIds) purge.add(tag.post(p));
    return { id: receiverId, purge: [...purge] };
  });
}
