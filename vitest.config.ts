/**
 * vitest configuration. `npm test` (scripts/test.mjs) runs `vitest run` with it after the
 * prerequisite checks, tsc and dependency-cruiser.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Starts (or finds) PostgreSQL once and hands its URL to the workers via provide/inject.
    globalSetup: ['test/helpers/global-setup.ts'],
    // Browser launches and the JVM behind vnu take seconds each, more on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // Processes rather than threads: better-sqlite3 and pg hold native handles and sockets, and a
    // crashing file should not take its neighbours down.
    pool: 'forks',
    fileParallelism: true,
    // Sized for 2 cores (chromium, java and postgres need CPU too). $VITEST_MAX_WORKERS overrides.
    maxWorkers: 2,
  },
});
