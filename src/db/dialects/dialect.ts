/**
 * @module db/dialects/dialect
 * What differs between SQLite and PostgreSQL, named in one interface. Migrations and repositories
 * receive a Dialect; only files in this folder know which database actually runs.
 */
import type { FullText } from '../full-text.js';
import type { ColumnDataType, ColumnDefinitionBuilder, Dialect as KyselyDialect, Kysely } from 'kysely';

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  readonly kysely: KyselyDialect;
  /** Turns an integer column into an auto-generated primary key. */
  idColumn(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Column type for timestamps (ISO strings in application code on both). */
  readonly timestampType: ColumnDataType;
  /** Full-text search: index creation, search and similarity. */
  readonly fullText: FullText;
  /** Serialises migrations across processes; called first inside the migration transaction. */
  lockMigrations(trx: Kysely<any>): Promise<void>;
  /**
   * Runs `fn` while holding a lock that other processes on the same database wait for (a
   * PostgreSQL session advisory lock on one pinned connection; `fn` may use any connection).
   * For work too long or too mixed for one transaction, such as seeding the demo.
   * SQLite: `fn` runs at once (one file serves one process).
   */
  exclusive<T>(db: Kysely<any>, key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * After rows were inserted with explicit ids (a restore), moves each table's `id` generator past
   * the largest id, so the next insert does not collide. SQLite's AUTOINCREMENT already does.
   */
  resetSequences(db: Kysely<any>, tables: readonly string[]): Promise<void>;
  /**
   * Makes every insert, update and delete on `table` add one to its row in `data_versions`, in the
   * writer's transaction (triggers), so a reader can keep `table` in memory and check one number.
   */
  countChanges(db: Kysely<any>, table: string): Promise<void>;
  /**
   * A row trigger that runs `statements` after each insert, update (of `columns`) or delete on
   * `table` whose row meets `when`. Both take SQL that runs on either database: `new.col` and
   * `old.col` for the row, upserts with table-qualified columns in their SET.
   */
  afterRowTrigger(db: Kysely<any>, trigger: RowTrigger): Promise<void>;
  /**
   * Cross-process wake-ups: LISTEN/NOTIFY on PostgreSQL. Undefined on SQLite, where followers poll
   * (one file on one machine: an indexed `id > last` read costs microseconds).
   */
  readonly signals?: Signals;
  /** The connection pool's use (PostgreSQL; SQLite has one connection and no pool). */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** Releases connections (the Kysely instance's destroy() also does this). */
  close(): Promise<void>;
}

export interface RowTrigger {
  name: string;
  table: string;
  event: 'insert' | 'update' | 'delete';
  /** For `update`: the columns whose change fires it. */
  columns?: readonly string[];
  /** A condition on `new` / `old`. */
  when: string;
  statements: readonly string[];
}

/** Wake-ups between processes sharing one database. Payloads are small (≤ 8000 bytes). */
export interface Signals {
  /** Sends `payload` on `channel`; delivered when the surrounding transaction (if any) commits. */
  notify(db: Kysely<any>, channel: string, payload: string): Promise<void>;
  /**
   * Listens on a dedicated connection, reconnecting with backoff. `onReady` runs after every
   * (re)connection: messages sent while disconnected are lost, so the caller catches up then.
   */
  listen(channel: string, handlers: { onMessage(payload: string): void; onReady(): void; onError?(err: unknown): void }): Listener;
}

export interface Listener {
  close(): Promise<void>;
}
