/**
 * @module modules/content/backup.repository
 * The JSON backup's queries, generic over tables by name (import/json/backup-format lists them):
 * keyset pages in key order, whether a table holds rows, multi-row inserts, and the applied
 * migrations a backup records. Table and column names come from that list or are checked against
 * the database's own columns before they get here; values are always bound parameters.
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/database.js';

type Row = Record<string, unknown>;

/** Names of the applied migrations, sorted. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  return (await db.selectFrom('broadsheet_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
}

/**
 * Up to `limit` rows of `table` in `keys` order after the key tuple `after` (from the start when
 * undefined): a keyset page, constant cost however deep.
 */
export async function tableRowsAfter(db: Db, table: string, keys: readonly string[], after: unknown[] | undefined, limit: number): Promise<Row[]> {
  const keyList = sql.join(keys.map((k) => sql.ref(k)));
  const where = after ? sql`where (${keyList}) > (${sql.join(after)})` : sql``;
  const { rows } = await sql<Row>`select * from ${sql.table(table)} ${where} order by ${keyList} limit ${limit}`.execute(db);
  return rows;
}

/** Whether `table` holds a row; with `ignoreKeyPrefix`, rows whose `key` starts with it do not count. */
export async function tableHasRows(db: Db, table: string, ignoreKeyPrefix?: string): Promise<boolean> {
  let q = (db as Kysely<any>)
    .selectFrom(table)
    .select((eb) => eb.lit(1).as('one'))
    .limit(1);
  if (ignoreKeyPrefix !== undefined) q = q.where('key', 'not like', `${ignoreKeyPrefix}%`);
  return (await q.execute()).length > 0;
}

/** One multi-row INSERT of checked rows. */
export async function insertRows(db: Db, table: string, rows: Row[]): Promise<void> {
  await (db as Kysely<any>).insertInto(table).values(rows).execute();
}

/** Sets one column of one row by id (a self-reference restored after its target). */
export async function setColumnById(db: Db, table: string, id: number, column: string, value: unknown): Promise<void> {
  await (db as Kysely<any>)
    .updateTable(table)
    .set({ [column]: value })
    .where('id', '=', id)
    .execute();
}
