/**
 * @module modules/taxonomy/taxonomy.service
 */
import type { Db } from '../../db/database.js';
import { slugify, SLUG_PATTERN } from '../article/article.js';
import { categoryPath } from '../article/permalink.js';
import { addRedirect } from '../redirect/redirect.repository.js';
import { CategoryTree } from './taxonomy.js';
import { allCategories, categoriesVersion } from './taxonomy.repository.js';

const memo = new WeakMap<Db, { version: number; tree: CategoryTree }>();

/**
 * The whole category tree (a newsroom has tens to hundreds of sections). Kept in memory per
 * database handle and checked against the `categories` change counter (bumped by triggers in the
 * writer's transaction, whichever process wrote): one single-row query per call, the rows only
 * after a change. Inside a transaction it is always read afresh (it may roll back).
 */
export async function loadCategoryTree(db: Db): Promise<CategoryTree> {
  if (db.isTransaction) return new CategoryTree(await allCategories(db));
  // The counter first: rows read after it are at least that new, so a race only reloads early.
  const version = await categoriesVersion(db);
  const hit = memo.get(db);
  if (hit && hit.version === version) return hit.tree;
  if (version < 0) return new CategoryTree(await allCategories(db));
  const tree = new CategoryTree(await allCategories(db));
  memo.set(db, { version, tree });
  return tree;
}

export class TaxonomyError extends Error {
  constructor(public readonly code: 'CATEGORY_INVALID' | 'CATEGORY_NOT_FOUND' | 'CATEGORY_SLUG_TAKEN', message: string) {
    super(message);
  }
}

/**
 * Renames a category (name, slug, description). A new slug changes the path of the category and
 * of every category below it; each old path keeps answering with a 301.
 */
export async function updateCategory(db: Db, id: number, changes: { name?: string; slug?: string; description?: string }, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const tree = await loadCategoryTree(trx);
    const current = tree.get(id);
    if (!current) throw new TaxonomyError('CATEGORY_NOT_FOUND', `No category with id ${id}.`);
    const name = changes.name?.trim() ?? current.name;
    if (!name || name.length > 200) throw new TaxonomyError('CATEGORY_INVALID', 'A category name must have 1 to 200 characters.');
    const slug = changes.slug !== undefined ? slugify(changes.slug) : current.slug;
    if (!SLUG_PATTERN.test(slug)) throw new TaxonomyError('CATEGORY_INVALID', 'The slug may only hold lowercase letters, digits and hyphens.');
    if (slug !== current.slug && (await trx.selectFrom('categories').select('id').where('slug', '=', slug).executeTakeFirst())) {
      throw new TaxonomyError('CATEGORY_SLUG_TAKEN', `The slug "${slug}" is already in use.`);
    }
    const oldPaths = new Map(tree.subtreeIds(id).map((cid) => [cid, categoryPath(tree.pathOf(cid))]));
    await trx.updateTable('categories').set({ name, slug, description: changes.description ?? current.description }).where('id', '=', id).execute();
    if (slug !== current.slug) {
      const after = await loadCategoryTree(trx);
      for (const [cid, oldPath] of oldPaths) await addRedirect(trx, oldPath, categoryPath(after.pathOf(cid)), now.toISOString());
    }
  });
}
