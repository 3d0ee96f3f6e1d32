/**
 * @module db/data-versions
 * Small tables read on every page (the category tree, the comment settings) kept in memory and
 * checked against their change counter in `data_versions`, which triggers bump in the writer's
 * transaction whichever process wrote (migrations 0014 and 0015): one single-row query per call,
 * the rows themselves only after a change.
 */
import type { Db } from './database.js';
import { runPrepared } from './prepared.js';

/** A table's change counter; -1 when it has none. */
export async function dataVersion(db: Db, name: string): Promise<number> {
  const rows = await runPrepared(db, 'data-version', [name], () => db.selectFrom('data_versions').select('version').where('name', '=', name));
  return rows[0]?.version ?? -1;
}

/**
 * `load` kept per database handle until the counter of `name` moves. Inside a transaction it is
 * always read afresh (the transaction may roll back).
 * @example export const loadTree = versioned('categories', async (db) => new CategoryTree(await allCategories(db)));
 */
export function versioned<T>(name: string, load: (db: Db) => Promise<T>): (db: Db, opts?: { fresh?: boolean }) => Promise<T> {
  const memo = new WeakMap<Db, { version: number; value: T }>();
  // `fresh`: read again though the counter did not move (what it reads also depends on other tables).
  return async (db, opts) => {
    if (db.isTransaction) return load(db);
    // The counter first: rows read after it are at least that new, so a race only reloads early.
    const version = await dataVersion(db, name);
    const hit = memo.get(db);
    if (hit && hit.version === version && !opts?.fresh) return hit.value;
    const value = await load(db);
    if (version >= 0) memo.set(db, { version, value });
    return value;
  };
}
