/**
 * Purges reach every instance: two apps on one database (PostgreSQL: LISTEN/NOTIFY; SQLite: the
 * purge log polled), and commands run in another process (the real CLI) append to the same log.
 * Waits are on conditions with a bound, never fixed sleeps.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDb, type DbHandle } from '../../../src/db/database.js';
import { updateArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { tag } from '../../../src/modules/content/cache-tags.js';
import { PurgeFollower } from '../../../src/jobs/purge-follower.js';
import { appendPurge, prunePurgeLog, type PurgeTags } from '../../../src/jobs/purge-log.js';
import { purgePosts } from '../../../src/web/cache/index.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture, type Fixture } from '../../helpers/fixture.js';
import { testApp } from '../../helpers/app.js';
import { NOW } from '../../helpers/clock.js';

const BIN = fileURLToPath(new URL('../../../bin/broadsheet.mjs', import.meta.url));

/** Polls `check` every 20 ms until it holds or `ms` pass; returns whether it held. */
async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const dialect of DIALECTS) {
  describe(`purges across instances (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let handleB: DbHandle;
    let a: FastifyInstance;
    let b: FastifyInstance;
    const env = { PAGE_CACHE_MB: '16' };

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 6, t.handle.dialect.fullText);
      // A second connection (pool) to the same database: what another server process would hold.
      handleB = openDb({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
      a = await testApp(t, env);
      b = await testApp({ ...t, handle: handleB }, env);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await handleB?.close();
      await t?.cleanup();
    });

    const idOf = async (slug: string) => (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

    it('an edit made through instance A reaches the page cached in instance B', async () => {
      const url = `/${fx.slugs[0]}/`;
      await b.inject(url);
      expect((await b.inject(url)).headers['x-cache']).toBe('HIT');
      const id = await idOf(fx.slugs[0]!);
      await updateArticle(
        t.handle.db,
        id,
        { slug: fx.slugs[0]!, title: 'Edited through instance A', body: doc(p('New text.')), categoryIds: [fx.ids.politics], status: 'published' },
        NOW,
      );
      // What the admin route does after the commit: purge A at once, and append to the purge log.
      await purgePosts(a.pageCache, t.handle.db, [id]);
      expect((await a.inject(url)).body).toContain('Edited through instance A');
      expect(await eventually(async () => (await b.inject(url)).body.includes('Edited through instance A'))).toBe(true);
      // A skips its own log rows: its fresh copy stays cached.
      await a.pageCache.flush();
      await a.inject(url);
      expect((await a.inject(url)).headers['x-cache']).toBe('HIT');
    });

    it('a command in another process (the CLI) purges running instances', async () => {
      await b.inject('/');
      await a.inject('/');
      expect((await b.inject('/')).headers['x-cache']).toBe('HIT');
      const r = spawnSync(process.execPath, [BIN, 'seed', '--articles', '3', '--categories', '2', '--tags', '2', '--authors', '1'], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? '', DEMO: '0', LOG_LEVEL: 'warn' },
      });
      expect(r.status, r.stderr).toBe(0);
      for (const app of [a, b]) {
        expect(await eventually(async () => (await app.inject('/')).headers['x-cache'] === 'MISS')).toBe(true);
      }
    });

    it('a purge appended while a follower could not read is applied when it reads again, in id order', async () => {
      const applied: PurgeTags[] = [];
      const f = new PurgeFollower({ handle: handleB, origin: 'test-follower', apply: (x) => applied.push(x), pollMs: 3_600_000 });
      await f.start();
      try {
        await appendPurge(t.handle, [tag.post(1), tag.home], 'elsewhere');
        await appendPurge(t.handle, [tag.post(2)], 'test-follower');
        await appendPurge(t.handle, 'all', 'cli:import:1');
        await f.poll();
        // Its own row skipped (on PostgreSQL a NOTIFY may have applied the first row on its own).
        expect(applied).toContain('all');
        expect(applied.some((x) => x !== 'all' && x.includes('post:2'))).toBe(false);
        applied.length = 0;
        await appendPurge(t.handle, [tag.post(3)], 'elsewhere');
        await f.poll();
        expect(applied).toEqual([['post:3']]);
      } finally {
        await f.stop();
      }
    });

    it('a row that becomes visible after a higher one (out-of-order commits) is still applied', async () => {
      const applied: PurgeTags[] = [];
      const f = new PurgeFollower({ handle: handleB, origin: 'gap-follower', apply: (x) => applied.push(x), pollMs: 3_600_000 });
      await f.start();
      const max = Number(
        (
          await t.handle.db
            .selectFrom('purge_log')
            .select((eb) => eb.fn.max('id').as('m'))
            .executeTakeFirst()
        )?.m ?? 0,
      );
      const row = (id: number, tags: string) =>
        t.handle.db
          .insertInto('purge_log')
          .values({ id, tags, origin: 'elsewhere', created_at: new Date().toISOString() } as never)
          .execute();
      try {
        await row(max + 1000, 'post:21');
        await f.poll();
        await row(max + 500, 'post:22');
        await f.poll();
        expect(applied).toEqual([['post:21'], ['post:22']]);
      } finally {
        await f.stop();
        // Explicit ids do not move PostgreSQL's identity sequence; later appends must land above them.
        await t.handle.dialect.resetSequences(t.handle.db, ['purge_log']);
      }
    });

    it.skipIf(dialect !== 'postgres')('a purge sent while the LISTEN connection was down is applied after it reconnects', async () => {
      const { sql } = await import('kysely');
      const applied: PurgeTags[] = [];
      const f = new PurgeFollower({ handle: handleB, origin: 'reconnecting', apply: (x) => applied.push(x), pollMs: 3_600_000 });
      await f.start();
      try {
        const listening = async () =>
          (
            await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and query = 'listen broadsheet_purge'`.execute(
              t.handle.db,
            )
          ).rows;
        expect(await eventually(async () => (await listening()).length >= 1)).toBe(true);
        // Cut every listener of this database (the apps' too), then write while they are away.
        for (const { pid } of await listening()) await sql`select pg_terminate_backend(${pid})`.execute(t.handle.db);
        await appendPurge(t.handle, [tag.post(31)], 'elsewhere');
        expect(await eventually(async () => applied.some((x) => x !== 'all' && x.includes('post:31')))).toBe(true);
      } finally {
        await f.stop();
      }
    });

    it('prunes old rows, and a follower that fell further behind than the retention empties its cache', async () => {
      await appendPurge(t.handle, [tag.post(9)], 'old', new Date(Date.now() - 2 * 3_600_000));
      const fresh = await appendPurge(t.handle, [tag.post(10)], 'new');
      expect(await prunePurgeLog(t.handle.db, new Date(Date.now() - 3_600_000))).toBeGreaterThanOrEqual(1);
      const left = await t.handle.db.selectFrom('purge_log').select('id').execute();
      expect(left.map((r) => r.id)).toContain(fresh);
      const applied: PurgeTags[] = [];
      const f = new PurgeFollower({ handle: handleB, origin: 'slow', apply: (x) => applied.push(x), pollMs: 3_600_000, retentionMs: 100 });
      await f.start();
      try {
        await new Promise((r) => setTimeout(r, 80));
        await f.poll();
        expect(applied).toEqual(['all']);
      } finally {
        await f.stop();
      }
    });
  });
}
