/**
 * @module import/json/backup-reader
 * Streams a backup written by exportJson: the header from line 1, then one `[table, row]` per
 * line. Every row is checked for shape and every table name against the header; a missing `end`
 * row (a truncated file) throws.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, END_ROW, type BackupHeader, type BackupRow } from './backup-format.js';

export type BackupRecord = { kind: 'header'; header: BackupHeader } | { kind: 'row'; table: string; row: BackupRow };

const HEADER_END = ',"rows":[';

function parseHeader(line: string): BackupHeader {
  if (!line.startsWith('{') || !line.endsWith(HEADER_END))
    throw new BackupError('This is not a Broadsheet backup (export it with `broadsheet export --format json`).', 'BACKUP_NOT_BROADSHEET');
  let h: Partial<BackupHeader>;
  try {
    h = JSON.parse(`${line.slice(0, -HEADER_END.length)}}`) as Partial<BackupHeader>;
  } catch {
    throw new BackupError('This is not a Broadsheet backup: its first line is not a backup header.', 'BACKUP_NOT_BROADSHEET');
  }
  if (h.format !== BACKUP_FORMAT) throw new BackupError('This is not a Broadsheet backup.', 'BACKUP_NOT_BROADSHEET');
  if (h.version !== BACKUP_VERSION)
    throw new BackupError(`Backup format version ${String(h.version)} is not supported (this Broadsheet reads version ${BACKUP_VERSION}).`, 'BACKUP_VERSION');
  if (!Array.isArray(h.tables) || !Array.isArray(h.migrations))
    throw new BackupError('The backup header lacks its table or migration list.', 'BACKUP_NOT_BROADSHEET');
  return h as BackupHeader;
}

export async function* readBackup(file: string): AsyncGenerator<BackupRecord> {
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', reject);
  });
  try {
    await opened;
  } catch (err) {
    throw new BackupError(`Cannot read the file: ${(err as Error).message}`, 'BACKUP_UNREADABLE');
  }
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let header: BackupHeader | undefined;
  let tables = new Set<string>();
  let rows = 0;
  let ended = false;
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (!header) {
        header = parseHeader(line);
        tables = new Set(header.tables);
        yield { kind: 'header', header };
        continue;
      }
      if (ended) {
        if (line.trim() === ']}' || line.trim() === '') continue;
        throw new BackupError(`Line ${lineNo}: unexpected content after the end of the backup.`, 'BACKUP_BAD_ROW');
      }
      const text = line.endsWith(',') ? line.slice(0, -1) : line;
      let rec: unknown;
      try {
        rec = JSON.parse(text);
      } catch {
        throw new BackupError(
          `Line ${lineNo} is not valid JSON (the file is damaged or was cut off).`,
          lineNo > 1 && !line.endsWith(',') ? 'BACKUP_TRUNCATED' : 'BACKUP_BAD_ROW',
        );
      }
      if (!Array.isArray(rec) || rec.length !== 2 || typeof rec[0] !== 'string' || typeof rec[1] !== 'object' || rec[1] === null || Array.isArray(rec[1])) {
        throw new BackupError(`Line ${lineNo} is not a [table, row] pair.`, 'BACKUP_BAD_ROW');
      }
      const [table, row] = rec as [string, BackupRow];
      if (table === END_ROW) {
        if (row.rows !== rows) throw new BackupError(`The backup says it holds ${String(row.rows)} rows but ${rows} were read.`, 'BACKUP_TRUNCATED');
        ended = true;
        continue;
      }
      if (!tables.has(table)) throw new BackupError(`Line ${lineNo}: table "${table.slice(0, 60)}" is not listed in the backup header.`, 'BACKUP_BAD_ROW');
      rows++;
      yield { kind: 'row', table, row };
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (!header) throw new BackupError('The file is empty.', 'BACKUP_NOT_BROADSHEET');
  if (!ended) throw new BackupError('The backup ends before its last row: the file was cut off.', 'BACKUP_TRUNCATED');
}
