/**
 * @module import/export/export-json
 * `broadsheet export --format json`: the whole site as one streamed JSON document (format in
 * import/json/backup-format.ts). Tables are read in keyset-paginated batches inside one read
 * transaction (a consistent snapshot) and written as they are read, waiting for the output to
 * drain, so memory stays flat whatever the site size.
 *
 * @example
 * const counts = await exportJson(handle.db, { dialect: 'sqlite', out: fs.createWriteStream('site.json') });
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Db } from '../../db/database.js';
import { appliedMigrations, tableRowsAfter } from '../../modules/content/backup.repository.js';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  END_ROW,
  SECRET_SETTING_PREFIX,
  type BackupHeader,
  type BackupRow,
  type BackupTable,
} from '../json/backup-format.js';

export interface ExportJsonOptions {
  dialect: 'sqlite' | 'postgres';
  out: Writable;
  /** Include users' password hashes (off by default: a backup file travels). */
  withPasswordHashes?: boolean;
  /** Rows per query. */
  batchSize?: number;
  now?: Date;
}

/** Rows written per table. */
export type ExportCounts = Record<string, number>;

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** One table's rows in key order, `batch` at a time (never offset: constant cost per page). */
export async function* tableRows(db: Db, table: BackupTable, batch: number): AsyncGenerator<BackupRow[]> {
  let last: unknown[] | undefined;
  for (;;) {
    const rows: BackupRow[] = await tableRowsAfter(db, table.name, table.key, last, batch);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    const end = rows[rows.length - 1]!;
    last = table.key.map((k) => end[k]);
  }
}

/** Writes the backup to `out` (not ended: the caller owns the stream). */
export async function exportJson(db: Db, options: ExportJsonOptions): Promise<ExportCounts> {
  const batch = options.batchSize ?? 500;
  const counts: ExportCounts = {};
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const migrations = await appliedMigrations(trx);
      const present = new Set((await trx.introspection.getTables()).map((t) => t.name));
      const tables = BACKUP_TABLES.filter((t) => present.has(t.name));
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        dialect: options.dialect,
        exported_at: (options.now ?? new Date()).toISOString(),
        migrations,
        tables: tables.map((t) => t.name),
        password_hashes: options.withPasswordHashes ?? false,
      };
      await write(options.out, `${JSON.stringify(header).slice(0, -1)},"rows":[\n`);
      let total = 0;
      for (const table of tables) {
        counts[table.name] = 0;
        for await (const rows of tableRows(trx, table, batch)) {
          let chunk = '';
          for (const row of rows) {
            if (table.name === 'settings' && String(row.key).startsWith(SECRET_SETTING_PREFIX)) continue;
            for (const c of table.derived ?? []) delete row[c];
            if (table.name === 'users' && !options.withPasswordHashes) delete row.password_hash;
            chunk += `${JSON.stringify([table.name, row])},\n`;
            counts[table.name]!++;
            total++;
          }
          await write(options.out, chunk);
        }
      }
      await write(options.out, `${JSON.stringify([END_ROW, { rows: total }])}\n]}\n`);
    });
  return counts;
}
