/**
 * The article form without JavaScript: its textarea holds the whole document as text (Markdown
 * plus [figure] and [social-post] lines), so saving from it keeps figures, quoted posts,
 * quotations, headings, lists and formatting. An unchanged save changes nothing; an edited one
 * changes only what was edited; a malformed line is a 400 naming the line, with nothing saved.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { a as link, b, doc, figure, gallery, h, p, quote, quoteCard, ul } from '../../../../src/modules/article/document.js';
import type { ArticleDocument } from '../../../../src/modules/article/document.js';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { insertAuthorsReturningIds } from '../../../../src/modules/author/author.repository.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { testImage } from '../../../helpers/fixture.js';
import { formFields } from '../../../helpers/form.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';

for (const dialect of DIALECTS) {
  describe(`article form without JavaScript (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Agent;
    const clock = new Clock();
    let photo: number;
    let portrait: number;
    let original: ArticleDocument;
    let id: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock });
      const db = t.handle.db;
      const mediaRoot = path.join(t.dataDir, 'media');
      const now = clock.now();
      photo = await storeImage(db, mediaRoot, {
        fileName: 'harbour.jpg',
        bytes: await testImage(),
        alt: 'Cranes over the harbour',
        caption: 'The harbour',
        credit: 'Lena Park',
        folder: 'test',
        now,
      });
      portrait = await storeImage(db, mediaRoot, {
        fileName: 'lind.jpg',
        bytes: await testImage(400, 500, '#555555'),
        alt: 'Maria Lind at her desk',
        caption: '',
        credit: '',
        folder: 'test',
        now,
      });
      const author = (
        await db
          .insertInto('authors')
          .values({ slug: 'ana', name: 'Ana Berg', role_title: '', bio: '', avatar_media_id: null, user_id: null, created_at: now.toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      original = doc(
        p('The harbour reopened on ', b('Monday'), ' after ', link('three weeks', 'https://example.org/closure'), ' of repairs.'),
        figure({ mediaId: photo, alt: 'Cranes over the harbour at dawn', caption: 'The northern quay, "Pier 4"', credit: 'Lena Park', align: 'wide' }),
        h(2, 'What changes for ships'),
        ul('Longer berths', 'A new pilot boat'),
        figure({ mediaId: portrait, alt: 'Maria Lind at her desk', caption: 'Maria Lind, harbour master', credit: '', align: 'left' }),
        quote('We are open for business again.', 'Maria Lind, harbour master'),
        quoteCard({
          author: 'Port of Velmar',
          handle: '@velmarport',
          date: '2026-11-18T09:30:00.000Z',
          text: 'Berths 1–4 are open.\n\nPilots on duty from 06:00.',
          url: 'https://social.example/@velmarport/1',
          network: 'Mastodon',
        }),
        p('Prices * and _costs_ stay [as] they were.'),
        gallery(
          2,
          [
            figure({ mediaId: photo, alt: 'The quay', caption: 'The quay at dawn', credit: 'Lena Park', align: 'center' }),
            figure({ mediaId: portrait, alt: 'Maria Lind', caption: 'Maria Lind', credit: '', align: 'center' }),
          ],
          'The harbour, reopened',
        ),
      );
      id = await createArticle(
        db,
        {
          slug: 'harbour-reopens',
          title: 'The harbour reopens',
          excerpt: 'After repairs.',
          body: original,
          authorIds: [author],
          status: 'published',
          publishedAt: now.toISOString(),
        },
        now,
      );
      editor = await signedIn(app, t, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const bodyOf = async () => {
      const row = await t.handle.db.selectFrom('posts').select(['body_doc', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
      return { doc: JSON.parse(row.body_doc) as ArticleDocument, html: row.body_html };
    };
    /** The form as the browser would send it, after `edit` changed the textarea. */
    const save = async (edit: (text: string) => string = (x) => x) => {
      const page = await editor.get(`/admin/articles/${id}`);
      expect(page.statusCode).toBe(200);
      const fields = formFields(page.body, `/admin/articles/${id}`, { name: 'intent', value: 'save' });
      expect(fields.body_format).toBe('text');
      fields.body_text = edit(fields.body_text as string).replace(/\n/g, '\r\n');
      clock.advance(1000);
      return editor.postRaw(`/admin/articles/${id}`, fields);
    };

    it('the textarea shows the figures, the quoted post and the formatting as text', async () => {
      const page = await editor.get(`/admin/articles/${id}`);
      const text = formFields(page.body, `/admin/articles/${id}`).body_text as string;
      expect(text).toContain(
        `[figure image=${photo} align="wide" alt="Cranes over the harbour at dawn" caption="The northern quay, \\"Pier 4\\"" credit="Lena Park"]`,
      );
      expect(text).toContain(`[figure image=${portrait} align="left" alt="Maria Lind at her desk" caption="Maria Lind, harbour master"]`);
      expect(text).toContain('[social-post author="Port of Velmar" handle="@velmarport"');
      expect(text).toContain('Berths 1–4 are open.\n\nPilots on duty from 06:00.\n[/social-post]');
      expect(text).toContain('## What changes for ships');
      expect(text).toContain('> We are open for business again.\n> — Maria Lind, harbour master');
      expect(text).toContain('The harbour reopened on **Monday** after [three weeks](<https://example.org/closure>) of repairs.');
      expect(text).toContain('Prices \\* and \\_costs\\_ stay \\[as\\] they were.');
      expect(text).toContain(`[gallery columns=2 caption="The harbour, reopened"]\n[figure image=${photo} alt="The quay"`);
      expect(page.body).not.toContain('keeps only the text as paragraphs');
      // The article's own text takes its direction from its first letters (Persian reads right to left).
      const tag = (name: string, id: string) => new RegExp(`<${name}\\b[^>]*\\bid="${id}"[^>]*>`).exec(page.body)?.[0] ?? '';
      expect(tag('textarea', 'body-text')).toContain('dir="auto"');
      expect(tag('input', 'title')).toContain('dir="auto"');
    });

    it('an unchanged save keeps the document exactly: both figures, the quoted post and every mark', async () => {
      const before = await bodyOf();
      const res = await save();
      expect(res.statusCode, res.body).toBe(303);
      const after = await bodyOf();
      expect(after.doc).toEqual(original);
      expect(after.doc.content.filter((x) => x.type === 'figure')).toHaveLength(2);
      expect(after.html).toBe(before.html);
      expect(after.html.match(/<figure class="figure figure--/g)).toHaveLength(2);
      expect(after.html).toContain('class="quote-card"');
      // The gallery: its two images, each with its caption, and its own caption once.
      expect(after.doc.content.at(-1)).toMatchObject({ type: 'gallery', attrs: { columns: 2, caption: 'The harbour, reopened' } });
      expect(after.html.match(/<figure class="figure gallery__item">/g)).toHaveLength(2);
      expect(after.html.match(/The harbour, reopened/g)).toHaveLength(1);
    });

    it('an article with the most bylines the form takes (20) saves unchanged from its own form', async () => {
      const rows = Array.from({ length: 20 }, (_, i) => ({
        slug: `byline-${i}`,
        name: `Byline ${i}`,
        role_title: '',
        bio: '',
        created_at: clock.now().toISOString(),
      }));
      const ids = await insertAuthorsReturningIds(t.handle.db, rows);
      const many = await createArticle(t.handle.db, { slug: 'many-bylines', title: 'Many bylines', body: doc(p('Text.')), authorIds: ids }, clock.now());
      const page = await editor.get(`/admin/articles/${many}`);
      const fields = formFields(page.body, `/admin/articles/${many}`, { name: 'intent', value: 'save' });
      expect([fields.author].flat().filter(Boolean)).toHaveLength(20);
      const res = await editor.postRaw(`/admin/articles/${many}`, fields);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      const linked = await t.handle.db.selectFrom('post_authors').select('author_id').where('post_id', '=', many).orderBy('position').execute();
      expect(linked.map((r) => r.author_id)).toEqual(ids);
    });

    it('an edited save changes what was edited and keeps everything else', async () => {
      const res = await save((x) =>
        x
          .replace('**Monday**', '**Monday morning**')
          .replace('caption="Maria Lind, harbour master"]', 'caption="Maria Lind, harbour master of Velmar"]')
          .replace('Berths 1–4 are open.', 'Berths 1–5 are open.'),
      );
      expect(res.statusCode, res.body).toBe(303);
      const { doc: saved, html } = await bodyOf();
      expect(saved.content.map((x) => x.type)).toEqual(original.content.map((x) => x.type));
      expect(saved.content[0]).toEqual(
        p('The harbour reopened on ', b('Monday morning'), ' after ', link('three weeks', 'https://example.org/closure'), ' of repairs.'),
      );
      expect(saved.content[1]).toEqual(original.content[1]);
      expect(saved.content[4]).toEqual(
        figure({ mediaId: portrait, alt: 'Maria Lind at her desk', caption: 'Maria Lind, harbour master of Velmar', credit: '', align: 'left' }),
      );
      expect(saved.content[5]).toEqual(original.content[5]);
      expect(saved.content[6]).toMatchObject({
        type: 'quoteCard',
        attrs: { author: 'Port of Velmar', text: 'Berths 1–5 are open.\n\nPilots on duty from 06:00.', date: '2026-11-18T09:30:00.000Z' },
      });
      expect(saved.content[7]).toEqual(original.content[7]);
      expect(html).toContain('Maria Lind, harbour master of Velmar');
      expect(html.match(/<figure class="figure figure--/g)).toHaveLength(2);
      expect(saved.content[8]).toEqual(original.content[8]);
    });

    it('Markdown typed into the textarea becomes headings, quotations, lists and links', async () => {
      const res = await save((x) => `${x}\n\n### Timeline\n\n1. Closed\n2. Repaired\n\n> Open again.\n> — The port\n\nSee [the notice](/notices/).`);
      expect(res.statusCode, res.body).toBe(303);
      const { doc: saved, html } = await bodyOf();
      expect(saved.content.slice(-4)).toEqual([
        h(3, 'Timeline'),
        {
          type: 'orderedList',
          content: [
            { type: 'listItem', content: [p('Closed')] },
            { type: 'listItem', content: [p('Repaired')] },
          ],
        },
        quote('Open again.', 'The port'),
        p('See ', link('the notice', '/notices/'), '.'),
      ]);
      expect(html).toContain('<h3');
      expect(html).toContain('<cite>The port</cite>');
    });

    it('a figure written in Markdown (![alt](media:ID "caption")) is saved as a figure of that image', async () => {
      const res = await save((x) => `${x}\n\n![Maria Lind at work](media:${portrait} "Maria Lind, harbour master")`);
      expect(res.statusCode, res.body).toBe(303);
      const { doc: saved, html } = await bodyOf();
      expect(saved.content.at(-1)).toEqual(
        figure({ mediaId: portrait, alt: 'Maria Lind at work', caption: 'Maria Lind, harbour master', credit: '', align: 'center' }),
      );
      expect(html).toContain('Maria Lind, harbour master</figcaption>');
      // The textarea then shows it as the [figure] line it is.
      expect((await editor.get(`/admin/articles/${id}`)).body).toContain(`[figure image=${portrait} alt=&quot;Maria Lind at work&quot;`);
    });

    it('a right-to-left article’s headline, standfirst and body are edited right to left, in its language', async () => {
      const fa = await createArticle(
        t.handle.db,
        { type: 'post', status: 'draft', slug: 'bandar-baz-shod', title: 'بندر باز شد', body: doc(p('متن خبر.')), language: 'fa', authorIds: [] },
        clock.now(),
      );
      const html = (await editor.get(`/admin/articles/${fa}`)).body;
      const tagOf = (field: string) => new RegExp(`<(?:input|textarea)[^>]*${field}[^>]*>`).exec(html)![0];
      for (const field of ['id="title"', 'id="excerpt"', 'id="body-text"']) {
        expect(tagOf(field), field).toContain('dir="rtl"');
        expect(tagOf(field), field).toContain('lang="fa"');
      }
      // An English article's fields keep dir=auto (a quoted Persian line still reads right to left).
      const en = (await editor.get(`/admin/articles/${id}`)).body;
      expect(/<input[^>]*id="title"[^>]*>/.exec(en)![0]).toContain('dir="auto"');
    });

    it('a malformed figure or post line is a 400 naming the line; nothing is saved and the text is kept', async () => {
      const before = await bodyOf();
      for (const [edit, message] of [
        [(x: string) => x.replace(`[figure image=${photo}`, '[figure image=abc'), 'could not be read'],
        [(x: string) => x.replace('[/social-post]', ''), 'has no [/social-post] line'],
        [(x: string) => x.replace(`[figure image=${portrait}`, `[figure image=${portrait} colour="red"`), 'has no field "colour"'],
        [(x: string) => x.replace('caption="Maria', 'caption="Maria\\q'), 'could not be read'],
        [(x: string) => `${x}\n\n[click](javascript:alert(1))`, 'must start with https://'],
        [(x: string) => `${x}\n\n[figure caption="no image"]`, 'needs image=N'],
      ] as const) {
        const res = await save(edit);
        expect(res.statusCode, message).toBe(400);
        expect(res.body).toContain(message.replace(/"/g, '&quot;'));
        expect(res.body).toContain('[social-post author=&quot;Port of Velmar&quot;');
        expect(await bodyOf()).toEqual(before);
      }
    });

    it('hostile text in a caption or a post is stored as text and shown escaped', async () => {
      const res = await save((x) =>
        x
          .replace('caption="The northern quay, \\"Pier 4\\""', 'caption="<img src=x onerror=alert(1)>"')
          .replace('Pilots on duty from 06:00.', '<script>alert(1)</script>'),
      );
      expect(res.statusCode, res.body).toBe(303);
      const { doc: saved, html } = await bodyOf();
      expect(saved.content[1]).toMatchObject({ attrs: { caption: '<img src=x onerror=alert(1)>' } });
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });
  });
}
