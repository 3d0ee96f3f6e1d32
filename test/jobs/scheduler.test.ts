import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../src/modules/article/article.service.js';
import { doc, p } from '../../src/modules/article/document.js';
import { publishDue, startScheduler } from '../../src/jobs/scheduler.js';
import { RelatedRefresher } from '../../src/jobs/related-refresh.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';

for (const dialect of DIALECTS) {
  describe(`scheduled publishing (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await freshDb(dialect);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('a scheduled article goes live at its time, exactly once, however many instances run the job', async () => {
      let clock = new Date('2026-11-20T12:00:00Z');
      const app = await testApp(t, {}, () => clock);
      await createArticle(t.handle.db, {
        status: 'scheduled',
        slug: 'at-noon-plus-one',
        title: 'Goes live a minute later',
        body: doc(p('Soon.')),
        publishedAt: '2026-11-20T12:01:00Z',
      });
      expect((await app.inject('/at-noon-plus-one/')).statusCode).toBe(404);
      expect(await publishDue(t.handle.db, clock)).toEqual([]);
      clock = new Date('2026-11-20T12:01:30Z');
      // Three instances race for the same due post: exactly one flips it.
      const results = await Promise.all([publishDue(t.handle.db, clock), publishDue(t.handle.db, clock), publishDue(t.handle.db, clock)]);
      expect(results.flat()).toHaveLength(1);
      const page = await app.inject('/at-noon-plus-one/');
      expect(page.statusCode).toBe(200);
      expect((await app.inject('/')).body).toContain('Goes live a minute later');
      await app.close();
    });

    it('the timer publishes due posts on start (after a restart) without any traffic, and refreshes related lists', async () => {
      await createArticle(t.handle.db, {
        status: 'scheduled',
        slug: 'due-while-down',
        title: 'Due while the site was down',
        body: doc(p('Live a minute later than planned.')),
        publishedAt: '2026-11-20T08:00:00Z',
      });
      const refresher = new RelatedRefresher(t.handle.db, t.handle.dialect.fullText);
      const published: number[] = [];
      const scheduler = startScheduler(t.handle.db, {
        intervalMs: 60_000,
        now: () => new Date('2026-11-20T13:00:00Z'),
        onPublished: (ids) => {
          published.push(...ids);
          for (const id of ids) refresher.enqueue(id);
        },
      });
      for (let i = 0; i < 100 && published.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      scheduler.stop();
      await refresher.idle();
      expect(published).toHaveLength(1);
      const row = await t.handle.db.selectFrom('posts').select('status').where('slug', '=', 'due-while-down').executeTakeFirstOrThrow();
      expect(row.status).toBe('published');
      const related = await t.handle.db.selectFrom('related_posts').select('related_id').where('post_id', '=', published[0]!).execute();
      expect(related.length).toBeGreaterThan(0);
    });
  });
}
