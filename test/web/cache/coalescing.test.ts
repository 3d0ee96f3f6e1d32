/**
 * Request coalescing: when many readers miss the same page at once (after a purge, a deploy, a
 * restart), one render serves them all, for the page cache and for the article fragments beneath
 * it; and a reader who arrives after a write never shares a render that began before it.
 */
import { describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { cacheFor, PageCache, registerPageCache } from '../../../src/web/cache/index.js';
import { Coalescer } from '../../../src/web/cache/coalesce.js';
import { openDb, type DbHandle } from '../../../src/db/database.js';
import { DIALECTS, type TestDb } from '../../helpers/db.js';
import { fixtureSite } from '../../helpers/site.js';
import { testApp } from '../../helpers/app.js';
import type { Fixture } from '../../helpers/fixture.js';

const tick = () => new Promise((r) => setImmediate(r));

/** A Fastify app with the page cache and one route whose renders can be held and are counted. */
function heldRoute(o: { cacheable?: boolean } = {}) {
  const cache = new PageCache(1_000_000);
  const app = Fastify();
  registerPageCache(app, { cache, maxAge: 60, staleWhileRevalidate: 600 });
  const holds: (() => void)[] = [];
  let renders = 0;
  let hold = true;
  app.get('/story/', async (_req, reply) => {
    const n = ++renders;
    if (hold) await new Promise<void>((r) => holds.push(r));
    if (o.cacheable === false) return reply.code(404).send(`missing ${n}`);
    cacheFor(reply, ['post:1']);
    return `render ${n}`;
  });
  return {
    app,
    cache,
    renders: () => renders,
    releaseAll: () => {
      hold = false;
      for (const r of holds.splice(0)) r();
    },
  };
}

describe('request coalescing in the page cache', () => {
  it('fifty concurrent misses of one page make one render, and every reader gets its bytes', async () => {
    const s = heldRoute();
    const answers = Array.from({ length: 50 }, () => s.app.inject('/story/'));
    await tick();
    expect(s.renders()).toBe(1);
    s.releaseAll();
    const bodies = (await Promise.all(answers)).map((r) => [r.statusCode, r.body]);
    expect(bodies).toEqual(Array.from({ length: 50 }, () => [200, 'render 1']));
    expect(s.renders()).toBe(1);
    expect(s.cache.stats.coalesced).toBe(49);
    expect(s.cache.stats.misses).toBe(1);
    await s.app.close();
  });

  it('a reader arriving after a purge never gets the render that began before it', async () => {
    const s = heldRoute();
    const before = s.app.inject('/story/'); // renders, held: reads what the write will replace
    const sharer = s.app.inject('/story/'); // arrives before the write: shares that render
    await tick();
    s.cache.purge(['post:1']); // the write's purge, before its answer reaches the writer
    const after = s.app.inject('/story/'); // a reader who saw the write's answer
    await tick();
    expect(s.renders()).toBe(2); // the late reader did not wait for the old render
    s.releaseAll();
    expect((await before).body).toBe('render 1');
    expect((await after).body).toBe('render 2');
    // The render begun before the purge was not kept; its sharer waits for the next one.
    expect((await sharer).body).toBe('render 2');
    expect(s.renders()).toBe(2);
    expect((await s.app.inject('/story/')).headers['x-cache']).toBe('HIT');
    await s.app.close();
  });

  it('readers waiting on a page that is not cacheable (a 404) each get their own answer, not a hang', async () => {
    const s = heldRoute({ cacheable: false });
    const answers = Array.from({ length: 5 }, () => s.app.inject('/story/'));
    await tick();
    expect(s.renders()).toBe(1);
    s.releaseAll();
    const results = await Promise.all(answers);
    expect(results.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
    expect(s.renders()).toBe(5);
    await s.app.close();
  });

  it('a render that fails ends the wait of those sharing it', async () => {
    const cache = new PageCache(1_000_000);
    const app = Fastify({ logger: false });
    registerPageCache(app, { cache, maxAge: 60, staleWhileRevalidate: 600 });
    let n = 0;
    app.get('/story/', async (_req, reply) => {
      n++;
      await tick();
      if (n === 1) throw new Error('database went away');
      cacheFor(reply, ['post:1']);
      return 'recovered';
    });
    const [a, b] = await Promise.all([app.inject('/story/'), app.inject('/story/')]);
    expect(a.statusCode).toBe(500);
    expect([b.statusCode, b.body]).toEqual([200, 'recovered']);
    await app.close();
  });
});

describe('Coalescer', () => {
  it('shares work only within one purge clock, and forgets it once done', async () => {
    const c = new Coalescer<number>();
    let calls = 0;
    let release!: (n: number) => void;
    const work = () => {
      calls++;
      return new Promise<number>((r) => (release = r));
    };
    const a = c.run('k', 0, work);
    const b = c.run('k', 0, work);
    const other = c.run('k', 1, () => Promise.resolve(7));
    expect(calls).toBe(1);
    release(3);
    expect([await a, await b, await other]).toEqual([3, 3, 7]);
    expect(c.size).toBe(0);
    expect(c.joined).toBe(1);
    await c.run('k', 0, () => Promise.resolve(4)).then((v) => expect(v).toBe(4));
  });
});

describe('purges told to other instances', () => {
  it('go out in order, one append at a time; purges made meanwhile go together in the next', async () => {
    const cache = new PageCache(1_000_000);
    const sent: (readonly string[] | 'all')[] = [];
    const appends: (() => void)[] = [];
    cache.broadcastTo(
      (tags) => {
        sent.push(tags);
        return new Promise<void>((r) => appends.push(r));
      },
      () => {},
    );
    cache.purge(['post:1']);
    await tick();
    // The first append is under way: three writes meanwhile (a story's comments) make one more.
    cache.purge(['post:2']);
    cache.purge(['post:3', 'home']);
    cache.purge(['post:2']);
    await tick();
    expect(sent).toEqual([['post:1']]);
    appends.shift()!();
    await tick();
    expect(sent).toEqual([['post:1'], ['post:2', 'post:3', 'home']]);
    cache.purge(['tag:9']);
    cache.purge(['all']);
    cache.purge(['post:4']);
    appends.shift()!();
    await tick();
    expect(sent.at(-1)).toBe('all');
    expect(sent).toHaveLength(3);
    appends.shift()!();
    await cache.flush();
  });
});

for (const dialect of DIALECTS) {
  describe(`coalescing on the article page (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    // The purge-log follower's poll would add queries of its own to a count: it waits an hour here.
    fixtureSite(dialect, (s) => ({ t, app, fx } = s), { env: { PAGE_CACHE_MB: '16' }, deps: { purgePollMs: 3_600_000 } });
    /** Purges everything and waits for the purge's own row in the log, so that no count includes it. */
    const purgeAll = async (a: FastifyInstance) => {
      a.pageCache.purge(['all']);
      await a.pageCache.flush();
    };

    /** Queries made through `handle` (each app has its own: another app's follower polls on its own connection). */
    const queriesOf = async (handle: DbHandle, run: () => Promise<unknown>) => {
      handle.stats.queries = 0;
      await run();
      return handle.stats.queries;
    };

    it('with the page cache on: a herd after a purge costs the queries of one render', async () => {
      const url = `/${fx.slugs[2]}/`;
      await purgeAll(app);
      await app.inject(url); // what a first request after a purge of everything reloads (site settings)
      await purgeAll(app);
      await app.inject(url);
      await purgeAll(app);
      const one = await queriesOf(t.handle, () => app.inject(url));
      await purgeAll(app);
      const coalescedBefore = app.pageCache.stats.coalesced;
      let bodies: string[] = [];
      const herd = await queriesOf(t.handle, async () => {
        bodies = (await Promise.all(Array.from({ length: 20 }, () => app.inject(url)))).map((r) => r.body);
      });
      expect(herd).toBe(one);
      expect(app.pageCache.stats.coalesced - coalescedBefore).toBe(19);
      expect(new Set(bodies).size).toBe(1);
    });

    it('with the page cache off: the article fragment and its thread are read once for a herd', async () => {
      // Its own connection: the fixture's app follows this app's purges (LISTEN on PostgreSQL) and
      // reads the log when told, which must not count here.
      const own = openDb({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
      const cold = await testApp({ ...t, handle: own }, { PAGE_CACHE_MB: '0', FRAGMENT_CACHE_MB: '32' }, undefined, { purgePollMs: 3_600_000 });
      try {
        const url = `/${fx.slugs[3]}/`;
        await cold.inject(url);
        await purgeAll(cold);
        const first = await queriesOf(own, () => cold.inject(url)); // fragments rendered
        const warm = await queriesOf(own, () => cold.inject(url)); // fragments reused: the form's token only
        await purgeAll(cold);
        const herd = await queriesOf(own, () => Promise.all(Array.from({ length: 10 }, () => cold.inject(url))));
        expect(first).toBeGreaterThan(warm);
        // One request read and rendered the fragments; nine shared them, each paying only what a warm request pays.
        expect(herd).toBe(first + 9 * warm);
        const answers = await Promise.all(Array.from({ length: 3 }, () => cold.inject(url)));
        for (const a of answers) expect(a.statusCode).toBe(200);
      } finally {
        await cold.close();
        await own.close();
      }
    });
  });
}
