/**
 * The menus (/admin/navigation): editors build the primary menu (with a dropdown) and the footer
 * menu from sections, tags, pages, authors and addresses; every page shows them at once, cached
 * pages included; a Persian page shows the Persian menu where there is one; sections named in
 * Persian read in Persian there; authors cannot touch the menus; hostile input saves nothing; a
 * stale form is refused; a renamed tag in a menu reaches every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { adminApp, makeUser, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { Agent as AgentClass } from '../../../helpers/agent.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { menusForEditing } from '../../../../src/modules/site/menu.service.js';

const NAV = '/admin/navigation';

/** The masthead's <nav> and the footer's link list of a page. */
const masthead = (html: string) => /<nav class="mainnav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
const footer = (html: string) => /<ul class="footer__links">[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';

for (const dialect of DIALECTS) {
  describe(`menus (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let editor: Agent;
    let aboutId: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 6, t.handle.dialect.fullText);
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16' } });
      editor = new AgentClass(app);
      await editor.login((await makeUser(t, 'editor')).email);
      aboutId = (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', 'about').executeTakeFirstOrThrow()).id;
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const pages = () => ['/', `/${fx.slugs[0]}/`, '/category/world/', '/tag/rail/', `/${fx.persianSlug}/`];
    const warm = async () => {
      for (const url of pages()) {
        await app.inject(url);
        expect((await app.inject(url)).headers['x-cache'], url).toBe('HIT');
      }
    };
    /** The version field of the menu's editor, as a person would post it. */
    const version = async (menu: string, language = '*') => {
      const html = (await editor.get(`${NAV}?menu=${menu}&language=${encodeURIComponent(language)}`)).body;
      return /name="version" value="([^"]*)"/.exec(html)![1]!;
    };
    const add = async (menu: string, form: Record<string, string>, language = '*') =>
      editor.post(`${NAV}/add`, { location: menu, language, version: await version(menu, language), ...form }, NAV);
    const edit = async (menu: string, form: Record<string, string>, language = '*') =>
      editor.post(`${NAV}/edit`, { location: menu, language, version: await version(menu, language), ...form }, NAV);

    it('is for editors and owners only', async () => {
      expect((await editor.get(NAV)).statusCode).toBe(200);
      expect((await editor.get('/admin')).body).toContain(`href="${NAV}"`);
      for (const role of ['author', 'contributor'] as const) {
        const agent = await signedIn(app, t, role);
        expect((await agent.get(NAV)).statusCode, role).toBe(403);
        const res = await agent.post(`${NAV}/add`, { location: 'primary', language: '*', version: '', kind: 'url', url: '/x/', label: 'X' }, '/admin');
        expect(res.statusCode, role).toBe(403);
      }
      expect((await menusForEditing(t.handle.db)).menus.primary).toEqual({});
    });

    it('without a menu, the masthead shows the sections and the footer About and Corrections', async () => {
      const html = (await app.inject('/')).body;
      expect(masthead(html)).toContain('href="/category/world/"');
      expect(footer(html)).toContain('href="/about/"');
      expect(footer(html)).toContain('href="/corrections/"');
    });

    it('refuses hostile and impossible links, saving nothing', async () => {
      const cases: [Record<string, string>, RegExp][] = [
        [{ kind: 'url', url: 'javascript:alert(1)', label: 'Click' }, /Give a page of this site/],
        [{ kind: 'url', url: '//evil.example/', label: 'Click' }, /Give a page of this site/],
        [{ kind: 'url', url: 'https://user:pw@evil.example/', label: 'Click' }, /Give a page of this site/],
        [{ kind: 'url', url: 'https://ok.example/', label: '' }, /needs a label/],
        [{ kind: 'url', url: '/ok/', label: 'x'.repeat(81) }, /at most 80 characters/],
        [{ kind: 'url', url: '/ok/', label: 'Two\nlines' }, /one line/],
        [{ kind: 'category', category: '99999' }, /Choose one of the sections/],
        [{ kind: 'category', category: "1' OR 1=1 --" }, /Choose one of the sections/],
        [{ kind: 'tag', tag: "rail'; DROP TABLE tags; --" }, /There is no tag/],
        [{ kind: 'page', page: String(fx.ids.world) + '0' }, /published pages/],
        [{ kind: 'author', author: '-1' }, /Choose one of the authors/],
        [{ kind: 'script' }, /Choose what the link points at/],
      ];
      for (const [form, message] of cases) {
        const res = await add('primary', form);
        expect(res.statusCode, JSON.stringify(form)).toBe(400);
        expect(res.body, JSON.stringify(form)).toMatch(message);
      }
      // Nesting in the footer and nesting the first link make no sense.
      expect((await add('footer', { kind: 'url', url: '/a/', label: 'A' })).statusCode).toBe(303);
      const res = await edit('footer', { op: 'in:0' });
      expect(res.statusCode).toBe(400);
      expect((await edit('footer', { op: 'clear' })).statusCode).toBe(303);
      expect((await menusForEditing(t.handle.db)).menus).toEqual({ primary: {}, footer: {} });
      expect(masthead((await app.inject('/')).body)).toContain('href="/category/world/"');
    });

    it('builds a primary menu with a dropdown and a footer menu that every page shows at once', async () => {
      await warm();
      expect((await add('primary', { kind: 'category', category: String(fx.ids.world) })).statusCode).toBe(303);
      expect((await add('primary', { kind: 'category', category: String(fx.ids.europe), nested: '1' })).statusCode).toBe(303);
      expect((await add('primary', { kind: 'tag', tag: 'Rail', label: 'Trains <b>now</b>', nested: '1' })).statusCode).toBe(303);
      expect((await add('primary', { kind: 'author', author: String(fx.ids.ana) })).statusCode).toBe(303);
      expect((await add('primary', { kind: 'url', url: 'https://archive.example/', label: 'Archive' })).statusCode).toBe(303);
      expect((await add('footer', { kind: 'page', page: String(aboutId) })).statusCode).toBe(303);
      expect((await add('footer', { kind: 'url', url: '/corrections/', label: 'Corrections policy' })).statusCode).toBe(303);
      for (const url of pages()) {
        const html = (await app.inject(url)).body;
        const nav = masthead(html);
        expect(nav, url).toContain('<details class="mainnav__details">');
        expect(nav, url).toMatch(/<summary class="mainnav__summary[^"]*">World<\/summary>/);
        expect(nav, url).toContain('<a href="/category/world/europe/"');
        expect(nav, url).toContain('>Trains &lt;b>now&lt;/b></a>');
        expect(nav, url).toContain('href="/author/ana-berg/"');
        expect(nav, url).toContain('<a href="https://archive.example/">Archive</a>');
        // Politics is a section but not in the menu.
        expect(nav, url).not.toContain('/category/politics/');
        expect(footer(html), url).toBe(
          '<ul class="footer__links"><li><a href="/about/">About us</a></li><li><a href="/corrections/">Corrections policy</a></li></ul>',
        );
      }
      // The section page marks its dropdown as current.
      expect(masthead((await app.inject('/category/world/europe/')).body)).toContain('mainnav__summary is-current');
      const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'detail']).orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(audit).toEqual({ action: 'menu.updated', detail: 'Footer menu (all languages): added a link' });
    });

    it('moves, nests, relabels and removes links', async () => {
      // World [Europe, Trains], Ana, Archive → move Archive up past Ana.
      expect((await edit('primary', { op: 'up:4' })).statusCode).toBe(303);
      let items = (await menusForEditing(t.handle.db)).menus.primary['*']!;
      expect(items.map((i) => i.kind)).toEqual(['category', 'category', 'tag', 'url', 'author']);
      // World moves down with its two nested links, past Archive.
      expect((await edit('primary', { op: 'down:0' })).statusCode).toBe(303);
      items = (await menusForEditing(t.handle.db)).menus.primary['*']!;
      expect(items.map((i) => [i.kind, i.depth])).toEqual([
        ['url', 0],
        ['category', 0],
        ['category', 1],
        ['tag', 1],
        ['author', 0],
      ]);
      // Labels and a step in one form: the labels typed are kept.
      expect(
        (await edit('primary', { op: 'out:3', 'label-0': 'Old stories', 'label-1': '', 'label-2': '', 'label-3': 'Rail', 'label-4': '' })).statusCode,
      ).toBe(303);
      items = (await menusForEditing(t.handle.db)).menus.primary['*']!;
      expect(items[0]!.label).toBe('Old stories');
      expect(items[3]).toMatchObject({ kind: 'tag', label: 'Rail', depth: 0 });
      expect((await edit('primary', { op: 'remove:4' })).statusCode).toBe(303);
      const nav = masthead((await app.inject('/')).body);
      expect(nav).toContain('>Old stories</a>');
      expect(nav).not.toContain('/author/ana-berg/');
      // An index that is not there.
      expect((await edit('primary', { op: 'remove:40' })).statusCode).toBe(400);
      expect((await edit('primary', { op: 'explode:1' })).statusCode).toBe(400);
    });

    it('refuses a form built from a menu someone has changed since, and shows the menu as it is', async () => {
      const stale = await version('primary');
      expect((await edit('primary', { op: 'up:1' })).statusCode).toBe(303);
      const res = await editor.post(`${NAV}/edit`, { location: 'primary', language: '*', version: stale, op: 'remove:0' }, NAV);
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('Someone changed this menu after you opened it');
      expect((await menusForEditing(t.handle.db)).menus.primary['*']!.length).toBe(4);
    });

    it('a Persian page shows the Persian menu, with sections named in Persian', async () => {
      await t.handle.db
        .updateTable('categories')
        .set({ names: JSON.stringify({ fa: 'اروپا' }) })
        .where('id', '=', fx.ids.europe)
        .execute();
      expect((await add('primary', { kind: 'category', category: String(fx.ids.europe) }, 'fa')).statusCode).toBe(303);
      expect((await add('primary', { kind: 'url', url: '/fa/', label: 'خانه' }, 'fa')).statusCode).toBe(303);
      const fa = (await app.inject(`/${fx.persianSlug}/`)).body;
      expect(masthead(fa)).toContain('<a href="/category/world/europe/">اروپا</a>');
      expect(masthead(fa)).toContain('>خانه</a>');
      expect(masthead(fa)).not.toContain('Old stories');
      // The breadcrumb of the Persian article names its section in Persian too.
      expect(fa).toMatch(/<a href="\/category\/world\/europe\/"[^>]*>اروپا<\/a>/);
      // English pages keep the menu for all languages, and the section's own name.
      const en = (await app.inject(`/${fx.slugs[0]}/`)).body;
      expect(masthead(en)).toContain('Old stories');
      expect(masthead(en)).not.toContain('اروپا');
    });

    it('a renamed tag in a menu reaches every cached page', async () => {
      await warm();
      await editor.post(`/admin/tags/${fx.ids.rail}`, { name: 'Railways', slug: 'rail', description: '' }, `/admin/tags/${fx.ids.rail}`);
      // The label "Rail" was typed in; clear it so the tag's own name shows.
      const items = (await menusForEditing(t.handle.db)).menus.primary['*']!;
      const labels = Object.fromEntries(items.map((it, i) => [`label-${i}`, it.kind === 'tag' ? '' : it.label]));
      expect((await edit('primary', { op: 'labels', ...labels })).statusCode).toBe(303);
      for (const url of pages().filter((u) => u !== `/${fx.persianSlug}/`)) {
        expect(masthead((await app.inject(url)).body), url).toContain('<a href="/tag/rail/">Railways</a>');
      }
    });
  });
}
