/**
 * @module main
 * Composition root: loadConfig → openDb → migrate → (demo content) → buildApp → listen, plus the
 * background jobs (scheduled publishing, related-article refresh).
 */
import path from 'node:path';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config/config.js';
import { openDb } from './db/database.js';
import { migrate } from './db/migrate.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { RelatedRefresher } from './jobs/related-refresh.js';
import { startScheduler } from './jobs/scheduler.js';
import { startIpPurge } from './jobs/comment-ip-purge.js';
import { purgePosts } from './web/cache.js';

export async function startServer(config: Config = loadConfig()): Promise<() => Promise<void>> {
  const handle = openDb(config);
  await migrate(handle);
  if (config.demo) await seedDemoIfEmpty(handle.db, handle.dialect.fullText, path.join(config.dataDir, 'media'));
  const app = await buildApp({ config, handle });
  await app.listen({ host: config.host, port: config.port });
  const related = new RelatedRefresher(handle.db, handle.dialect.fullText, (err, id) => app.log.error({ err, postId: id }, 'related refresh failed'));
  const scheduler = startScheduler(handle.db, {
    onPublished: (ids) => {
      app.log.info({ ids }, 'scheduled posts published');
      purgePosts(app.pageCache, handle.db, ids).catch((err) => app.log.error({ err }, 'cache purge failed'));
      ids.forEach((id) => related.enqueue(id));
    },
    onError: (err) => app.log.error({ err }, 'scheduled publishing failed'),
  });
  const ipPurge = startIpPurge(handle.db, {
    days: config.commentIpRetentionDays,
    onPurged: (n) => app.log.info({ comments: n }, 'old comment IP hashes purged'),
    onError: (err) => app.log.error({ err }, 'comment IP hash purge failed'),
  });
  const stop = async () => {
    scheduler.stop();
    ipPurge.stop();
    await app.close();
    await related.idle();
    await handle.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(() => process.exit(0), () => process.exit(1));
    });
  }
  return stop;
}
