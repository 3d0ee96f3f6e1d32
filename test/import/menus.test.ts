/**
 * WordPress menus (nav_menu_item) become Broadsheet's primary and footer menus: chosen by name or
 * by option, order and nesting kept (one level in the primary menu, flat in the footer), links to
 * imported pages, categories and posts pointing at their new addresses on the masthead; a re-run
 * yields the same menus and keeps a menu an editor changed; a hostile menu breaks nothing and
 * everything refused is reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { NOW } from '../helpers/clock.js';
import { importWordPress, type ImportOptions } from '../../src/import/wordpress/import-wordpress.js';
import { MenuOptionError } from '../../src/import/wordpress/menus.js';
import { editMenu, importMenus, menusForEditing } from '../../src/modules/site/menu.service.js';
import { menuVersion } from '../../src/modules/site/menu.js';
import { cliActor } from '../../src/modules/user/user.js';
import { lookupAll } from '../../src/modules/redirect/import-map.repository.js';
import { FOOTER, header, item } from './generate-wxr.js';

const FIXTURE = path.resolve('test/fixtures/wxr/themeunittestdata.wordpress.xml');
const SOURCE = 'https://wpthemetestdata.wordpress.com';
const KEY = Buffer.alloc(32, 7);
const masthead = (html: string) => /<nav class="mainnav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

/** The "All Pages" menu of the fixture: WordPress page ids in menu order, with their WordPress depth. */
const ALL_PAGES: [string, number][] = [
  ['703', 0],
  ['701', 0],
  ['2', 0],
  ['1133', 1],
  ['1134', 1],
  ['501', 1],
  ['155', 1],
  ['156', 1],
  ['174', 0],
  ['173', 1],
  ['172', 2],
  ['746', 2],
  ['748', 2],
  ['742', 1],
  ['744', 1],
  ['146', 0],
  ['733', 0],
  ['735', 0],
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-wxr-menus-'));
const small = { comments: 0, bodyChars: 200, categories: 3, tags: 5 };

/** A menu item of the hostile file. */
function navItem(
  id: number,
  menu: [string, string],
  order: number,
  o: { title?: string; type: string; object: string; objectId?: string; parent?: number; url?: string },
): string {
  const meta = (k: string, v: string) => `<wp:postmeta><wp:meta_key>${k}</wp:meta_key><wp:meta_value><![CDATA[${v}]]></wp:meta_value></wp:postmeta>`;
  return `<item><title><![CDATA[${o.title ?? ''}]]></title><link>https://gazette.example/?p=${id}</link><wp:post_id>${id}</wp:post_id><wp:status>publish</wp:status><wp:menu_order>${order}</wp:menu_order><wp:post_type>nav_menu_item</wp:post_type>
<category domain="nav_menu" nicename="${menu[0]}"><![CDATA[${menu[1]}]]></category>${meta('_menu_item_type', o.type)}${meta('_menu_item_object', o.object)}${meta('_menu_item_object_id', o.objectId ?? String(id))}${meta('_menu_item_menu_item_parent', String(o.parent ?? 0))}${meta('_menu_item_url', o.url ?? '')}</item>
`;
}

const SQL_LABEL = `'; DROP TABLE posts; -- "x" \\ %_`;
function hostileFile(): string {
  const main: [string, string] = ['main-menu', 'Main Menu'];
  const foot: [string, string] = ['footer-links', 'Footer Links'];
  const xml =
    header(small) +
    '<wp:term><wp:term_id>50</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>social</wp:term_slug><wp:term_name><![CDATA[Social]]></wp:term_name></wp:term>\n' +
    item(1, small) +
    item(2, small) +
    navItem(901, main, 1, { title: 'Click me', type: 'custom', object: 'custom', url: 'javascript:alert(document.cookie)' }) +
    navItem(902, main, 2, { title: 'A'.repeat(10_000), type: 'taxonomy', object: 'category', objectId: '1' }) +
    navItem(903, main, 3, { title: 'Story one', type: 'custom', object: 'custom', parent: 999, url: 'https://gazette.example/2020/01/01/story-1/' }) +
    navItem(904, main, 4, { title: 'Loop A', type: 'custom', object: 'custom', parent: 905, url: 'https://example.org/a' }) +
    navItem(905, main, 5, { title: 'Loop B', type: 'custom', object: 'custom', parent: 904, url: 'https://example.org/b' }) +
    navItem(906, main, 6, { type: 'taxonomy', object: 'category', objectId: '2' }) +
    navItem(907, main, 7, { type: 'taxonomy', object: 'category', objectId: '3', parent: 906 }) +
    navItem(908, main, 8, { type: 'taxonomy', object: 'post_tag', objectId: '1000', parent: 907 }) +
    navItem(909, main, 9, { title: 'Gone', type: 'post_type', object: 'page', objectId: '424242' }) +
    navItem(910, main, 10, { title: `${SQL_LABEL}<b>bold</b>`, type: 'custom', object: 'custom', url: 'https://example.com/x?a=1&b=2' }) +
    navItem(911, main, 11, { title: 'Data', type: 'custom', object: 'custom', url: 'data:text/html,<script>alert(1)</script>' }) +
    navItem(912, main, 12, { title: 'Line\nbreak\tand tab', type: 'custom', object: 'custom', url: '//evil.example/x' }) +
    navItem(920, foot, 1, { type: 'post_type', object: 'post', objectId: '2' }) +
    navItem(921, foot, 2, { title: 'Home', type: 'custom', object: 'custom', url: 'https://gazette.example/', parent: 920 }) +
    FOOTER;
  const f = path.join(dir, 'hostile-menus.xml');
  fs.writeFileSync(f, xml);
  return f;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const dialect of DIALECTS) {
  describe(`WordPress menus, theme unit test data (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const run = (extra: Partial<ImportOptions> = {}) =>
      importWordPress(t.handle.db, { file: FIXTURE, mediaRoot: path.join(t.dataDir, 'media'), ipHashKey: KEY, now: NOW, ...extra });
    const audits = async () => (await t.handle.db.selectFrom('audit_log').select('detail').where('action', '=', 'menu.updated').execute()).length;
    let first: Awaited<ReturnType<typeof run>>;
    beforeAll(async () => {
      t = await freshDb(dialect);
      first = await run();
      app = await testApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('makes "All Pages" the primary menu, in order, with one level of nesting, and says what went where', async () => {
      const posts = await lookupAll(t.handle.db, SOURCE, 'post');
      const { menus } = await menusForEditing(t.handle.db);
      const items = menus.primary['*']!;
      expect(items.map((i) => [i.kind, i.ref, i.label])).toEqual(ALL_PAGES.map(([wp]) => ['page', String(posts.get(wp)), '']));
      expect(items.map((i) => i.depth)).toEqual(ALL_PAGES.map(([, d]) => Math.min(d, 1)));
      expect(menus.footer).toEqual({});
      expect(first.menus[0]).toMatch(/^primary\s+← "All Pages" \(all-pages\), the first menu .*: 18 link\(s\); set$/);
      expect(first.menus[1]).toMatch(/^footer\s+← none: no menu is named footer/);
      expect(first.menus[2]).toMatch(/^not imported: .*"Short" \(short\), 6 item\(s\).*"Social menu" \(social-menu\), 5 item\(s\)/);
      expect(first.menus.at(-1)).toContain('--menu-primary SLUG');
      expect(first.warnings).toContain(
        'Menu "All Pages" (all-pages): 3 link(s) nested more than one level deep now sit one level under their top-level link (the primary menu has one level of nesting).',
      );
      expect(first.get('menu_item').created).toBe(18);
      expect(first.format()).toContain('Menus (an export names no theme locations):');
      expect(await audits()).toBe(1);
    });

    it('pins the sticky post as a top story of the home page, once', async () => {
      expect(first.stickyPinned).toBe(1);
      expect(first.format()).toContain('Front page: 1 sticky post(s) pinned as top stories');
      const home = (await app.inject({ url: '/' })).body;
      expect(home).toContain('>Top stories</h2>');
      const top = home.slice(home.indexOf('id="latest-heading"'));
      expect(/class="card__link" href="\/([^"]+)\/"/.exec(top)?.[1]).toBe('template-sticky');
      expect((await run()).stickyPinned).toBe(0);
    });

    it('shows it on the masthead with local addresses, never the old host', async () => {
      const nav = masthead((await app.inject({ url: '/' })).body);
      const links = hrefs(nav);
      expect(links.length).toBe(18); // a dropdown's parent is its first link (the summary is none)
      for (const h of links) expect(h).toMatch(/^\/[^/]+\/$/);
      expect(nav).not.toContain('wpthemetestdata');
      const slugs = await t.handle.db.selectFrom('posts').select(['id', 'slug']).where('type', '=', 'page').execute();
      const posts = await lookupAll(t.handle.db, SOURCE, 'post');
      const slugOf = (wp: string) => slugs.find((s) => s.id === posts.get(wp))!.slug;
      // "Page B" (174) is a dropdown holding its child and grandchildren, in order.
      const group = nav.split('<li class="mainnav__group">').find((g) => g.includes(`href="/${slugOf('174')}/"`))!;
      expect(hrefs(group.split('</details>')[0]!)).toEqual(['174', '173', '172', '746', '748', '742', '744'].map((w) => `/${slugOf(w)}/`));
    });

    it('re-imports to the same menus without a new audit entry', async () => {
      const before = (await menusForEditing(t.handle.db)).menus;
      const again = await run();
      expect((await menusForEditing(t.handle.db)).menus).toEqual(before);
      expect(again.menus[0]).toContain('unchanged');
      expect(again.get('menu_item').matched).toBe(18);
      expect(await audits()).toBe(1);
    });

    it('takes the menus the options name: sections on the masthead, a flat footer', async () => {
      const r = await run({ menus: { primary: 'testing-menu', footer: 'short' } });
      expect(r.menus[0]).toMatch(
        /^primary\s+← "Testing Menu" \(testing-menu\), chosen with --menu-primary: 6 link\(s\); replaced the menu the last import set$/,
      );
      expect(r.menus[1]).toMatch(/^footer\s+← "Short" \(short\), chosen with --menu-footer: 6 link\(s\); set$/);
      expect(r.warnings.some((w) => w.startsWith('Menu "Testing Menu" (testing-menu): 17 link(s) that lead nowhere ("#"'))).toBe(true);
      expect(r.warnings).toContain('Menu "Short" (short): 3 nested link(s) now follow their parent at the top level (the footer menu is flat).');
      const { menus } = await menusForEditing(t.handle.db);
      expect(menus.footer['*']!.map((i) => i.depth)).toEqual([0, 0, 0, 0, 0, 0]);
      const nav = masthead((await app.inject({ url: '/' })).body);
      const links = hrefs(nav);
      expect(links.filter((h) => h.startsWith('/category/')).length).toBe(3);
      expect(links).toContain('https://wordpressfoundation.org/');
      expect(nav).not.toContain('wpthemetestdata');
      const home = (await app.inject({ url: '/' })).body;
      expect(/<ul class="footer__links">[\s\S]*?<\/ul>/.exec(home)?.[0]).toMatch(/href="\/[^"/]+\/"/);
    });

    it('keeps a menu an editor changed since, unless told to replace it; a dry run writes nothing', async () => {
      const db = t.handle.db;
      const current = (await menusForEditing(db)).menus.primary['*']!;
      await editMenu(db, { location: 'primary', language: '*', version: menuVersion(current), ops: [{ op: 'remove', index: 0 }] }, cliActor, NOW);
      const edited = (await menusForEditing(db)).menus;
      const kept = await run({ menus: { primary: 'all-pages', footer: 'none' } });
      expect(kept.menus[0]).toContain('NOT replaced: it was changed in Broadsheet since the last import');
      expect(kept.menus[1]).toMatch(/^footer\s+← none: left alone \(--menu-footer none\)/);
      expect((await menusForEditing(db)).menus).toEqual(edited);
      const count = await audits();
      const dry = await run({ menus: { primary: 'all-pages', replace: true }, dryRun: true });
      expect(dry.menus[0]).toContain('replaced the menu');
      expect((await menusForEditing(db)).menus).toEqual(edited);
      expect(await audits()).toBe(count);
      const replaced = await run({ menus: { primary: 'all-pages', footer: 'none', replace: true } });
      expect(replaced.menus[0]).toContain('18 link(s); replaced');
      expect((await menusForEditing(db)).menus.primary['*']!.length).toBe(18);
    });

    it('refuses a menu slug the file lacks before writing anything', async () => {
      const before = await menusForEditing(t.handle.db);
      const count = await audits();
      await expect(run({ menus: { primary: 'nope' } })).rejects.toThrow(MenuOptionError);
      await expect(run({ menus: { footer: 'nope' } })).rejects.toThrow(/its menus: all-pages, all-pages-flat, empty-menu, short, testing-menu, social-menu/);
      expect(await menusForEditing(t.handle.db)).toEqual(before);
      expect(await audits()).toBe(count);
    });
  });

  describe(`WordPress menus, a hostile export (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let report: Awaited<ReturnType<typeof importWordPress>>;
    beforeAll(async () => {
      t = await freshDb(dialect);
      report = await importWordPress(t.handle.db, { file: hostileFile(), mediaRoot: path.join(t.dataDir, 'media'), ipHashKey: KEY, now: NOW });
      app = await testApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('stores what is sound, by name, and reports everything it refused or changed', async () => {
      const db = t.handle.db;
      expect(report.menus[0]).toMatch(/^primary\s+← "Main Menu" \(main-menu\), its name says primary, main, header or top: 8 link\(s\); set$/);
      expect(report.menus[1]).toMatch(/^footer\s+← "Footer Links" \(footer-links\), its name says footer: 2 link\(s\); set$/);
      expect(report.menus[2]).toBe('not imported: "Social" (social), empty');
      const cat = async (slug: string) => String((await db.selectFrom('categories').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id);
      const tag = String((await db.selectFrom('tags').select('id').where('slug', '=', 'topic-1').executeTakeFirstOrThrow()).id);
      const { menus } = await menusForEditing(db);
      expect(menus.primary['*']).toEqual([
        { kind: 'category', ref: await cat('section-1'), label: `${'A'.repeat(79)}…`, depth: 0 },
        { kind: 'url', ref: '/story-1/', label: 'Story one', depth: 0 },
        { kind: 'url', ref: 'https://example.org/a', label: 'Loop A', depth: 0 },
        { kind: 'url', ref: 'https://example.org/b', label: 'Loop B', depth: 1 },
        { kind: 'category', ref: await cat('section-2'), label: '', depth: 0 },
        { kind: 'category', ref: await cat('section-3'), label: '', depth: 1 },
        { kind: 'tag', ref: tag, label: '', depth: 1 },
        { kind: 'url', ref: 'https://example.com/x?a=1&b=2', label: `${SQL_LABEL}bold`, depth: 0 },
      ]);
      expect(menus.footer['*']).toEqual([
        { kind: 'url', ref: '/story-2/', label: 'Story number 2', depth: 0 },
        { kind: 'url', ref: '/', label: 'Home', depth: 0 },
      ]);
      const w = report.warnings.filter((x) => x.startsWith('Menu '));
      const has = (re: RegExp) =>
        expect(
          w.some((x) => re.test(x)),
          String(re),
        ).toBe(true);
      has(/"Click me": left out: its address "javascript:alert\(document.cookie\)" is not an http\(s\) link/);
      has(/"Data": left out: its address "data:text\/html/);
      has(/"Line break and tab": left out: its address "\/\/evil.example\/x" is too long, malformed or not http\(s\)/);
      has(/link "A{40,}…": its label is longer than 80 characters; it is cut/);
      has(/"Story one": its parent \(item "999"\) is not in the menu; it is placed at the top level/);
      has(/"Loop A": its parents form a loop; it is placed at the top level/);
      has(/"Gone": left out: its page \("424242"\) was not imported/);
      has(/Menu "Main Menu" \(main-menu\): 1 link\(s\) nested more than one level deep/);
      has(/Menu "Footer Links" \(footer-links\): 1 nested link\(s\) now follow their parent/);
      expect(report.get('menu_item')).toEqual({ created: 10, updated: 0, matched: 0, skipped: 4 });
      // Nothing else broke: both posts are there, and the page renders the menu escaped.
      expect((await db.selectFrom('posts').select('id').execute()).length).toBe(2);
      const html = (await app.inject({ url: '/' })).body;
      const nav = masthead(html);
      expect(nav).toContain("'; DROP TABLE posts; -- &quot;x&quot;");
      expect(nav).not.toMatch(/javascript:|data:|evil\.example|<b>/);
    });

    it('refuses an invalid menu as a whole: nothing half-written', async () => {
      const db = t.handle.db;
      const before = await menusForEditing(db);
      await expect(
        importMenus(
          db,
          {
            source: 'x',
            replace: true,
            menus: {
              primary: { items: [{ kind: 'url', ref: '/fine/', label: 'Fine', depth: 0 }], from: 'a test' },
              footer: { items: [{ kind: 'url', ref: 'javascript:alert(1)', label: 'Bad', depth: 0 }], from: 'a test' },
            },
          },
          cliActor,
          NOW,
        ),
      ).rejects.toThrow(/https:\/\//);
      expect(await menusForEditing(db)).toEqual(before);
    });
  });
}
