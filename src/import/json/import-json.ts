/**
 * @module import/json/import-json
 * `broadsheet import json FILE`: restores a backup written by exportJson into an EMPTY database,
 * exactly: the same ids (links, redirects and the import map stay valid), in one transaction
 * (a refused or interrupted restore changes nothing). The file is streamed; rows go in as
 * multi-row inserts per table. Afterwards identity sequences move past the restored ids
 * (PostgreSQL). Related-article lists come back as they were stored; they are recomputed only
 * when asked (`related: true`) or when the backup has none (one written before they were kept).
 *
 * @example
 * const result = await importJson(handle.db, handle.dialect, { file: 'site.json' });
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { FullText } from '../../db/full-text.js';
import { refreshAllRelated } from '../../modules/related/related.service.js';
import { appliedMigrations, insertRows, setColumnById, tableHasRows } from '../../modules/content/backup.repository.js';
import { BACKUP_TABLES, BackupError, SECRET_SETTING_PREFIX, type BackupHeader, type BackupRow, type BackupTable } from './backup-format.js';
import { readBackup } from './backup-reader.js';

/** What a restore needs from the dialect. */
export interface RestoreDialect {
  readonly fullText: FullText;
  resetSequences(db: Kysely<any>, tables: readonly string[]): Promise<void>;
}

export interface ImportJsonOptions {
  file: string;
  /** Recompute related-article lists afterwards: true, false, or (default) only when the backup holds none. */
  related?: boolean | 'auto';
  now?: Date;
}

export interface ImportJsonResult {
  header: BackupHeader;
  /** Rows restored per table. */
  counts: Record<string, number>;
  /** Related lists recomputed, or undefined when not run. */
  related: number | undefined;
  seconds: number;
}

/** Bound parameters per INSERT (SQLite allows 32,766, PostgreSQL 65,535) and text per batch. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;
const MAX_CHARS = 4_000_000;

const byName = new Map(BACKUP_TABLES.map((t) => [t.name, t]));

/** The names of tables in `BACKUP_TABLES` that hold anything (secrets in settings do not count). */
export async function nonEmptyTables(db: Db): Promise<string[]> {
  const out: string[] = [];
  const present = new Set((await db.introspection.getTables()).map((t) => t.name));
  for (const t of BACKUP_TABLES) {
    if (!present.has(t.name)) continue;
    if (await tableHasRows(db, t.name, t.name === 'settings' ? SECRET_SETTING_PREFIX : undefined)) out.push(t.name);
  }
  return out;
}

export async function importJson(db: Db, dialect: RestoreDialect, options: ImportJsonOptions): Promise<ImportJsonResult> {
  const started = Date.now();
  const counts: Record<string, number> = {};
  const records = readBackup(options.file);
  const first = await records.next();
  if (first.done || first.value.kind !== 'header') throw new BackupError('The file is empty.', 'BACKUP_NOT_BROADSHEET');
  const header = first.value.header;

  const applied = new Set(await appliedMigrations(db));
  const missing = header.migrations.filter((m) => !applied.has(m));
  if (missing.length)
    throw new BackupError(`The backup comes from a newer Broadsheet (migrations ${missing.join(', ')} are not known here); upgrade first.`, 'BACKUP_SCHEMA');
  const unknown = header.tables.filter((t) => !byName.has(t));
  if (unknown.length) throw new BackupError(`The backup holds tables this Broadsheet does not restore: ${unknown.join(', ')}.`, 'BACKUP_SCHEMA');
  const full = await nonEmptyTables(db);
  if (full.length) throw new BackupError(`The database is not empty (${full.join(', ')} hold rows); restore into a new, empty database.`, 'BACKUP_NOT_EMPTY');

  const columns = new Map<string, Set<string>>();
  for (const t of await db.introspection.getTables()) columns.set(t.name, new Set(t.columns.map((c) => c.name)));

  await db.transaction().execute(async (trx) => {
    let table: BackupTable | undefined;
    let batch: BackupRow[] = [];
    let params = 0;
    let chars = 0;
    let lastId = -Infinity;
    let ordered = true;
    let deferred: [number, number][] = [];
    const order = BACKUP_TABLES.map((t) => t.name);
    const flush = async (): Promise<void> => {
      if (batch.length && table) await insertRows(trx, table.name, batch);
      batch = [];
      params = 0;
      chars = 0;
    };
    const finishTable = async (): Promise<void> => {
      await flush();
      if (table?.selfRef) {
        for (const [id, parent] of deferred) await setColumnById(trx, table.name, id, table.selfRef, parent);
      }
      deferred = [];
    };
    for await (const rec of records) {
      if (rec.kind !== 'row') continue;
      if (rec.table !== table?.name) {
        const next = byName.get(rec.table)!;
        if (table && order.indexOf(next.name) < order.indexOf(table.name)) {
          throw new BackupError(`Rows of "${next.name}" come after "${table.name}": the backup is not in dependency order.`, 'BACKUP_BAD_ROW');
        }
        await finishTable();
        table = next;
        lastId = -Infinity;
        ordered = true;
      }
      const row = checkRow(table, rec.row, columns.get(table.name));
      if (table.name === 'users' && row.password_hash === undefined) row.password_hash = '';
      if (table.selfRef) {
        const id = Number(row.id);
        if (!(id > lastId)) ordered = false;
        lastId = id;
        const parent = row[table.selfRef];
        if (typeof parent === 'number' && (!ordered || parent >= id)) {
          deferred.push([id, parent]);
          row[table.selfRef] = null;
        }
      }
      const cols = Object.keys(row).length;
      if (batch.length && (params + cols > MAX_PARAMS || batch.length >= MAX_ROWS || chars > MAX_CHARS)) await flush();
      batch.push(row);
      params += cols;
      for (const v of Object.values(row)) if (typeof v === 'string') chars += v.length;
      counts[table.name] = (counts[table.name] ?? 0) + 1;
    }
    await finishTable();
    await dialect.resetSequences(
      trx,
      BACKUP_TABLES.filter((t) => t.identity && columns.has(t.name)).map((t) => t.name),
    );
  });

  const recompute = options.related === true || ((options.related ?? 'auto') === 'auto' && !counts.related_posts && (counts.posts ?? 0) > 0);
  const related = recompute ? await refreshAllRelated(db, dialect.fullText, options.now ?? new Date()) : undefined;
  return { header, counts, related, seconds: (Date.now() - started) / 1000 };
}

/** Known columns only (never spliced into SQL unchecked), scalar values only. */
function checkRow(table: BackupTable, row: BackupRow, known: Set<string> | undefined): BackupRow {
  if (!known) throw new BackupError(`Table "${table.name}" does not exist in this database.`, 'BACKUP_SCHEMA');
  for (const [k, v] of Object.entries(row)) {
    if (!known.has(k) || table.derived?.includes(k)) throw new BackupError(`Table "${table.name}" has no column "${k.slice(0, 60)}".`, 'BACKUP_SCHEMA');
    if (v !== null && typeof v !== 'string' && typeof v !== 'number')
      throw new BackupError(`${table.name}.${k} holds a ${Array.isArray(v) ? 'list' : typeof v}; only text, numbers and null are restored.`, 'BACKUP_BAD_ROW');
  }
  return row;
}
