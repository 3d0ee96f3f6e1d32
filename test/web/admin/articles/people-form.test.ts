/**
 * People in the article form (no JavaScript): the "About" and "Quoted" fields take one person a
 * line; a name nobody has becomes a new person ("Name, role" gives the role); the edit page shows
 * them back and an unchanged save keeps them and every attribution in the body (the quotation's
 * and the photo's person); a line taken out unlinks the person; hostile lines are refused with a
 * message and nothing is saved.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, figure, p, type ArticleDocument } from '../../../../src/modules/article/document.js';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { createPerson } from '../../../../src/modules/person/person.service.js';
import { cliActor } from '../../../../src/modules/user/user.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { testImage } from '../../../helpers/fixture.js';
import { formFields } from '../../../helpers/form.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';

for (const dialect of DIALECTS) {
  describe(`people in the article form (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Agent;
    const clock = new Clock();
    let id: number;
    let maria: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock });
      const db = t.handle.db;
      const now = clock.now();
      const portrait = await storeImage(db, path.join(t.dataDir, 'media'), {
        fileName: 'lind.jpg',
        bytes: await testImage(400, 500, '#555555'),
        alt: 'Maria Lind at her desk',
        folder: 'test',
        now,
      });
      maria = (await createPerson(db, { name: 'Maria Lind', description: 'Harbour master', photoId: portrait, links: [], note: '' }, cliActor, now)).id;
      const body: ArticleDocument = doc(
        p('The harbour reopened.'),
        figure({ mediaId: portrait, alt: '', caption: 'Maria Lind, harbour master', credit: '', align: 'left', personId: maria }),
        { type: 'blockquote', attrs: { citation: 'Maria Lind', personId: maria }, content: [p('We are open again.')] },
      );
      id = await createArticle(db, { slug: 'harbour-reopens', title: 'The harbour reopens', body, status: 'published', publishedAt: now.toISOString() }, now);
      editor = await signedIn(app, t, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const links = async () =>
      (
        await t.handle.db
          .selectFrom('post_people')
          .innerJoin('people', 'people.id', 'post_people.person_id')
          .select(['people.name', 'people.description', 'post_people.role', 'post_people.picked'])
          .where('post_id', '=', id)
          .orderBy('position')
          .execute()
      ).map((r) => `${r.role}:${r.name}${r.description ? `, ${r.description}` : ''}${r.picked ? '' : ' (cited)'}`);

    const save = async (edit: (f: Record<string, string | string[]>) => void = () => {}) => {
      const page = await editor.get(`/admin/articles/${id}`);
      expect(page.statusCode).toBe(200);
      const fields = formFields(page.body, `/admin/articles/${id}`, { name: 'intent', value: 'save' });
      edit(fields);
      clock.advance(1000);
      return editor.postRaw(`/admin/articles/${id}`, fields);
    };

    it('links the people typed in, adding the new ones, and shows them back', async () => {
      expect(await links()).toEqual(['quoted:Maria Lind, Harbour master (cited)']);
      const res = await save((f) => {
        f.people_about = 'Omar Haddad, economist\r\nmaria lind';
        f.people_quoted = 'Lena Park ; photographer';
      });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      expect(await links()).toEqual([
        'subject:Omar Haddad, economist',
        'subject:Maria Lind, Harbour master',
        'quoted:Lena Park, photographer',
        'quoted:Maria Lind, Harbour master (cited)',
      ]);
      const page = await editor.get(`/admin/articles/${id}`);
      const fields = formFields(page.body, `/admin/articles/${id}`);
      expect(fields.people_about).toBe('Omar Haddad\nMaria Lind');
      expect(fields.people_quoted).toBe('Lena Park');
      // The body text says who said the quotation and who the photo shows.
      expect(fields.body_text).toContain(`[quote person=${maria}]`);
      expect(fields.body_text).toContain(`person=${maria}]`);
      const created = await t.handle.db.selectFrom('audit_log').select('detail').where('action', '=', 'person.created').execute();
      expect(created.map((r) => r.detail).sort()).toEqual(['/people/lena-park/', '/people/maria-lind/', '/people/omar-haddad/']);
    });

    it('an unchanged save keeps every person and attribution', async () => {
      const before = await t.handle.db.selectFrom('posts').select(['body_doc', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
      const linked = await links();
      expect((await save()).statusCode).toBe(303);
      const after = await t.handle.db.selectFrom('posts').select(['body_doc', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect(after.body_html).toContain('<a class="quote__person" href="/people/maria-lind/">Maria Lind</a>');
      expect(after.body_html).toContain('<a class="figure__person" href="/people/maria-lind/">Maria Lind</a>, harbour master');
      expect(await links()).toEqual(linked);
      // Edited in the textarea, the quotation loses its person: Maria stays linked through the photo.
      expect((await save((f) => (f.body_text = (f.body_text as string).replace(`[quote person=${maria}]\n`, '').replace('\n[/quote]', '')))).statusCode).toBe(
        303,
      );
      const html = (await t.handle.db.selectFrom('posts').select('body_html').where('id', '=', id).executeTakeFirstOrThrow()).body_html;
      expect(html).toContain('<cite>Maria Lind</cite>');
      expect(html).toContain('class="figure__person"');
    });

    it('a line taken out unlinks that person', async () => {
      expect((await save((f) => (f.people_about = 'Omar Haddad'))).statusCode).toBe(303);
      expect(await links()).toEqual(['subject:Omar Haddad, economist', 'quoted:Lena Park, photographer', 'quoted:Maria Lind, Harbour master (cited)']);
    });

    it('refuses hostile or unknown lines with a message, saving nothing', async () => {
      const before = await links();
      const cases: [Record<string, string | string[]>, RegExp][] = [
        [{ people_about: '<script>alert(1)</script>' }, /cannot contain &lt; or >/],
        [{ people_about: "Robert') DROP TABLE people --".padEnd(120, 'x') }, /at most 100 characters/],
        [{ people_quoted: 'Someone #999999' }, /There is no person number 999999/],
        [{ people_about: Array.from({ length: 31 }, (_, i) => `Person ${i}`).join('\n') }, /at most 30 people/],
        [{ people_about: ['Omar Haddad', 'Lena Park'] }, /sent more than once/],
        [{ people_quoted: 'x'.repeat(10_001) }, /longer than 10,000 characters/],
      ];
      for (const [extra, message] of cases) {
        const res = await save((f) => Object.assign(f, extra));
        expect(res.statusCode, String(message)).toBe(400);
        expect(res.body).toMatch(message);
        expect(res.body).not.toContain('<script>alert(1)</script>');
      }
      expect(await links()).toEqual(before);
      expect(await t.handle.db.selectFrom('people').select('id').where('name', 'like', 'Person %').execute()).toEqual([]);
    });
  });
}
