/**
 * `broadsheet export --format json|wxr [--output FILE] [--with-password-hashes]`
 */
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { exportJson } from '../import/export/export-json.js';
import { exportWxr } from '../import/export/export-wxr.js';
import { UsageError, type Command } from './command.js';

const FORMATS = ['json', 'wxr'] as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write a complete backup of the site (JSON), or a WordPress export (WXR)',
  usage: [
    'Usage: broadsheet export --format json [--output FILE] [--with-password-hashes]',
    '       broadsheet export --format wxr [--output FILE]',
    '',
    'json: a complete backup as one JSON document, one row per line (restore it with',
    '      `broadsheet import json FILE` into an empty database, on SQLite or PostgreSQL).',
    '      Holds posts, pages, categories, tags, authors, media metadata, redirects, comments',
    "      (with commenters' emails), users and settings; never secrets. Media FILES are not in it:",
    '      copy DATA_DIR/media alongside.',
    'wxr:  a WordPress export (WXR 1.2) for Tools → Import → WordPress: authors, categories, tags,',
    '      posts, pages, comments (threaded, with status) and media as attachments at their URLs.',
    '  --output FILE             write to FILE (default: standard output)',
    "  --with-password-hashes    include users' password hashes (otherwise restored accounts",
    '                            need `broadsheet user reset-password`)',
    '',
    'Exit codes: 0 done, 1 failed (no output file is left behind), 2 bad arguments.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, output: { type: 'string', short: 'o' }, 'with-password-hashes': { type: 'boolean' } },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const format = values.format;
    if (!format) throw new UsageError('name the format: --format json or --format wxr');
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected ${FORMATS.join(' or ')})`);
    const config = loadConfig();
    const handle = openDb(config);
    const target = values.output ? path.resolve(values.output) : undefined;
    // Written beside the target and renamed when complete: a failed export leaves no half file.
    const partial = target ? `${target}.partial-${process.pid}` : undefined;
    const out: Writable = partial ? fs.createWriteStream(partial, { flags: 'wx' }) : process.stdout;
    try {
      await migrate(handle);
      const counts: Record<string, number> =
        format === 'wxr'
          ? {
              ...(await exportWxr(handle.db, {
                out,
                siteUrl: config.siteUrl,
                siteName: config.siteName,
                siteDescription: config.siteDescription,
                language: config.siteLanguage,
              })),
            }
          : await exportJson(handle.db, { dialect: handle.dialect.name, out, withPasswordHashes: values['with-password-hashes'] ?? false });
      if (partial && target) {
        out.end();
        await finished(out);
        fs.renameSync(partial, target);
      }
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      console.error(
        `Exported ${total.toLocaleString('en')} ${format === 'wxr' ? 'items' : 'rows'}${target ? ` to ${target}` : ''}: ${Object.entries(counts)
          .filter(([, n]) => n)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
      );
      return 0;
    } catch (err) {
      if (partial) {
        out.destroy();
        fs.rmSync(partial, { force: true });
      }
      throw err;
    } finally {
      await handle.close();
    }
  },
};
