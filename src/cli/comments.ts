/**
 * @module cli/comments
 * `broadsheet comments export|erase --email E`: data-subject requests. export prints every comment
 * stored with that email as JSON; erase removes their personal data (name, email, IP hash, text)
 * and moves the comments to the trash, keeping replies' places in threads.
 * `broadsheet comments purge-ips [--days N]`: forgets IP hashes older than N days (default:
 * COMMENT_IP_RETENTION_DAYS), what the server's timer does hourly.
 * `broadsheet comments rotate-ip-key`: a new key for IP hashes (modules/comment/ip-keys); the old
 * one keeps matching stored hashes for the retention period.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { purgeOldIpHashes } from '../jobs/comment-ip-purge.js';
import { eraseByEmail, exportByEmail } from '../modules/comment/comment.service.js';
import { UsageError, type Command } from './command.js';
import { announcePurge } from './purge.js';
import { legacyIpHashKey } from '../import/secrets.js';
import { rotateIpKey } from '../modules/comment/ip-keys.js';
import { commentPurgeTags } from '../modules/content/cache-tags.js';

const USAGE = [
  'Usage: broadsheet comments export --email E',
  '       broadsheet comments erase --email E',
  '       broadsheet comments purge-ips [--days N]',
  '       broadsheet comments rotate-ip-key',
  '',
  'export   prints every comment stored with this email address, as JSON',
  'erase    removes the name, email, IP hash and text of those comments and trashes them',
  'purge-ips  forgets the IP hashes of comments older than N days (default: COMMENT_IP_RETENTION_DAYS, 90)',
  'rotate-ip-key  hashes addresses with a new key from now on; the old key still matches stored',
  '           hashes (block rules, rate limits) until they are purged; every instance follows within a minute',
  '',
  'Exit codes: 0 done, 2 bad input, 1 anything else.',
].join('\n');

export const commentsCommand: Command = {
  name: 'comments',
  summary: "Export or erase a commenter's data (--email E); purge old IP hashes",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { email: { type: 'string' }, days: { type: 'string' } }, allowPositionals: true });
    const [action] = positionals;
    if (action === 'purge-ips') return purgeIps(values.days);
    if (action === 'rotate-ip-key') return rotateKey();
    if (action !== 'export' && action !== 'erase') throw new UsageError('say export, erase, purge-ips or rotate-ip-key');
    const email = values.email?.trim() ?? '';
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError('--email needs an email address');
    const config = loadConfig();
    const handle = openDb(config);
    try {
      await migrate(handle);
      if (action === 'export') {
        const rows = await exportByEmail(handle.db, email);
        console.log(JSON.stringify({ email, comments: rows }, null, 2));
      } else {
        const r = await eraseByEmail(handle.db, email, new Date());
        // Trashed comments leave their threads and the counts on story cards.
        await announcePurge(handle, config, 'comments', commentPurgeTags(r.postIds));
        console.log(`Erased ${r.erased} ${r.erased === 1 ? 'comment' : 'comments'} by ${email}.`);
      }
      return 0;
    } finally {
      await handle.close();
    }
  },
};

async function rotateKey(): Promise<number> {
  const config = loadConfig();
  const handle = openDb(config);
  try {
    await migrate(handle);
    const days = config.commentIpRetentionDays;
    // An older version's key file is adopted first, so that it becomes the previous key.
    await rotateIpKey(handle.db, { legacy: legacyIpHashKey(config.dataDir), retentionDays: days, now: new Date(), actor: 'broadsheet comments rotate-ip-key' });
    console.log(
      `New comments' addresses are hashed with a new key. The previous key still matches stored hashes ${days === 0 ? 'for ever (COMMENT_IP_RETENTION_DAYS=0)' : `for ${days} days`}; running instances follow within a minute.`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

async function purgeIps(daysRaw: string | undefined): Promise<number> {
  const config = loadConfig();
  if (daysRaw !== undefined && !/^\d{1,5}$/.test(daysRaw)) throw new UsageError('--days needs a whole number of days');
  const days = daysRaw !== undefined ? Number(daysRaw) : config.commentIpRetentionDays;
  if (days === 0) {
    console.log('Keeping every IP hash (0 days).');
    return 0;
  }
  const handle = openDb(config);
  try {
    await migrate(handle);
    const n = await purgeOldIpHashes(handle.db, new Date(), days);
    console.log(`Purged the IP hashes of ${n} ${n === 1 ? 'comment' : 'comments'} older than ${days} days.`);
    return 0;
  } finally {
    await handle.close();
  }
}
