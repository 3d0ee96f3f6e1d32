/**
 * @module cli/purge
 * Commands that change what the public site shows (import, seed, comment erasure) run in their own
 * process, beside running servers: they append their purge to the purge log, which every server
 * follows (see jobs/purge-follower.ts), and forward it to the CDN when PURGE_URL is set.
 */
import type { Config } from '../config/config.js';
import type { DbHandle } from '../db/database.js';
import { appendPurge, type PurgeTags } from '../jobs/purge-log.js';
import { ALL, sendCdnPurge } from '../web/cache/index.js';

export async function announcePurge(handle: DbHandle, config: Config, command: string, tags: PurgeTags): Promise<void> {
  if (tags !== 'all' && tags.length === 0) return;
  await appendPurge(handle, tags, `cli:${command}:${process.pid}`);
  if (config.purgeUrl) {
    await sendCdnPurge(config.purgeUrl, tags === 'all' ? [ALL] : tags).catch((err: unknown) => {
      console.error(`broadsheet ${command}: the CDN purge failed (${(err as Error).message}); its copies expire with max-age`);
    });
  }
}
