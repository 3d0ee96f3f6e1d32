/**
 * The People screens (/admin/people): editors and owners list, search, add, edit, merge and
 * delete people in the news, each with an audit row and a redirect, and the articles' pages
 * follow at once (the page cache purges them); authors and contributors are refused the screens
 * but may look people up and add one while writing; every form needs its CSRF token; hostile or
 * broken input in any field is refused with a message and saves nothing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, p, type ArticleDocument } from '../../../../src/modules/article/document.js';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { createPerson } from '../../../../src/modules/person/person.service.js';
import { findRedirect } from '../../../../src/modules/redirect/redirect.repository.js';
import { cliActor } from '../../../../src/modules/user/user.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { NOW } from '../../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { testImage } from '../../../helpers/fixture.js';
import { formFields } from '../../../helpers/form.js';

const EMPTY = { name: '', description: '', photoId: '', links: '', note: '', slug: '' };

const quoted = (personId: number, citation: string): ArticleDocument['content'][number] =>
  ({ type: 'blockquote', attrs: { citation, personId }, content: [p('The ferry will run all winter.')] }) as never;

for (const dialect of DIALECTS) {
  describe(`the People screens (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Agent;
    let author: Agent;
    let portrait: number;
    const purged: string[][] = [];

    const personRow = (id: number) => t.handle.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    const audits = (action: string) =>
      t.handle.db.selectFrom('audit_log').select(['target_id', 'detail', 'actor_label']).where('action', '=', action).orderBy('id').execute();
    const person = (name: string, description = '') => createPerson(t.handle.db, { name, description, photoId: null, links: [], note: '' }, cliActor, NOW);

    beforeAll(async () => {
      t = await freshDb(dialect);
      portrait = await storeImage(t.handle.db, `${t.dataDir}/media`, {
        fileName: 'lind.jpg',
        bytes: await testImage(400, 400, '#557799'),
        alt: 'Maria Lind at the harbour',
        folder: 'people',
        now: NOW,
      });
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16' } });
      app.pageCache.watch((tags) => purged.push([...tags]));
      editor = await signedIn(app, t, 'editor');
      author = await signedIn(app, t, 'author');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('the screens are for editors and owners; everyone who writes may look people up and add one', async () => {
      const someone = await person('Sven Aalto', 'Ferry captain');
      const before = await personRow(someone.id);
      for (const role of ['author', 'contributor'] as const) {
        const agent = role === 'author' ? author : await signedIn(app, t, role);
        expect((await agent.get('/admin')).body, role).not.toContain('href="/admin/people"');
        for (const url of ['/admin/people', `/admin/people/${someone.id}`, `/admin/people/${someone.id}/merge?into=1`, `/admin/people/${someone.id}/delete`])
          expect((await agent.get(url)).statusCode, `${role} ${url}`).toBe(403);
        expect((await agent.post('/admin/people', { name: 'Sock puppet' })).statusCode, role).toBe(403);
        expect((await agent.post(`/admin/people/${someone.id}`, { ...EMPTY, name: 'Taken over' })).statusCode, role).toBe(403);
        expect((await agent.post(`/admin/people/${someone.id}/merge`, { into: '1' })).statusCode, role).toBe(403);
        expect((await agent.post(`/admin/people/${someone.id}/delete`)).statusCode, role).toBe(403);
        const found = await agent.get('/admin/people/lookup?q=aal');
        expect(found.statusCode, role).toBe(200);
        expect(found.json(), role).toEqual([{ id: someone.id, name: 'Sven Aalto', description: 'Ferry captain', slug: 'sven-aalto' }]);
        const quick = await agent.postRaw(
          '/admin/people/quick',
          { name: `Added by ${role}`, description: 'Witness' },
          { 'x-csrf-token': await agent.csrf(), accept: 'application/json' },
        );
        expect(quick.statusCode, role).toBe(201);
      }
      expect(await personRow(someone.id)).toEqual(before);
      const names = (await t.handle.db.selectFrom('people').select('name').execute()).map((r) => r.name);
      expect(names).not.toContain('Sock puppet');
      for (const role of ['editor', 'owner'] as const) {
        const agent = role === 'editor' ? editor : await signedIn(app, t, role);
        expect((await agent.get('/admin')).body, role).toContain('href="/admin/people"');
        expect((await agent.get('/admin/people')).statusCode, role).toBe(200);
        expect((await agent.get(`/admin/people/${someone.id}`)).statusCode, role).toBe(200);
      }
      const anonymous = await app.inject('/admin/people/lookup?q=sven');
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toContain('/admin/login');
    });

    it('every change needs the form’s CSRF token', async () => {
      const someone = await person('Tove Ek');
      const before = await personRow(someone.id);
      for (const [url, form] of [
        ['/admin/people', { name: 'No token' }],
        [`/admin/people/${someone.id}`, { ...EMPTY, name: 'No token' }],
        [`/admin/people/${someone.id}/merge`, { into: '1' }],
        [`/admin/people/${someone.id}/delete`, {}],
        ['/admin/people/quick', { name: 'No token' }],
      ] as const) {
        for (const token of [undefined, 'forged-token']) {
          const res = await editor.postRaw(url, { ...form, ...(token ? { _csrf: token } : {}) });
          expect(res.statusCode, url).toBe(403);
          expect(res.body, url).toContain('nothing was changed');
        }
      }
      expect(await personRow(someone.id)).toEqual(before);
      expect((await t.handle.db.selectFrom('people').select('name').where('name', '=', 'No token').execute()).length).toBe(0);
    });

    it('an editor adds a person, fills in their screen, and the articles naming them are listed', async () => {
      const added = await editor.post('/admin/people', { name: 'Maria Lind', description: 'Harbour master' }, '/admin/people');
      expect(added.statusCode).toBe(303);
      const id = Number(/^\/admin\/people\/(\d+)\?notice=person-added$/.exec(added.headers.location ?? '')?.[1]);
      expect(id).toBeGreaterThan(0);
      const screen = (await editor.get(added.headers.location!)).body;
      expect(screen).toContain('Person added');
      expect(screen).toContain('https://news.example/people/maria-lind/');
      expect(screen).toContain('href="/people/maria-lind/"');
      expect(screen).toContain('No article names them yet');
      const article = await createArticle(
        t.handle.db,
        {
          slug: 'ferry-winter',
          title: 'The ferry runs all winter',
          status: 'published',
          publishedAt: NOW.toISOString(),
          body: doc(p('News.'), quoted(id, 'Maria Lind, harbour master')),
        },
        NOW,
      );
      const draft = await createArticle(
        t.handle.db,
        { slug: 'lind-profile', title: 'Who is Maria Lind?', body: doc(p('Draft.')), people: [{ personId: id, role: 'subject' }] },
        NOW,
      );

      // The form as the browser sends it, with the fields changed.
      const form = formFields((await editor.get(`/admin/people/${id}`)).body, `/admin/people/${id}`);
      const res = await editor.postRaw(`/admin/people/${id}`, {
        ...form,
        description: 'Harbour master of Velmar',
        photoId: String(portrait),
        links: 'https://velmar.example/harbour\nhttps://social.example/@lind',
        note: 'Call the harbour office, not her mobile.',
        slug: 'maria-lind-velmar',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/admin/people/${id}?notice=person-saved`);
      const row = await personRow(id);
      expect(row).toMatchObject({
        name: 'Maria Lind',
        description: 'Harbour master of Velmar',
        photo_media_id: portrait,
        links: JSON.stringify(['https://velmar.example/harbour', 'https://social.example/@lind']),
        note: 'Call the harbour office, not her mobile.',
        slug: 'maria-lind-velmar',
      });
      expect(await findRedirect(t.handle.db, '/people/maria-lind/')).toEqual({ to_path: '/people/maria-lind-velmar/', status: 301 });
      expect(purged.flat()).toEqual(expect.arrayContaining([`person:${id}`, `post:${article}`]));
      const saved = (await editor.get(res.headers.location!)).body;
      expect(saved).toContain('Saved. Their page and the articles naming them show it now.');
      expect(saved).toContain('Current photo: Maria Lind at the harbour');
      expect(saved).toContain('2 articles');
      expect(saved).toContain(`href="/admin/articles/${article}"`);
      expect(saved).toContain(`href="/admin/articles/${draft}"`);
      expect(saved).toMatch(/The ferry runs all winter<\/a><\/th><td>Published<\/td><td>Quoted<\/td>/);
      expect(saved).toMatch(/Who is Maria Lind\?<\/a><\/th><td>Draft<\/td><td>About<\/td>/);
      // The article's quotation links to the new address.
      expect((await app.inject('/ferry-winter/')).body).toContain('href="/people/maria-lind-velmar/"');
      const audit = await audits('person.updated');
      expect(audit.at(-1)).toMatchObject({ target_id: id, detail: 'Person: description, photo, links, note, address' });
      // The note is for editors: the article page does not carry it.
      expect((await app.inject('/ferry-winter/')).body).not.toContain('harbour office');

      // The list: photo, description, count, search however the name is typed, pages of 50.
      const list = (await editor.get('/admin/people?q=MÁRIA  lind')).body;
      expect(list).toContain(`href="/admin/people/${id}"`);
      expect(list).toContain('Harbour master of Velmar');
      expect(list).toMatch(/1 person matches “MÁRIA {2}lind”/);
      expect(list).toMatch(new RegExp(`<td>${id}</td><td>2</td>`));
      expect(list).toContain('class="author-cell__photo" src="/media/');
      expect((await editor.get('/admin/people?q=%25%25')).body).toContain('Nobody’s name matches');
      expect((await editor.get('/admin/people?page=abc')).statusCode).toBe(400);
      expect((await editor.get('/admin/people?page=99')).statusCode).toBe(404);
    });

    it('pages the list 50 at a time, by name', async () => {
      for (let i = 0; i < 52; i++) await person(`Zz Pager ${String(i).padStart(2, '0')}`);
      const first = (await editor.get('/admin/people?q=zz%20pager')).body;
      expect(first).toContain('52 people match');
      expect(first).toContain('Zz Pager 00');
      expect(first).toContain('Zz Pager 49');
      expect(first).not.toContain('Zz Pager 50');
      expect(first).toContain('href="/admin/people?q=zz+pager&amp;page=2"');
      const second = (await editor.get('/admin/people?q=zz+pager&page=2')).body;
      expect(second).toContain('Zz Pager 51');
      expect(second).not.toContain('Zz Pager 49');
    });

    it('merges a duplicate into who stays, after a confirmation; refuses self and the gone', async () => {
      const keep = await person('Omar Haddad', 'Port economist');
      const dup = await person('O. Haddad');
      const other = await person('Lena Park');
      const a1 = await createArticle(
        t.handle.db,
        { slug: 'port-costs', title: 'Port costs', status: 'published', publishedAt: NOW.toISOString(), body: doc(quoted(dup.id, 'O. Haddad')) },
        NOW,
      );
      await createArticle(t.handle.db, { slug: 'haddad-2', title: 'Haddad again', body: doc(p('x')), people: [{ personId: dup.id, role: 'subject' }] }, NOW);
      expect((await app.inject('/port-costs/')).body).toContain(`href="/people/${dup.slug}/"`);

      // The duplicate's screen offers the people sharing a word of the name first.
      const screen = (await editor.get(`/admin/people/${dup.id}`)).body;
      expect(screen).toContain(`<option value="${keep.id}">Omar Haddad (no. ${keep.id}), Port economist</option>`);
      expect(screen).not.toContain(`<option value="${other.id}"`);
      const mergeForm = formFields(screen, `/admin/people/${dup.id}/merge`);
      expect(mergeForm).toEqual({ into: '', intoId: '' });

      // Refusals, shown on the screen with the form: nothing chosen, self, gone, two different, not a number.
      const refusals: [Record<string, string>, number, RegExp][] = [
        [{}, 400, /Choose the person who stays, or enter their number/],
        [{ into: String(dup.id) }, 400, /choose another person to merge them into/],
        [{ intoId: '999999' }, 404, /There is no person 999999/],
        [{ into: String(keep.id), intoId: String(other.id) }, 400, /keep only one/],
        [{ intoId: "1' OR '1'='1" }, 400, /Enter the number of a person/],
      ];
      for (const [q, status, message] of refusals) {
        const res = await editor.get(`/admin/people/${dup.id}/merge?${new URLSearchParams(q).toString()}`);
        expect(res.statusCode, JSON.stringify(q)).toBe(status);
        expect(res.body, JSON.stringify(q)).toMatch(message);
        expect(res.body).toContain('There is a problem');
      }
      // The confirmation says what will happen; only its POST merges.
      const confirm = await editor.get(`/admin/people/${dup.id}/merge?into=${keep.id}`);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Merge O. Haddad into Omar Haddad?');
      expect(confirm.body).toContain(`/people/${dup.slug}/ will redirect to /people/${keep.slug}/`);
      expect(confirm.body).toContain('2 articles');
      expect(await personRow(dup.id)).toBeDefined();
      // Refused on the POST too: self (400), someone gone (400), a duplicate already gone (404).
      expect((await editor.post(`/admin/people/${dup.id}/merge`, { into: String(dup.id) })).statusCode).toBe(400);
      expect((await editor.post(`/admin/people/${dup.id}/merge`, { into: '999999' })).body).toMatch(/does not exist/);
      expect((await editor.post('/admin/people/999998/merge', { into: String(keep.id) })).statusCode).toBe(404);
      expect((await editor.post(`/admin/people/${dup.id}/merge`, { into: ['1', '2'] })).statusCode).toBe(400);

      const merged = await editor.postRaw(`/admin/people/${dup.id}/merge`, formFields(confirm.body, `/admin/people/${dup.id}/merge`));
      expect(merged.statusCode).toBe(303);
      expect(merged.headers.location).toBe(`/admin/people/${keep.id}?notice=merged&from=${dup.slug}&moved=2`);
      const after = (await editor.get(merged.headers.location!)).body;
      expect(after).toContain(`Merged: 2 articles moved here from /people/${dup.slug}/, which now redirects to Omar Haddad’s page.`);
      expect(after).toContain('Haddad again');
      // A forged notice says nothing: the redirect it names does not lead here.
      expect((await editor.get(`/admin/people/${other.id}?notice=merged&from=${dup.slug}&moved=99`)).body).not.toContain('Merged:');
      expect(await personRow(dup.id)).toBeUndefined();
      expect((await editor.get(`/admin/people/${dup.id}`)).statusCode).toBe(404);
      expect(await findRedirect(t.handle.db, `/people/${dup.slug}/`)).toEqual({ to_path: `/people/${keep.slug}/`, status: 301 });
      expect((await audits('person.merged')).at(-1)).toMatchObject({ target_id: keep.id, detail: expect.stringContaining('O. Haddad') });
      // The cached article page was purged: its quotation now links to who stays.
      expect(purged.flat()).toEqual(expect.arrayContaining([`person:${dup.id}`, `person:${keep.id}`, `post:${a1}`]));
      expect((await app.inject('/port-costs/')).body).toContain(`href="/people/${keep.slug}/"`);
    });

    it('deletes after a confirmation that counts the articles; the quotation keeps its words', async () => {
      const gone = await person('Ida Moss', 'Lighthouse keeper');
      const a = await createArticle(
        t.handle.db,
        { slug: 'lighthouse', title: 'The lighthouse', status: 'published', publishedAt: NOW.toISOString(), body: doc(quoted(gone.id, 'Ida Moss, keeper')) },
        NOW,
      );
      expect((await app.inject('/lighthouse/')).body).toContain('href="/people/ida-moss/"');
      const screen = (await editor.get(`/admin/people/${gone.id}`)).body;
      expect(screen).toContain(`href="/admin/people/${gone.id}/delete"`);
      const confirm = await editor.get(`/admin/people/${gone.id}/delete`);
      expect(confirm.body).toContain('1 article links to Ida Moss');
      expect(confirm.body).toContain('keep their words');
      expect(await personRow(gone.id)).toBeDefined();
      const res = await editor.postRaw(`/admin/people/${gone.id}/delete`, formFields(confirm.body, `/admin/people/${gone.id}/delete`));
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/people?notice=person-deleted');
      expect((await editor.get(res.headers.location!)).body).toContain('Person deleted');
      expect(await personRow(gone.id)).toBeUndefined();
      expect((await audits('person.deleted')).at(-1)).toMatchObject({ target_id: gone.id, detail: '/people/ida-moss/, linked from 1 article' });
      const page = (await app.inject('/lighthouse/')).body;
      expect(page).toContain('<cite>Ida Moss, keeper</cite>');
      expect(page).not.toContain('/people/ida-moss/');
      expect(purged.flat()).toContain(`post:${a}`);
      expect((await editor.post(`/admin/people/${gone.id}/delete`)).statusCode).toBe(404);
      expect((await editor.get(`/admin/people/${gone.id}/delete`)).statusCode).toBe(404);
      expect((await editor.get('/admin/people/abc')).statusCode).toBe(404);
    });

    it('refuses hostile and broken input in every field with a message, and saves nothing', async () => {
      const target = await person('Nadia Rahimi', 'Surgeon');
      const url = `/admin/people/${target.id}`;
      const before = await personRow(target.id);
      const good = { ...EMPTY, name: 'Nadia Rahimi', description: 'Surgeon', slug: 'nadia-rahimi' };
      const long = 'x'.repeat(5000);
      const cases: [Record<string, string | string[]>, string, RegExp][] = [
        [{ name: '<script>alert(1)</script>' }, 'name', /cannot contain &lt; or >: it is plain text/],
        [{ name: '' }, 'name', /Enter the person’s name/],
        [{ name: long }, 'name', /at most 100 characters \(it has 5000\)/],
        [{ name: ['Nadia', 'Rahimi'] }, 'name', /must be sent once, as text/],
        [{ description: '"><img src=x onerror=alert(1)>' }, 'description', /cannot contain &lt; or >/],
        [{ description: long }, 'description', /at most 200 characters \(it has 5000\)/],
        [{ description: ['a', 'b'] }, 'description', /must be sent once/],
        [{ photoId: '999999' }, 'photoId', /no image 999999 in the media library/],
        [{ photoId: "1'; DROP TABLE people;--" }, 'photoId', /number of an image/],
        [{ photoId: long }, 'photoId', /number of an image/],
        [{ links: 'javascript:alert(1)' }, 'links', /does not start with https:\/\//],
        [{ links: 'https://a.example/"onmouseover="alert(1)' }, 'links', /not a web address/],
        [{ links: long }, 'links', /too long/],
        [{ links: ['https://a.example/', 'https://b.example/'] }, 'links', /must be sent once/],
        [{ note: '<script>alert(document.cookie)</script>' }, 'note', /plain text: remove the HTML tags/],
        [{ note: long }, 'note', /at most 2000 characters \(it has 5000\)/],
        [{ note: 'Nul\u0000byte' }, 'note', /control character/],
        [{ slug: '../admin' }, 'slug', /only hold lowercase letters, digits and hyphens/],
        [{ slug: "x' OR 1=1 --" }, 'slug', /only hold lowercase letters/],
        [{ slug: `<script>` }, 'slug', /only hold lowercase letters/],
        [{ slug: long }, 'slug', /only hold lowercase letters/],
        [{ slug: 'sven-aalto' }, 'slug', /Another person already has the address \/people\/sven-aalto\//],
      ];
      for (const [form, field, message] of cases) {
        const res = await editor.post(url, { ...good, ...form }, url);
        const label = `${field} ${JSON.stringify(form).slice(0, 40)}`;
        expect(res.statusCode, label).toBe(400);
        expect(res.body, label).toMatch(message);
        expect(res.body, label).toContain('There is a problem');
        expect(res.body, label).toContain(`href="#person-${field === 'photoId' ? 'photo' : field}"`);
        expect(res.body, label).not.toContain('<script>alert');
        expect(res.body, label).not.toContain('<img src=x');
      }
      expect(await personRow(target.id)).toEqual(before);
      // A JSON body of the wrong shape is refused, not a crash.
      const json = await editor.request('POST', url, {
        payload: JSON.stringify({ name: { $ne: 1 }, links: [1, 2], note: null }),
        headers: { 'content-type': 'application/json', 'x-csrf-token': await editor.csrf(url) },
      });
      expect(json.statusCode).toBe(400);
      expect(json.body).toContain('must be sent once');
      expect(await personRow(target.id)).toEqual(before);

      // The add form too.
      for (const [form, message] of [
        [{ name: '<b>x</b>' }, /cannot contain &lt; or >/],
        [{ name: long }, /it has 5000/],
        [{ name: ['a', 'b'] }, /must be sent once/],
        [{ name: 'Ok', description: long }, /at most 200/],
      ] as const) {
        const res = await editor.post('/admin/people', form as Record<string, string>, '/admin/people');
        expect(res.statusCode).toBe(400);
        expect(res.body).toMatch(message);
      }

      // Quotes, ampersands, SQL and a lone "<"-free text are text: stored as typed, shown escaped.
      const sqlName = `Nadia "Nadi" O'Rahimi; DROP TABLE people;--`;
      const ok = await editor.post(url, { ...good, name: sqlName, description: 'Surgery & trauma', note: 'Says 2 < 3 & means it.' }, url);
      expect(ok.statusCode).toBe(303);
      expect((await personRow(target.id))?.name).toBe(sqlName);
      const shown = (await editor.get(url)).body;
      expect(shown).toContain('value="Nadia &quot;Nadi&quot; O\'Rahimi; DROP TABLE people;--"');
      expect(shown).toContain('Says 2 &lt; 3 &amp; means it.');
      expect((await editor.get("/admin/people?q=o'rahimi; drop")).body).toContain(`href="/admin/people/${target.id}"`);
      expect(await t.handle.db.selectFrom('people').select('id').execute()).not.toHaveLength(0);
    });

    it('the lookup finds up to ten people by the start of a word, however typed; hostile queries find nothing', async () => {
      const withPhoto = await createPerson(
        t.handle.db,
        { name: 'José Ramos-Horta', description: 'Former president', photoId: portrait, links: [], note: 'secret note' },
        cliActor,
        NOW,
      );
      for (let i = 0; i < 12; i++) await person(`Ramos Copy ${i}`);
      const found = await author.get('/admin/people/lookup?q=JOSE%20ram');
      expect(found.headers['content-type']).toContain('application/json');
      expect(found.headers['cache-control']).toContain('no-store');
      const list = found.json() as { id: number; thumb?: string }[];
      expect(list).toEqual([
        { id: withPhoto.id, name: 'José Ramos-Horta', description: 'Former president', slug: 'josé-ramos-horta', thumb: expect.stringMatching(/^\/media\//) },
      ]);
      expect(JSON.stringify(list)).not.toContain('secret note');
      expect(((await author.get('/admin/people/lookup?q=ramos')).json() as unknown[]).length).toBe(10);
      expect((await author.get('/admin/people/horta')).statusCode).toBe(403);
      for (const q of ['', '%', '_', "' OR 1=1 --", '<script>', 'x'.repeat(5000)]) {
        const res = await author.get(`/admin/people/lookup?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, q).toBe(200);
        expect(res.json(), q).toEqual([]);
      }
      expect((await author.get('/admin/people/lookup?q=a&q=b')).json()).toEqual([]);
    });

    it('the quick add answers JSON, or sends a form without JavaScript back to a same-site admin page', async () => {
      const json = { 'x-csrf-token': '', accept: 'application/json' };
      json['x-csrf-token'] = await author.csrf();
      const created = await author.postRaw('/admin/people/quick', { name: 'Kai Brandt', description: 'Fisherman' }, json);
      expect(created.statusCode).toBe(201);
      const body = created.json() as { id: number };
      expect(body).toEqual({ id: expect.any(Number), name: 'Kai Brandt', description: 'Fisherman', slug: 'kai-brandt' });
      expect((await audits('person.created')).at(-1)).toMatchObject({ target_id: body.id });
      const bad = await author.postRaw('/admin/people/quick', { name: '<script>x</script>', description: 'y'.repeat(5000) }, json);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toEqual({
        error: expect.stringContaining('not added'),
        fields: { name: expect.stringContaining('cannot contain < or >'), description: expect.stringContaining('at most 200 characters') },
      });
      expect((await author.postRaw('/admin/people/quick', { name: ['a', 'b'] }, json)).json()).toMatchObject({
        fields: { name: expect.stringMatching(/sent once/) },
      });

      // Without JavaScript: back to the article, told who was added; a hostile next goes nowhere else.
      const html = { accept: 'text/html,application/xhtml+xml' };
      const back = await author.postRaw('/admin/people/quick', { _csrf: await author.csrf(), name: 'Greta Holm', next: '/admin/articles/new?x=1' }, html);
      expect(back.statusCode).toBe(303);
      expect(back.headers.location).toMatch(/^\/admin\/articles\/new\?x=1&addedPerson=\d+$/);
      for (const next of [
        'https://evil.example/admin',
        '//evil.example/admin',
        '/\\evil.example',
        '/.//evil.example',
        'javascript:alert(1)',
        '/people/x/',
        ' /admin',
      ]) {
        const res = await author.postRaw('/admin/people/quick', { _csrf: await author.csrf(), name: `Next ${next.length}`, next }, html);
        expect(res.statusCode, next).toBe(303);
        expect(res.headers.location, next).toMatch(/^\/admin\/articles\?addedPerson=\d+$/);
      }
      const refused = await author.postRaw('/admin/people/quick', { _csrf: await author.csrf(), name: '', next: '/admin/articles/7' }, html);
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('text/html');
      expect(refused.body).toContain('Enter the person’s name');
      expect(formFields(refused.body, '/admin/people/quick').next).toBe('/admin/articles/7');
      // An editor without a next lands on the new person's screen.
      const ed = await editor.postRaw('/admin/people/quick', { _csrf: await editor.csrf(), name: 'Editor Quick' }, html);
      expect(ed.headers.location).toMatch(/^\/admin\/people\/\d+\?addedPerson=\d+$/);
    });
  });
}
