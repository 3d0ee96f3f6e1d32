/**
 * `broadsheet import wordpress FILE.xml [--media DIR] [--fetch-media [--fetch-…]] [--menu-primary SLUG] [--menu-footer SLUG] [--replace-menus] [--dry-run] [--related|--no-related]`
 * `broadsheet import json FILE [--related]`
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { legacyIpHashKey } from '../import/secrets.js';
import { loadIpKeys } from '../modules/comment/ip-keys.js';
import { openMediaStore } from '../modules/media/media-store.js';
import { ImportAborted, importWordPress, type ImportProgress } from '../import/wordpress/import-wordpress.js';
import { WxrError } from '../import/wordpress/wxr.js';
import { MenuOptionError, type MenuOptions } from '../import/wordpress/menus.js';
import { DEFAULT_FETCH_OPTIONS, type FetchMediaOptions } from '../import/wordpress/fetch-media.js';
import { BackupError } from '../import/json/backup-format.js';
import { importJson } from '../import/json/import-json.js';
import { UsageError, type Command } from './command.js';
import { announcePurge } from './purge.js';

const PHASE: Record<ImportProgress['phase'], string> = { scan: 'reading', media: 'media', fetch: 'fetch', posts: 'posts' };

/** A progress bar on a terminal; otherwise a plain line every 10% of each phase. */
function progressReporter(): { update(p: ImportProgress): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '  {phase} [{bar}] {percentage}% ({value}/{total})', hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
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
      stop: () => {
        if (phase) bar.stop();
      },
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
    'Usage: broadsheet import wordpress FILE.xml [--media DIR] [--fetch-media [options]] [--dry-run] [--related | --no-related]',
    '       broadsheet import json FILE [--related]',
    '',
    'Imports authors, categories, tags, posts, pages, comments and images from a WordPress export',
    '(Tools → Export in WordPress). Running it again updates what it imported before; it never duplicates.',
    "  --media DIR     the old site's uploads folder (wp-content/uploads); images are copied from it",
    '  --fetch-media   download attachments and the images posts show from the old site (over HTTP(S),',
    '                  like WordPress\' "Download and import file attachments"); with --media, only',
    '                  what that folder lacks. Already fetched files are not downloaded again.',
    `    --fetch-concurrency N   downloads at once (default ${DEFAULT_FETCH_OPTIONS.concurrency}, at most 32)`,
    `    --fetch-timeout S       seconds one try of one file may take, body included (default ${DEFAULT_FETCH_OPTIONS.timeoutSeconds})`,
    '    --fetch-max-mb N        largest file, in MB; a bigger one is abandoned (default MEDIA_MAX_MB, 20)',
    `    --fetch-retries N       further tries for network errors, 429 and 5xx (default ${DEFAULT_FETCH_OPTIONS.retries})`,
    "    --fetch-host HOST       another host whose images are the old site's (a CDN); repeatable",
    '    --fetch-allow-private   also fetch from private, loopback and link-local addresses (refused',
    '                            by default: an export file can name any address)',
    '  --menu-primary SLUG  the WordPress menu (its slug) that becomes the masthead menu; default: one',
    '                  named primary, main, header or top, else the first that is not a social or',
    '                  footer menu; "none": leave the primary menu as it is',
    '  --menu-footer SLUG   the WordPress menu that becomes the footer menu; default: one named footer',
    '  --replace-menus overwrite a menu that was changed in Broadsheet since the last import (kept otherwise)',
    '  --dry-run       read and convert everything, report, and write nothing',
    '  --related       recompute related articles afterwards (default: only up to 5,000 posts)',
    "  --no-related    never recompute them (pages show their section's latest stories meanwhile)",
    '',
    'json: restores a backup made by `broadsheet export --format json` into an EMPTY database,',
    'exactly (same ids), related-article lists included, in one transaction. --related recomputes',
    'those lists afterwards (done anyway for a backup that holds none).',
    'Copy the media folder (DATA_DIR/media) separately.',
    '',
    'Exit codes: 0 done, 1 the file was refused (the database is unchanged), 2 bad arguments or',
    'a non-empty database (json), 130 interrupted.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        media: { type: 'string' },
        'dry-run': { type: 'boolean' },
        related: { type: 'boolean' },
        'no-related': { type: 'boolean' },
        'fetch-media': { type: 'boolean' },
        'fetch-concurrency': { type: 'string' },
        'fetch-timeout': { type: 'string' },
        'fetch-max-mb': { type: 'string' },
        'fetch-retries': { type: 'string' },
        'fetch-host': { type: 'string', multiple: true },
        'fetch-allow-private': { type: 'boolean' },
        'menu-primary': { type: 'string' },
        'menu-footer': { type: 'string' },
        'replace-menus': { type: 'boolean' },
      },
    });
    const fetchMedia = fetchOptions(values);
    const menus = menuOptions(values);
    const [format, file, ...extra] = positionals;
    if (format === 'json') {
      if (!file || extra.length) throw new UsageError('give exactly one backup file');
      return restoreJson(path.resolve(file), values.related ? true : values['no-related'] ? false : 'auto');
    }
    if (format !== 'wordpress')
      throw new UsageError(format ? `unknown format "${format}" (expected "wordpress" or "json")` : 'name the format: broadsheet import wordpress FILE.xml');
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
        ...(fetchMedia ? { fetchMedia: { ...fetchMedia, maxBytes: fetchMedia.maxBytes ?? config.mediaMaxMb * 1024 * 1024 } } : {}),
        mediaRoot: await openMediaStore(config),
        ipHashKey: (await loadIpKeys(handle.db, { legacy: legacyIpHashKey(config.dataDir), retentionDays: config.commentIpRetentionDays, now: new Date() }))
          .current,
        menus,
        dryRun: values['dry-run'] ?? false,
        related: values['no-related'] ? false : values.related ? true : 'auto',
        fullText: handle.dialect.fullText,
        signal: abort.signal,
        onProgress: (p) => progress.update(p),
      });
      progress.stop();
      if (!(values['dry-run'] ?? false)) await announcePurge(handle, config, 'import', 'all');
      console.log(report.format());
      return 0;
    } catch (err) {
      progress.stop();
      if (err instanceof WxrError) {
        console.error(`broadsheet import: ${err.message} [${err.code}]\nNothing was imported.`);
        return 1;
      }
      if (err instanceof MenuOptionError) {
        console.error(`broadsheet import: ${err.message}\nNothing was imported.`);
        return 2;
      }
      if (err instanceof ImportAborted) {
        // What was imported before the interruption is committed and live.
        if (!(values['dry-run'] ?? false)) await announcePurge(handle, config, 'import', 'all').catch(() => {});
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

/** A number option within bounds, or a UsageError naming it. */
function numberOption(name: string, raw: string | undefined, fallback: number, min: number, max: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
    throw new UsageError(`--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max.toLocaleString('en')} (got "${raw}")`);
  return n;
}

/** The --fetch-* options, checked; undefined without --fetch-media (the others then are an error). */
function fetchOptions(
  values: Record<string, string | boolean | string[] | undefined>,
): (Omit<FetchMediaOptions, 'maxBytes'> & { maxBytes: number | undefined }) | undefined {
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  if (!values['fetch-media']) {
    const stray = Object.keys(values).find((k) => k.startsWith('fetch-') && values[k] !== undefined);
    if (stray) throw new UsageError(`--${stray} needs --fetch-media`);
    return undefined;
  }
  const hosts = (values['fetch-host'] as string[] | undefined) ?? [];
  for (const h of hosts)
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(h.trim())) throw new UsageError(`--fetch-host takes a host name such as cdn.example.com (got "${h}")`);
  return {
    concurrency: numberOption('fetch-concurrency', str('fetch-concurrency'), DEFAULT_FETCH_OPTIONS.concurrency, 1, 32, true),
    timeoutSeconds: numberOption('fetch-timeout', str('fetch-timeout'), DEFAULT_FETCH_OPTIONS.timeoutSeconds, 0.1, 3600, false),
    // Unset: the upload limit (MEDIA_MAX_MB), filled in once the configuration is read.
    maxBytes:
      str('fetch-max-mb') === undefined ? undefined : Math.round(numberOption('fetch-max-mb', str('fetch-max-mb'), 0, 0.001, 1024, false) * 1024 * 1024),
    retries: numberOption('fetch-retries', str('fetch-retries'), DEFAULT_FETCH_OPTIONS.retries, 0, 10, true),
    allowPrivate: values['fetch-allow-private'] === true,
    hosts: hosts.map((h) => h.trim()),
  };
}

/** --menu-primary, --menu-footer (a menu's slug, or none) and --replace-menus. */
function menuOptions(values: Record<string, string | boolean | string[] | undefined>): MenuOptions {
  const out: MenuOptions = { replace: values['replace-menus'] === true };
  for (const [option, key] of [
    ['menu-primary', 'primary'],
    ['menu-footer', 'footer'],
  ] as const) {
    const raw = values[option];
    if (typeof raw !== 'string') continue;
    const slug = raw.trim();
    if (!slug || slug.length > 200 || /\s/.test(slug))
      throw new UsageError(`--${option} takes a menu's slug, as in WordPress (Appearance → Menus), or "none" (got "${raw.slice(0, 100)}")`);
    out[key] = slug;
  }
  return out;
}

/** `import json`: exit 2 for a non-empty database (a usage problem), 1 for a refused file. */
async function restoreJson(file: string, related: boolean | 'auto'): Promise<number> {
  const config = loadConfig();
  const handle = openDb(config);
  try {
    await migrate(handle);
    const r = await importJson(handle.db, handle.dialect, { file, related });
    await announcePurge(handle, config, 'import', 'all');
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    console.log(
      [
        `Restored ${total.toLocaleString('en')} rows from a ${r.header.dialect} backup of ${r.header.exported_at}:`,
        ...Object.entries(r.counts).map(([t, n]) => `  ${t.padEnd(16)}${String(n).padStart(9)}`),
        `Related articles: ${r.related === undefined ? 'kept as they were' : `${r.related} lists recomputed`}`,
        ...(r.header.password_hashes ? [] : ['Passwords were not in the backup: set them with `broadsheet user reset-password --email E`.']),
        `Time: ${r.seconds.toFixed(1)} s`,
      ].join('\n'),
    );
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(`broadsheet import: ${err.message} [${err.code}]\nNothing was imported.`);
      return err.code === 'BACKUP_NOT_EMPTY' ? 2 : 1;
    }
    throw err;
  } finally {
    await handle.close();
  }
}
