/**
 * @module db/row-lock
 * Shared row locks for reads whose result is written elsewhere in the same transaction. A body
 * rendered from media and people rows is stored in posts.body_html; a concurrent change to one of
 * those rows (an AVIF made, a person renamed) re-renders the articles that show it only after its
 * own commit, and so misses an article whose save has not committed yet. Locking the rows read
 * (PostgreSQL `FOR SHARE`) orders the two: the change waits for the save, or the save reads the
 * change. SQLite runs one writer at a time on one connection, so there is nothing to order there.
 */
import { PostgresAdapter, type SelectQueryBuilder } from 'kysely';
import type { Db } from './database.js';

/** `qb` with `FOR SHARE` on PostgreSQL (held until the surrounding transaction ends). */
export function forShare<DB, TB extends keyof DB, O>(db: Db, qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? qb.forShare() : qb;
}
