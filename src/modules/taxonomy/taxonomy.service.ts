/**
 * @module modules/taxonomy/taxonomy.service
 */
import type { Db } from '../../db/database.js';
import { CategoryTree } from './taxonomy.js';
import { allCategories } from './taxonomy.repository.js';

/** The whole category tree in one query (a newsroom has tens to hundreds of sections). */
export async function loadCategoryTree(db: Db): Promise<CategoryTree> {
  return new CategoryTree(await allCategories(db));
}
