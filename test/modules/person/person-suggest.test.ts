/**
 * `broadsheet people suggest` (modules/person/person-suggest and its service): which captions and
 * citations name a person, on a corpus of our own (every caption form, names that are not, a
 * Persian caption, two spellings of one name, photo credits, hostile text) and on the WordPress
 * theme unit test data as the importer stores it; then, on both databases, the candidates counted
 * over the site, and --apply creating the people, attributing the captions and quotations so the
 * names link, linking the articles, and changing nothing the second time.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWordPress } from '../../../src/import/wordpress/import-wordpress.js';
import { createArticle, setArticleStatus } from '../../../src/modules/article/article.service.js';
import { doc, figure, p, quote, type ArticleDocument, type Block } from '../../../src/modules/article/document.js';
import { storeImage } from '../../../src/modules/media/media.service.js';
import { candidatesOf, mentionsIn, readMention } from '../../../src/modules/person/person-suggest.js';
import { applySuggestions, suggestPeople } from '../../../src/modules/person/person-suggest.service.js';
import { peopleOfPost } from '../../../src/modules/person/person.repository.js';
import { createPerson } from '../../../src/modules/person/person.service.js';
import { cliActor } from '../../../src/modules/user/user.js';
import { NOW } from '../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { testImage } from '../../helpers/fixture.js';

const cap = (caption: string, mediaId = 1, credit = ''): Block => figure({ mediaId, caption, ...(credit ? { credit } : {}) });
const html = (h: string): Block => ({ type: 'html', attrs: { html: h } });

/** Our corpus: one small article per case. */
const CORPUS: { slug: string; body: ArticleDocument; type?: 'page'; status?: 'draft' | 'trash' }[] = [
  { slug: 'comma', body: doc(p('The harbour reopens.'), cap('Maria Lind, harbour master')) },
  { slug: 'semicolon', body: doc(cap('Maria Lind ; harbour master of Kalmar')) },
  { slug: 'dash', body: doc(cap('Omar Haddad — railway engineer. He designed the bridge.')) },
  { slug: 'lower-case', body: doc(cap('maria lind, harbour master')) },
  { slug: 'accent', body: doc(quote('We waited twenty years.', 'María Lind, harbour master')) },
  { slug: 'bare-citation', body: doc(quote('Trains return.', '— Omar Haddad')) },
  { slug: 'particles', body: doc(cap('Ana de la Cruz, mayor'), cap('Bashar al-Hakim; poet'), cap('Pieter van den Berg — cellist')) },
  {
    slug: 'not-names',
    body: doc(
      cap('View from the bridge, 2019'),
      cap('Photo: Lena Park'),
      cap('Golden Gate Bridge'),
      cap('Bank Of England, London'),
      cap('BBC News, London'),
      cap('The Harbour Board, in session'),
      cap('Sea and rocks, Plimmerton, New Zealand'),
      cap('Maria Lind (harbour master)'),
      cap('Ships At Anchor, Kalmar'),
      cap('Ends Here Today., harbour'),
      quote('Code is poetry.', 'Automattic'),
    ),
  },
  {
    slug: 'credits',
    body: doc(cap('Omar Haddad, railway engineer. Photo: Lena Park'), cap('The new station', 1, 'Jon Berg / Agency'), cap('Jon Berg, photographer')),
  },
  {
    slug: 'persian',
    body: doc(cap('محمد رضا شجریان، خواننده'), cap('نمایی از پل، ۱۳۹۸'), cap('تهران، ایران'), quote('سخن', 'محمد رضا شجریان، خواننده')),
  },
  {
    slug: 'imported-html',
    type: 'page',
    status: 'draft',
    body: doc(
      html('<figure><img src="/x.jpg" alt=""><figcaption>Lena Okafor, climate scientist</figcaption></figure>'),
      html('<p>&quot;Code is poetry.&quot; --<cite>Robert Frost</cite></p>'),
      p('[caption id="attachment_9" align="alignleft" width="300"]<img src="/y.jpg"> Omar Haddad, railway engineer[/caption]'),
    ),
  },
  { slug: 'binned', status: 'trash', body: doc(cap('Trash Person, nobody')) },
  {
    slug: 'hostile',
    body: doc(
      cap('<script>alert(1)</script>, role'),
      cap("Robert'); DROP TABLE people;--, hacker"),
      cap(`${'Abcdefghij '.repeat(200)}, long`),
      cap(`Zed Quill, ${'x'.repeat(500)}`),
      quote('…', '"><img src=x onerror=alert(1)>'),
    ),
  },
];

describe('reading a caption or a citation', () => {
  it('takes "Name, role", "Name ; role", "Name — role" and a bare citation', () => {
    expect(readMention('Maria Lind, harbour master', 'caption')).toMatchObject({ name: 'Maria Lind', role: 'harbour master', shaped: true });
    expect(readMention('Maria Lind ; harbour master', 'caption')).toMatchObject({ name: 'Maria Lind', role: 'harbour master' });
    expect(readMention('Omar Haddad — railway engineer. He designed it.', 'caption')).toMatchObject({ name: 'Omar Haddad', role: 'railway engineer' });
    expect(readMention('— Mark Twain', 'citation')).toMatchObject({ name: 'Mark Twain', role: '' });
    expect(readMention('Zoë O’Neill, nurse', 'caption')).toMatchObject({ name: 'Zoë O’Neill', key: 'zoe o neill' });
    expect(readMention('J. K. Rowling, writer', 'caption')).toMatchObject({ name: 'J. K. Rowling' });
    expect(readMention('Dr Leila Arman, director of public health', 'caption')).toMatchObject({ name: 'Leila Arman', key: 'leila arman' });
    expect(readMention('Prof. Sir Ian Wood — geologist', 'caption')).toMatchObject({ name: 'Ian Wood' });
    expect(readMention('Dr Who, a series', 'caption')).toBeNull();
    expect(readMention('محمد رضا شجریان، خواننده', 'caption')).toMatchObject({ name: 'محمد رضا شجریان', role: 'خواننده' });
  });

  it('refuses what is not a person', () => {
    for (const [text, source] of [
      ['View from the bridge, 2019', 'caption'],
      ['Photo: Lena Park', 'caption'],
      ['Golden Gate Bridge', 'caption'],
      ['Bank Of England, London', 'caption'],
      ['BBC News, London', 'caption'],
      ['The Gutenberg Team', 'citation'],
      ['Maria Lind (harbour master)', 'caption'],
      ['Lena Park, 2019', 'caption'],
      ['Citation', 'citation'],
      ['Όλες οι μαμάδες', 'citation'],
      ['محمد رضا شجریان', 'citation'],
      ['تهران، ایران', 'caption'],
      ['نمایی از پل، ۱۳۹۸', 'caption'],
      ['One Two Three Four Five Six, too many', 'caption'],
      ['<script>alert(1)</script>, role', 'caption'],
    ] as const)
      expect(readMention(text, source), text).toBeNull();
    // In lower case it counts only for a name written with capitals elsewhere.
    expect(readMention('multiple contributors', 'citation')).toMatchObject({ shaped: false });
    expect(candidatesOf([{ postId: 1, mentions: [readMention('multiple contributors', 'citation')!] }])).toEqual([]);
    // A role too long to be one (a paragraph pasted as a caption) is not taken either.
    expect(readMention(`Zed Quill, ${'x'.repeat(500)}`, 'caption')).toBeNull();
  });
});

describe('candidates from our own corpus (no database)', () => {
  const articles = CORPUS.filter((a) => a.status !== 'trash').map((a, i) => ({ postId: i + 1, mentions: mentionsIn(a.body) }));
  const credits = new Set(['lena park', 'jon berg']);
  const list = candidatesOf(articles, credits);

  it('groups spellings, keeps the commonest role, sorts by articles then name, leaves out credits', () => {
    expect(list.map((c) => [c.name, c.role, c.articles])).toEqual([
      ['Maria Lind', 'harbour master', 4],
      ['Omar Haddad', 'railway engineer', 4],
      ['Ana de la Cruz', 'mayor', 1],
      ['Bashar al-Hakim', 'poet', 1],
      ['Lena Okafor', 'climate scientist', 1],
      ['Pieter van den Berg', 'cellist', 1],
      ['Robert Frost', '', 1],
      ['محمد رضا شجریان', 'خواننده', 1],
    ]);
    expect(list.find((c) => c.name === 'Maria Lind')).toMatchObject({ captions: 3, citations: 1 });
  });
});

const FIXTURE = path.resolve('test/fixtures/wxr/themeunittestdata.wordpress.xml');

for (const dialect of DIALECTS) {
  describe(`people suggest on the site (${dialect})`, () => {
    let t: TestDb;
    const ids = new Map<string, number>();
    beforeAll(async () => {
      t = await freshDb(dialect);
      const db = t.handle.db;
      const photo = await storeImage(db, `${t.dataDir}/media`, { fileName: 'a.jpg', bytes: await testImage(300, 200), alt: '', folder: 'x', now: NOW });
      await createPerson(db, { name: 'Omar Haddad', description: 'Engineer', photoId: null, links: [], note: '' }, cliActor, NOW);
      for (const a of CORPUS) {
        const body = JSON.parse(JSON.stringify(a.body).replaceAll('"mediaId":1', `"mediaId":${photo}`)) as ArticleDocument;
        const id = await createArticle(
          db,
          {
            slug: a.slug,
            title: a.slug,
            body,
            type: a.type ?? 'post',
            status: a.status === 'trash' ? 'draft' : (a.status ?? 'published'),
            publishedAt: NOW.toISOString(),
          },
          NOW,
        );
        if (a.status === 'trash') await setArticleStatus(db, id, 'trash', NOW);
        ids.set(a.slug, id);
      }
    });
    afterAll(async () => {
      await t?.cleanup();
    });
    const rowOf = (slug: string) =>
      t.handle.db.selectFrom('posts').select(['body_doc', 'body_html']).where('id', '=', ids.get(slug)!).executeTakeFirstOrThrow();
    const counts = async () => ({
      people: Number(
        (
          await t.handle.db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      links: Number(
        (
          await t.handle.db
            .selectFrom('post_people')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      audit: Number(
        (
          await t.handle.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });

    it('lists the candidates of every post and page but the trash, says who is at People, and writes nothing', async () => {
      const before = await counts();
      const { candidates, articles } = await suggestPeople(t.handle.db);
      expect(articles).toBe(CORPUS.length - 1);
      expect(candidates.map((c) => [c.name, c.articles, c.personId !== null])).toEqual([
        ['Maria Lind', 4, false],
        ['Omar Haddad', 4, true],
        ['Ana de la Cruz', 1, false],
        ['Bashar al-Hakim', 1, false],
        ['Lena Okafor', 1, false],
        ['Pieter van den Berg', 1, false],
        ['Robert Frost', 1, false],
        ['محمد رضا شجریان', 1, false],
      ]);
      // Jon Berg is credited with a photo: not suggested although a caption names him.
      expect(candidates.some((c) => c.name === 'Jon Berg' || c.name === 'Lena Park' || c.name === 'Trash Person')).toBe(false);
      expect(await counts()).toEqual(before);
    });

    it('--apply creates the people, attributes captions and quotations, links the articles; a second run changes nothing', async () => {
      const db = t.handle.db;
      const { candidates } = await suggestPeople(db);
      const pageBefore = (await rowOf('imported-html')).body_doc;
      const chosen = candidates.filter((c) => ['Maria Lind', 'Omar Haddad', 'Lena Okafor', 'محمد رضا شجریان'].includes(c.name));
      const r = await applySuggestions(db, chosen, cliActor, NOW);
      expect(r.created.map((c) => c.name).sort()).toEqual(['Lena Okafor', 'Maria Lind', 'محمد رضا شجریان']);
      const maria = await db.selectFrom('people').selectAll().where('name', '=', 'Maria Lind').executeTakeFirstOrThrow();
      expect(maria.description).toBe('harbour master');
      const omar = await db.selectFrom('people').selectAll().where('name', '=', 'Omar Haddad').executeTakeFirstOrThrow();
      expect(omar.description).toBe('Engineer');

      // The captions and the citation now link to Maria's page, the words as written.
      expect((await rowOf('comma')).body_html).toContain('<a class="figure__person" href="/people/maria-lind/">Maria Lind</a>, harbour master');
      expect((await rowOf('lower-case')).body_html).toContain('<a class="figure__person" href="/people/maria-lind/">maria lind</a>, harbour master');
      expect((await rowOf('accent')).body_html).toContain('<a class="quote__person" href="/people/maria-lind/">María Lind, harbour master</a>');
      expect((await rowOf('bare-citation')).body_html).toContain(`<a class="quote__person" href="/people/${omar.slug}/">— Omar Haddad</a>`);
      expect((await rowOf('persian')).body_html).toContain('class="figure__person"');
      for (const slug of ['comma', 'semicolon', 'lower-case', 'accent'])
        expect(
          (await peopleOfPost(db, ids.get(slug)!)).map((l) => [l.person.name, l.role, l.picked]),
          slug,
        ).toEqual([['Maria Lind', 'quoted', false]]);
      // Inside imported HTML the words cannot be attributed: the page is linked (as chosen, so a later save keeps it).
      const page = ids.get('imported-html')!;
      expect((await peopleOfPost(db, page)).map((l) => [l.person.name, l.role, l.picked]).sort()).toEqual([
        ['Lena Okafor', 'quoted', true],
        ['Omar Haddad', 'quoted', true],
      ]);
      expect((await rowOf('imported-html')).body_doc).toBe(pageBefore);
      // The photo credit is not attributed, nor the names not chosen.
      expect(JSON.parse((await rowOf('particles')).body_doc).content.some((b: Block) => b.type === 'figure' && b.attrs.personId !== undefined)).toBe(false);
      expect(r.purge).toEqual(expect.arrayContaining([`post:${ids.get('comma')}`, `person-list:${maria.id}`, `person-list:${omar.id}`]));
      const audit = await db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'person.linked').execute();
      expect(audit.length).toBe(r.articles);
      expect(audit.map((a) => a.target_id)).toContain(ids.get('comma'));

      const before = await counts();
      const bodies = await db.selectFrom('posts').select(['id', 'body_html']).orderBy('id').execute();
      const again = await applySuggestions(
        db,
        (await suggestPeople(db)).candidates.filter((c) => chosen.some((x) => x.key === c.key)),
        cliActor,
        NOW,
      );
      expect(again).toMatchObject({ created: [], articles: 0, attributed: 0, purge: [] });
      expect(await counts()).toEqual(before);
      expect(await db.selectFrom('posts').select(['id', 'body_html']).orderBy('id').execute()).toEqual(bodies);
    });

    it('finds the people the theme unit test data names, once imported', async () => {
      const w = await freshDb(dialect);
      try {
        const uploads = path.join(w.dataDir, 'uploads');
        const xml = fs.readFileSync(FIXTURE, 'utf8');
        const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#446688' } })
          .jpeg()
          .toBuffer();
        for (const m of xml.matchAll(/<wp:attachment_url>(?:<!\[CDATA\[)?https:\/\/wpthemetestdata\.files\.wordpress\.com\/([^<\]]+\.jpe?g)/gi)) {
          fs.mkdirSync(path.join(uploads, path.dirname(m[1]!)), { recursive: true });
          fs.writeFileSync(path.join(uploads, m[1]!), jpeg);
        }
        await importWordPress(w.handle.db, {
          file: FIXTURE,
          mediaDir: uploads,
          mediaRoot: path.join(w.dataDir, 'media'),
          ipHashKey: Buffer.alloc(32, 7),
          now: NOW,
          related: false,
        });
        const { candidates } = await suggestPeople(w.handle.db);
        // Its captions are places and things ("Boats and reflections, Royal Perth Yacht Club"): none is a person.
        // Its citations: Mark Twain and Johannes Gutenberg in blocks, Robert Frost in <cite> of imported HTML, and
        // "Theme Reviewer" and "Theme Review", which look like names (an editor leaves them out with --only).
        expect(candidates.map((c) => [c.name, c.articles, c.captions, c.citations])).toEqual([
          ['Robert Frost', 3, 0, 3],
          ['Theme Reviewer', 3, 0, 4],
          ['Johannes Gutenberg', 1, 0, 1],
          ['Mark Twain', 1, 0, 1],
          ['Theme Review', 1, 0, 1],
        ]);
        const twain = candidates.filter((c) => c.name === 'Mark Twain');
        const r = await applySuggestions(w.handle.db, twain, cliActor, NOW);
        expect(r).toMatchObject({ articles: 1, attributed: 1 });
        const html = await w.handle.db.selectFrom('posts').select('body_html').where('id', '=', twain[0]!.postIds[0]!).executeTakeFirstOrThrow();
        expect(html.body_html).toContain('<cite><a class="quote__person" href="/people/mark-twain/">Mark Twain</a></cite>');
      } finally {
        await w.cleanup();
      }
    }, 120_000);
  });
}
