/**
 * Search pages and the search API are served from the page cache, and every write that changes an
 * answer (publishing, editing, unpublishing an article, approving a comment, renaming a tag the
 * search filters by) purges it before the writer's response returns.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture, type Fixture } from '../../helpers/fixture.js';
import { adminApp, signedIn } from '../../helpers/admin.js';
import { addComment } from '../../helpers/comments.js';
import { renameTag } from '../../../src/modules/taxonomy/tag.service.js';
import { cliActor } from '../../../src/modules/user/user.js';
import { Agent } from '../../helpers/agent.js';

const count = (res: LightMyRequestResponse): number => {
  if (res.body.includes('No articles match your search')) return 0;
  return Number(/(\d+) results? for/.exec(res.body)?.[1] ?? NaN);
};

for (const dialect of DIALECTS) {
  describe(`search page cache (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    let editor: Agent;
    const visitor = () => new Agent(app, '203.0.113.9');
    const updatedAt = async (id: number) =>
      (await t.handle.db.selectFrom('posts').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow()).updated_at;
    const idFrom = (location: string | undefined) => Number(/\/admin\/articles\/(\d+)/.exec(location ?? '')![1]);
    const article = (extra: Record<string, string | string[]>) => ({
      excerpt: 'The standfirst.',
      language: 'en',
      comment_status: 'open',
      category: [String(fx.ids.world)],
      ...extra,
    });

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 4, t.handle.dialect.fullText);
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16', POSTS_PER_PAGE: '5', SURROGATE_KEYS: '1' } });
      editor = await signedIn(app, t, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('answers a repeated search, page or JSON, from the cache with the same bytes', async () => {
      const v = visitor();
      for (const url of ['/search?q=rail', '/api/v1/search?q=rail&per_page=2']) {
        const first = await v.get(url);
        expect(first.statusCode).toBe(200);
        expect(first.headers['x-cache'], url).toBe('MISS');
        expect(String(first.headers['surrogate-key']).split(' ')).toContain('search');
        const again = await v.get(url);
        expect(again.headers['x-cache'], url).toBe('HIT');
        expect(again.body).toBe(first.body);
      }
      // The key is the URL as sent: another page or spelling is another entry, never this one.
      expect((await v.get('/search?q=rail&page=2')).headers['x-cache']).toBe('MISS');
      expect((await v.get('/search?q=Rail')).headers['x-cache']).toBe('MISS');
      // A signed-in editor is never served the shared copy.
      expect((await editor.get('/search?q=rail')).headers['x-cache']).not.toBe('HIT');
    });

    it('publishing, editing and unpublishing an article change the next answer at once', async () => {
      const v = visitor();
      const page = '/search?q=zeppelin';
      const api = '/api/v1/search?q=zeppelin';
      const total = async () => (await v.get(api)).json<{ total: number }>().total;
      expect(count(await v.get(page))).toBe(0);
      expect(await total()).toBe(0);
      expect((await v.get(page)).headers['x-cache']).toBe('HIT');
      expect((await v.get(api)).headers['x-cache']).toBe('HIT');

      const created = await editor.post(
        '/admin/articles',
        article({ title: 'Zeppelin over the harbour', slug: 'zeppelin-harbour', body_text: 'A zeppelin was seen.' }),
      );
      expect(created.statusCode).toBe(303);
      const id = idFrom(created.headers.location);
      // A draft is not a result.
      expect(count(await v.get(page))).toBe(0);

      const save = async (fields: Record<string, string>) => {
        const res = await editor.post(`/admin/articles/${id}`, article({ slug: 'zeppelin-harbour', updated_at: await updatedAt(id), ...fields }));
        expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      };
      await save({ title: 'Zeppelin over the harbour', body_text: 'A zeppelin was seen.', intent: 'publish' });
      const published = await v.get(page);
      expect(published.headers['x-cache']).not.toBe('HIT');
      expect(count(published)).toBe(1);
      expect(published.body).toContain('<mark>zeppelin</mark>');
      expect(await total()).toBe(1);
      expect((await v.get(page)).headers['x-cache']).toBe('HIT');

      // An edit that drops the word: no longer a result; the new word now finds it.
      expect(count(await v.get('/search?q=dirigible'))).toBe(0);
      await save({ title: 'A dirigible over the harbour', body_text: 'An airship was seen.' });
      expect(count(await v.get(page))).toBe(0);
      expect(await total()).toBe(0);
      expect(count(await v.get('/search?q=dirigible'))).toBe(1);

      // An edit that brings it back, then unpublishing takes it out again.
      await save({ title: 'Zeppelin returns', body_text: 'The zeppelin is back.' });
      expect(count(await v.get(page))).toBe(1);
      expect((await v.get(page)).body).toContain('Zeppelin returns');
      await save({ title: 'Zeppelin returns', body_text: 'The zeppelin is back.', intent: 'unpublish' });
      expect(count(await v.get(page))).toBe(0);
      expect(await total()).toBe(0);
    });

    it('approving a comment purges the results that show its article (cards carry the comment count tag)', async () => {
      const v = visitor();
      const created = await editor.post('/admin/articles', article({ title: 'Quokka census', slug: 'quokka-census', body_text: 'Counting quokkas.' }));
      const id = idFrom(created.headers.location);
      await editor.post(
        `/admin/articles/${id}`,
        article({ title: 'Quokka census', slug: 'quokka-census', body_text: 'Counting quokkas.', intent: 'publish', updated_at: await updatedAt(id) }),
      );
      const urls = ['/search?q=quokka', '/api/v1/search?q=quokka'];
      for (const url of urls) {
        const res = await v.get(url);
        expect(String(res.headers['surrogate-key']).split(' '), url).toContain(`comments:${id}`);
        expect((await v.get(url)).headers['x-cache'], url).toBe('HIT');
      }
      const held = await addComment(t.handle.db, id, { status: 'pending', body: 'Lovely animals' });
      // A held comment shows nowhere: the stored answers stay.
      expect((await v.get(urls[0]!)).headers['x-cache']).toBe('HIT');
      expect((await editor.post('/admin/comments/moderate', { one: `approve:${held}` }, '/admin/comments')).statusCode).toBe(303);
      // Result cards show no comment count today; the purge keeps them right if they ever do.
      for (const url of urls) expect((await v.get(url)).headers['x-cache'], url).toBe('MISS');
    });

    it('a tag filter follows its tag: renaming the tag purges (what the admin route does); an unknown tag is never stored', async () => {
      const v = visitor();
      const tagRow = await t.handle.db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', 'climate').executeTakeFirstOrThrow();
      const url = '/search?q=rail&tag=climate';
      const before = await v.get(url);
      expect(before.body).toContain(tagRow.name);
      expect((await v.get(url)).headers['x-cache']).toBe('HIT');
      const change = await renameTag(t.handle.db, tagRow.id, { name: 'Climate desk', slug: 'climate' }, cliActor, new Date());
      app.pageCache.purge(change.purge);
      const after = await v.get(url);
      expect(after.headers['x-cache']).not.toBe('HIT');
      expect(after.body).toContain('Climate desk');
      const unknown = '/search?q=rail&tag=no-such-tag';
      await v.get(unknown);
      expect((await v.get(unknown)).headers['x-cache']).not.toBe('HIT');
      expect((await v.get('/api/v1/search?q=rail&author=nobody')).headers['x-cache']).toBeUndefined();
    });
  });
}
