/**
 * `broadsheet import wordpress FILE.xml [--media DIR] [--dry-run] [--related|--no-related]`
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { ipHashKey } from '../import/secrets.js';
import { ImportAborted, importWordPress, type ImportProgress } from '../import/wordpress/import-wordpress.js';
import { WxrError } from '../import/wordpress/wxr.js';
import { UsageError, type Command } from './command.js';

const PHASE: Record<ImportProgress['phase'], string> = { scan: 'reading', media: 'media', posts: 'posts' };

/** A progress bar on a terminal; otherwise a plain line every 10% of each phase. */
function progressReporter(): { update(p: ImportProgress): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: '  {phase} [{bar}] {percentage}% ({value}/{total})', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
    let phase = '';
    return {
      update(p) {
        if (PHASE[p.phase] !== phase) {
          if (phase) bar.stop();
          phase = PHASE[p.phase];
          bar.start(Math.max(1, p.total), 0, { phase: phase.padEnd(7) });
        }
        bar.update(p.done);
      },
      stop: () => { if (phase) bar.stop(); },
    };
  }
  let phase = '';
  let last = -1;
  return {
    update(p) {
      if (PHASE[p.phase] !== phase) {
        phase = PHASE[p.phase];
        last = -1;
      }
      const pct = p.total ? Math.floor((p.done / p.total) * 10) * 10 : 0;
      if (pct > last) {
        last = pct;
        console.error(`import: ${phase} ${pct}% (${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')})`);
      }
    },
    stop: () => {},
  };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a WordPress export (WXR) or a Broadsheet JSON backup',
  usage: [
    'Usage: broadsheet import wordpress FILE.xml [--media DIR] [--dry-run] [--related | --no-related]',
    '',
    'Imports authors, categories, tags, posts, pages, comments and images from a WordPress export',
    '(Tools → Export in WordPress). Running it again updates what it imported before; it never duplicates.',
    '  --media DIR     the old site\'s uploads folder (wp-content/uploads); images are copied from it',
    '  --dry-run       read and convert everything, report, and write nothing',
    '  --related       recompute related articles afterwards (default: only up to 5,000 posts)',
    '  --no-related    never recompute them (pages show their section\'s latest stories meanwhile)',
    '',
    'Exit codes: 0 done, 1 the file was refused (the database is unchanged), 2 bad arguments, 130 interrupted.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: { media: { type: 'string' }, 'dry-run': { type: 'boolean' }, related: { type: 'boolean' }, 'no-related': { type: 'boolean' } },
    });
    const [format, file, ...extra] = positionals;
    if (format !== 'wordpress') throw new UsageError(format ? `unknown format "${format}" (expected "wordpress")` : 'name the format: broadsheet import wordpress FILE.xml');
    if (!file || extra.length) throw new UsageError('give exactly one WXR file');
    const config = loadConfig();
    const handle = openDb(config);
    const progress = progressReporter();
    const abort = new AbortController();
    const onSignal = (): void => abort.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await migrate(handle);
      const report = await importWordPress(handle.db, {
        file: path.resolve(file),
        ...(values.media ? { mediaDir: path.resolve(values.media) } : {}),
        mediaRoot: path.join(config.dataDir, 'media'),
        ipHashKey: ipHashKey(config.dataDir),
        dryRun: values['dry-run'] ?? false,
        related: values['no-related'] ? false : values.related ? true : 'auto',
        fullText: handle.dialect.fullText,
        signal: abort.signal,
        onProgress: (p) => progress.update(p),
      });
      progress.stop();
      console.log(report.format());
      return 0;
    } catch (err) {
      progress.stop();
      if (err instanceof WxrError) {
        console.error(`broadsheet import: ${err.message} [${err.code}]\nNothing was imported.`);
        return 1;
      }
      if (err instanceof ImportAborted) {
        console.log(err.report.format());
        console.error(`broadsheet import: ${err.message}`);
        return 130;
      }
      throw err;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await handle.close();
    }
  },
};
