/**
 * @module db/migrate
 * Applies pending migrations in order, in one transaction, under the dialect's migration lock,
 * so several instances starting at once apply each migration exactly once.
 */
import { sql } from 'kysely';
import type { DbHandle } from './database.js';
import { migrations } from './migrations/index.js';

export async function migrate(handle: DbHandle): Promise<string[]> {
  const { db, dialect } = handle;
  await db.schema
    .createTable('broadsheet_migrations')
    .ifNotExists()
    .addColumn('name', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('applied_at', 'varchar(40)', (c) => c.notNull())
    .execute()
    .catch(async (err) => {
      // Two PostgreSQL instances racing on CREATE TABLE IF NOT EXISTS: the loser sees a unique violation.
      const exists = await sql`select 1 from broadsheet_migrations limit 1`.execute(db).then(
        () => true,
        () => false,
      );
      if (!exists) throw err;
    });
  return db.transaction().execute(async (trx) => {
    await dialect.lockMigrations(trx);
    const done = await appliedMigrations(trx);
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await m.up(trx, dialect);
      await trx.insertInto('broadsheet_migrations').values({ name: m.name, applied_at: new Date().toISOString() }).execute();
      applied.push(m.name);
    }
    return applied;
  });
}

/** The names of the migrations the database has applied. */
async function appliedMigrations(db: DbHandle['db']): Promise<Set<string>> {
  return new Set((await db.selectFrom('broadsheet_migrations').select('name').execute()).map((r) => r.name));
}

/** Migrations this code has that the database has not applied (empty when up to date). */
export async function pendingMigrations(handle: DbHandle): Promise<string[]> {
  const done = await appliedMigrations(handle.db);
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}
