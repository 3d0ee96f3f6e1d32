/**
 * Pinned stories and section blocks (/admin/front-page): editors pin a lead and top stories on the
 * home page and on a section front, with or without an expiry; the pages show them at once (cached
 * pages included) and only those pages are purged; unpinned slots fill with the latest stories;
 * section blocks show a section's latest stories; expired pins come off by themselves; authors
 * cannot touch any of it; hostile input saves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { adminApp, makeUser, signedIn } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { Clock, NOW } from '../../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { expirePins } from '../../../../src/modules/frontpage/frontpage.service.js';

const FP = '/admin/front-page';
/** Card titles of a page's lead and story grids, in order. */
const leadOf = (html: string) => /class="card card--lead"[\s\S]*?class="card__link" href="\/([^"/]+)\/"/.exec(html)?.[1];
/** The slugs of the first story grid (the home page's top stories, or an archive's list). */
const gridSlugs = (html: string) => {
  const start = html.indexOf('<div class="cards">');
  const grid = start < 0 ? '' : html.slice(start, html.indexOf('</section>', start) >>> 0);
  return [...grid.matchAll(/<h3 class="card__title"><a class="card__link" href="\/([^"/]+)\/"/g)].map((m) => m[1]);
};
const typed = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

for (const dialect of DIALECTS) {
  describe(`front pages (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let editor: Agent;
    const clock = new Clock();

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 8, t.handle.dialect.fullText);
      app = await adminApp(t, { clock, env: { PAGE_CACHE_MB: '16' } });
      editor = new Agent(app);
      await editor.login((await makeUser(t, 'editor')).email);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const idOf = async (slug: string) => (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const pin = (form: Record<string, string>) => editor.post(`${FP}/pin`, { scope: 'home', ...form }, FP);
    const pinCount = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('pins')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('is for editors and owners only', async () => {
      for (const role of ['author', 'contributor'] as const) {
        const agent = await signedIn(app, t, role);
        expect((await agent.post(`${FP}/pin`, { scope: 'home', slot: 'lead', story: String(await idOf(fx.slugs[3]!)) }, '/admin')).statusCode, role).toBe(403);
        expect((await agent.post(`${FP}/blocks`, { section: String(fx.ids.world), count: '3' }, '/admin')).statusCode, role).toBe(403);
      }
      expect(await pinCount()).toBe(0);
    });

    it('refuses what makes no sense, saving nothing', async () => {
      const draft = await idOf('secret-draft');
      const cases: [Record<string, string>, RegExp][] = [
        [{ slot: 'lead', story: '' }, /Choose a story/],
        [{ slot: 'lead', story: String(draft) }, /No published story/],
        [{ slot: 'lead', storyRef: '/about/' }, /No published story/],
        [{ slot: 'lead', storyRef: "x' OR 1=1 --" }, /No published story/],
        [{ slot: 'lead', storyRef: '<script>alert(1)</script>' }, /No published story has the address or id “&lt;script>/],
        [{ slot: 'middle', story: String(await idOf(fx.slugs[3]!)) }, /as the lead or as a top story/],
        [{ slot: 'top', story: String(await idOf(fx.slugs[3]!)), expiresAt: typed(new Date(NOW.getTime() - 60_000)) }, /That time has passed/],
        [{ slot: 'top', story: String(await idOf(fx.slugs[3]!)), expiresAt: 'tomorrow' }, /YYYY-MM-DD HH:MM/],
      ];
      for (const [form, message] of cases) {
        const res = await pin(form);
        expect(res.statusCode, JSON.stringify(form)).toBe(400);
        expect(res.body, JSON.stringify(form)).toMatch(message);
      }
      expect((await editor.post(`${FP}/pin`, { scope: 'cat:99999', slot: 'lead', story: String(await idOf(fx.slugs[3]!)) }, FP)).statusCode).toBe(404);
      for (const count of ['0', '13', '-1', 'many']) {
        expect((await editor.post(`${FP}/blocks`, { section: String(fx.ids.world), count }, FP)).statusCode, count).toBe(400);
      }
      expect((await editor.post(`${FP}/blocks`, { section: '99999', count: '3' }, FP)).statusCode).toBe(400);
      expect((await editor.post(`${FP}/pins/999999/unpin`, {}, FP)).statusCode).toBe(404);
      expect(await pinCount()).toBe(0);
    });

    it('pins a lead and two top stories on the home page; only the home page is purged', async () => {
      const latest = (await app.inject('/')).body;
      expect(leadOf(latest)).toBe(fx.slugs[0]);
      const article = `/${fx.slugs[0]}/`;
      await app.inject(article);
      await app.inject('/');
      expect((await app.inject('/')).headers['x-cache']).toBe('HIT');
      expect((await app.inject(article)).headers['x-cache']).toBe('HIT');
      expect((await pin({ slot: 'lead', story: String(await idOf(fx.slugs[5]!)) })).statusCode).toBe(303);
      expect((await pin({ slot: 'top', storyRef: `https://example.test/${fx.slugs[6]}/` })).statusCode).toBe(303);
      expect((await pin({ slot: 'top', storyRef: fx.slugs[4]! })).statusCode).toBe(303);
      // The article page was not purged.
      expect((await app.inject(article)).headers['x-cache']).toBe('HIT');
      const home = (await app.inject('/')).body;
      expect(leadOf(home)).toBe(fx.slugs[5]);
      expect(home).toContain('>Top stories</h2>');
      // The pinned top stories first, in order, then the latest without the pinned ones.
      expect(gridSlugs(home).slice(0, 4)).toEqual([fx.slugs[6], fx.slugs[4], fx.slugs[0], fx.slugs[1]]);
      expect(gridSlugs(home)).not.toContain(fx.slugs[5]);
      const audit = await t.handle.db.selectFrom('audit_log').select(['action']).orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(audit.action).toBe('frontpage.pinned');
      // Reordering and unpinning.
      const pins = await t.handle.db.selectFrom('pins').select(['id', 'slot', 'post_id']).where('slot', '=', 'top').orderBy('position').execute();
      expect((await editor.post(`${FP}/pins/${pins[1]!.id}/up`, {}, FP)).statusCode).toBe(303);
      expect(gridSlugs((await app.inject('/')).body).slice(0, 2)).toEqual([fx.slugs[4], fx.slugs[6]]);
      expect((await editor.post(`${FP}/pins/${pins[1]!.id}/up`, {}, FP)).statusCode).toBe(400);
      expect((await editor.post(`${FP}/pins/${pins[0]!.id}/unpin`, {}, FP)).statusCode).toBe(303);
      const after = (await app.inject('/')).body;
      expect(gridSlugs(after)[0]).toBe(fx.slugs[4]);
      // Page 2 continues the latest stories without repeating the pinned ones.
      const all = [...gridSlugs(after), ...gridSlugs((await app.inject('/page/2/')).body)];
      expect(new Set(all).size).toBe(all.length);
      const screen = (await editor.get(FP)).body;
      expect(screen).toContain('Pinned stories: home page');
    });

    it('pins on a section front purge that section front alone', async () => {
      const europe = '/category/world/europe/';
      await app.inject(europe);
      await app.inject('/');
      expect((await app.inject('/')).headers['x-cache']).toBe('HIT');
      const res = await editor.post(`${FP}/pin`, { scope: `cat:${fx.ids.europe}`, slot: 'lead', story: String(await idOf(fx.slugs[7]!)) }, FP);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain(`front=cat%3A${fx.ids.europe}`);
      expect((await app.inject('/')).headers['x-cache']).toBe('HIT');
      const html = (await app.inject(europe)).body;
      expect(leadOf(html)).toBe(fx.slugs[7]);
      expect((await editor.get(`${FP}?front=cat:${fx.ids.europe}`)).body).toContain('section front of World › Europe');
    });

    it('section blocks show the latest of a section below the top stories', async () => {
      expect((await editor.post(`${FP}/blocks`, { section: String(fx.ids.politics), count: '2' }, FP)).statusCode).toBe(303);
      expect((await editor.post(`${FP}/blocks`, { section: String(fx.ids.world), count: '3' }, FP)).statusCode).toBe(303);
      const home = (await app.inject('/')).body;
      expect(home).toMatch(/<h2 class="section-heading" id="block-heading-0"><a href="\/category\/politics\/">Politics<\/a><\/h2>/);
      expect(home).toContain('<a href="/category/world/">World</a></h2>');
      const blocks = await t.handle.db.selectFrom('home_blocks').select('id').orderBy('position').execute();
      expect((await editor.post(`${FP}/blocks/${blocks[1]!.id}/up`, {}, FP)).statusCode).toBe(303);
      expect((await app.inject('/')).body).toMatch(/id="block-heading-0"><a href="\/category\/world\/">World/);
      expect((await editor.post(`${FP}/blocks/${blocks[0]!.id}/remove`, {}, FP)).statusCode).toBe(303);
      expect((await app.inject('/')).body).not.toContain('href="/category/politics/">Politics</a></h2>');
    });

    it('a pin with an expiry comes off the cached page by itself', async () => {
      const until = new Date(clock.now().getTime() + 60_000);
      expect((await pin({ slot: 'lead', story: String(await idOf(fx.slugs[2]!)), expiresAt: typed(until) })).statusCode).toBe(303);
      await app.inject('/');
      expect(leadOf((await app.inject('/')).body)).toBe(fx.slugs[2]);
      clock.advance(120_000);
      // What the scheduler's beat runs: the tags it returns are purged.
      const tags = await expirePins(t.handle.db, clock.now());
      expect(tags).toEqual(['front:home']);
      app.pageCache.purge(tags);
      expect(leadOf((await app.inject('/')).body)).toBe(fx.slugs[0]);
    });
  });
}
