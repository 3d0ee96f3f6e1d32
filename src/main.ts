/**
 * @module main
 * Composition root: loadConfig → openDb → migrate → (demo content) → buildApp → listen, plus the
 * background jobs (scheduled publishing, comment IP hashes; see startJobs in app.ts).
 */
import { buildApp, startJobs } from './app.js';
import { loadConfig, type Config } from './config/config.js';
import { openDb } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openMediaStore } from './modules/media/media-store.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';

export async function startServer(config: Config = loadConfig()): Promise<() => Promise<void>> {
  const handle = openDb(config);
  await migrate(handle);
  if (config.demo) await seedDemoIfEmpty(handle, await openMediaStore(config));
  const app = await buildApp({ config, handle });
  await app.listen({ host: config.host, port: config.port });
  const jobs = startJobs(app, handle.db, { ipRetentionDays: config.commentIpRetentionDays, intervalMs: config.scheduleCheckSeconds * 1000 });
  const stop = async () => {
    // /readyz answers 503 from here on; close() then stops accepting and finishes what is in flight.
    app.readiness.draining = true;
    await Promise.all([jobs.stop(), app.close()]);
    await handle.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  return stop;
}
