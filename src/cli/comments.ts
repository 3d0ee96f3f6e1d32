/**
 * @module cli/comments
 * `broadsheet comments export|erase --email E`: data-subject requests. export prints every comment
 * stored with that email as JSON; erase removes their personal data (name, email, IP hash, text)
 * and moves the comments to the trash, keeping replies' places in threads.
 * `broadsheet comments purge-ips [--days N]`: forgets IP hashes older than N days (default:
 * COMMENT_IP_RETENTION_DAYS), what the server's timer does hourly.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { purgeOldIpHashes } from '../jobs/comment-ip-purge.js';
import { eraseByEmail, exportByEmail } from '../modules/comment/comment.service.js';
import { UsageError, type Command } from './command.js';
import { announcePurge } from './purge.js';
import { tag } from '../modules/content/cache-tags.js';

const USAGE = [
  'Usage: broadsheet comments export --email E',
  '       broadsheet comments erase --email E',
  '       broadsheet comments purge-ips [--days N]',
  '',
  'export   prints every comment stored with this email address, as JSON',
  'erase    removes the name, email, IP hash and text of those comments and trashes them',
  'purge-ips  forgets the IP hashes of comments older than N days (default: COMMENT_IP_RETENTION_DAYS, 90)',
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
    if (action !== 'export' && action !== 'erase') throw new UsageError('say export, erase or purge-ips');
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
        await announcePurge(handle, config, 'comments', r.postIds.map(tag.comments));
        console.log(`Erased ${r.erased} ${r.erased === 1 ? 'comment' : 'comments'} by ${email}.`);
      }
      return 0;
    } finally {
      await handle.close();
    }
  },
};

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
