/**
 * People (modules/person): the form's rules with hostile input, names matched however they are
 * typed, and the use cases on both databases: an article linked to the people it is about and
 * the people its quotations and photos are attributed to; a changed address redirects and the
 * bodies follow; a merge moves every link and attribution; a deletion removes them, the words
 * and captions staying as written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle, updateArticle } from '../../../src/modules/article/article.service.js';
import { doc, figure, p, type ArticleDocument } from '../../../src/modules/article/document.js';
import { documentFromText, documentToText } from '../../../src/modules/article/document-text.js';
import { nameKey, parsePersonForm, type PersonProfile } from '../../../src/modules/person/person.js';
import { peopleOfPost, publishedPostIdsOfPerson, peopleMatching } from '../../../src/modules/person/person.repository.js';
import { createPerson, deletePerson, mergePeople, savePerson } from '../../../src/modules/person/person.service.js';
import { storeImage } from '../../../src/modules/media/media.service.js';
import { findRedirect } from '../../../src/modules/redirect/redirect.repository.js';
import { cliActor } from '../../../src/modules/user/user.js';
import { NOW } from '../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { testImage } from '../../helpers/fixture.js';

const person = (name: string, extra: Partial<PersonProfile> = {}): PersonProfile => ({ name, description: '', photoId: null, links: [], note: '', ...extra });

const cited = (personId: number, citation = 'Maria Lind, harbour master'): ArticleDocument['content'][number] => ({
  type: 'blockquote',
  attrs: { citation, personId },
  content: [p('We have waited twenty years for this train.')],
});

describe('the person form', () => {
  it('takes a name, a role, a photo number, https links and a note', () => {
    const { profile, errors } = parsePersonForm({
      name: '  Maria Lind ',
      description: 'Harbour master',
      photoId: '12',
      links: 'https://example.org/maria\nhttps://example.org/maria\nhttps://social.example/@maria',
      note: 'Prefers to be called by phone.',
    });
    expect(errors).toEqual({});
    expect(profile).toEqual({
      name: 'Maria Lind',
      description: 'Harbour master',
      photoId: 12,
      links: ['https://example.org/maria', 'https://social.example/@maria'],
      note: 'Prefers to be called by phone.',
    });
  });

  it('refuses hostile or broken input field by field', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ name: '' }, 'name', /Enter the person’s name/],
      [{ name: '<script>alert(1)</script>' }, 'name', /cannot contain < or >/],
      [{ name: '—…!' }, 'name', /at least one letter or digit/],
      [{ name: 'A'.repeat(101) }, 'name', /at most 100 characters/],
      [{ name: 'Ana\u0000Berg' }, 'name', /one line of text/],
      [{ name: 'Ana', description: '"><img src=x onerror=alert(1)>' }, 'description', /cannot contain < or >/],
      [{ name: 'Ana', photoId: '1; DROP TABLE people; --' }, 'photoId', /number of an image/],
      [{ name: 'Ana', links: 'javascript:alert(1)' }, 'links', /does not start with https/],
      [{ name: 'Ana', links: 'http://example.org' }, 'links', /does not start with https/],
      [{ name: 'Ana', note: '<b>bold</b>' }, 'note', /plain text/],
      [{ name: 'Ana', note: 'x'.repeat(2001) }, 'note', /at most 2000/],
    ];
    for (const [form, field, message] of cases) {
      const { profile, errors } = parsePersonForm(form);
      expect(profile, JSON.stringify(form).slice(0, 60)).toBeUndefined();
      expect(errors[field]).toMatch(message);
    }
  });

  it('matches names however they are typed', () => {
    expect(nameKey('José  Ramos-Horta')).toBe('jose ramos horta');
    expect(nameKey('ZOË O’Neill')).toBe('zoe o neill');
    expect(nameKey('محمد رضا')).toBe('محمد رضا');
  });

  it('the no-JavaScript text keeps who said a quotation and who a photo shows', () => {
    const d = doc(
      figure({ mediaId: 4, alt: '', caption: 'Maria Lind, harbour master', credit: '', align: 'left', personId: 7 }),
      cited(7) as never,
      { type: 'blockquote', attrs: { kind: 'pull', personId: 8 }, content: [p('Trains return.')] },
      { type: 'blockquote', content: [p('No one.')] },
    );
    const text = documentToText(d);
    expect(text).toContain('person=7]');
    expect(text).toContain('[quote person=7]');
    expect(text).toContain('[pull-quote person=8]');
    expect(documentFromText(text)).toEqual(d);
    expect(() => documentFromText('[quote person=7]\n> Words.\n')).toThrow(/no \[\/quote\] line/);
    expect(() => documentFromText('[quote person="x"]\n> Words.\n[/quote]')).toThrow(/number of a person/);
    expect(() => documentFromText('[quote who=7]\n> Words.\n[/quote]')).toThrow(/has no field "who"/);
  });
});

for (const dialect of DIALECTS) {
  describe(`people and their articles (${dialect})`, () => {
    let t: TestDb;
    let photo: number;
    beforeAll(async () => {
      t = await freshDb(dialect);
      photo = await storeImage(t.handle.db, `${t.dataDir}/media`, {
        fileName: 'lind.jpg',
        bytes: await testImage(400, 500, '#555555'),
        alt: 'Maria Lind',
        folder: 'people',
        now: NOW,
      });
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    const bodyOf = async (id: number) => t.handle.db.selectFrom('posts').select(['body_doc', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();

    it('links an article to who it is about and who it quotes; the quotation and the caption link to their pages', async () => {
      const db = t.handle.db;
      const maria = await createPerson(db, person('Maria Lind', { description: 'Harbour master', photoId: photo }), cliActor, NOW);
      const omar = await createPerson(db, person('Omar Haddad'), cliActor, NOW);
      expect(maria.slug).toBe('maria-lind');
      expect((await createPerson(db, person('Maria Lind'), cliActor, NOW)).slug).toBe('maria-lind-2');
      const id = await createArticle(
        db,
        {
          slug: 'harbour-reopens',
          title: 'Harbour reopens',
          status: 'published',
          publishedAt: NOW.toISOString(),
          body: doc(p('The harbour reopens.'), figure({ mediaId: photo, caption: 'Maria Lind, harbour master', personId: maria.id }), cited(maria.id) as never),
          people: [{ personId: omar.id, role: 'subject' }],
        },
        NOW,
      );
      const links = (await peopleOfPost(db, id)).map(({ personId, role, picked }) => ({ personId, role, picked }));
      expect(links).toEqual([
        { personId: omar.id, role: 'subject', picked: true },
        { personId: maria.id, role: 'quoted', picked: false },
      ]);
      const { body_html } = await bodyOf(id);
      expect(body_html).toContain('<cite><a class="quote__person" href="/people/maria-lind/">Maria Lind, harbour master</a></cite>');
      expect(body_html).toContain('<figcaption dir="auto"><a class="figure__person" href="/people/maria-lind/">Maria Lind</a>, harbour master');
      expect(await publishedPostIdsOfPerson(db, omar.id, 10, 0)).toEqual({ ids: [id], total: 1 });
      expect((await peopleMatching(db, 'lin', 5)).map((r) => r.slug)).toEqual(['maria-lind', 'maria-lind-2']);

      // Saved again without the quotation: Maria is no longer linked; Omar, chosen, stays.
      await updateArticle(db, id, { slug: 'harbour-reopens', title: 'Harbour reopens', body: doc(p('The harbour reopens.')) }, NOW);
      expect((await peopleOfPost(db, id)).map((l) => l.personId)).toEqual([omar.id]);
      // A person who is gone is refused with a message, and the save leaves nothing behind.
      await expect(updateArticle(db, id, { slug: 'harbour-reopens', title: 'Changed', body: doc(cited(999_999) as never) }, NOW)).rejects.toThrow(
        /no longer at People/,
      );
      expect((await db.selectFrom('posts').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title).toBe('Harbour reopens');
    });

    it('a new address redirects from the old one and the quotations follow it', async () => {
      const db = t.handle.db;
      const p1 = await createPerson(db, person('Lena Park', { description: 'Photographer' }), cliActor, NOW);
      const id = await createArticle(db, { slug: 'park-quoted', title: 'Park quoted', body: doc(cited(p1.id, 'Lena Park') as never) }, NOW);
      const saved = await savePerson(db, p1.id, { ...person('Lena Park', { description: 'Photographer' }), slug: 'lena-park-photographer' }, cliActor, NOW);
      expect(saved.changed).toEqual(['address']);
      expect(saved.purge).toContain(`person:${p1.id}`);
      expect(await findRedirect(db, '/people/lena-park/')).toEqual({ to_path: '/people/lena-park-photographer/', status: 301 });
      expect((await bodyOf(id)).body_html).toContain('href="/people/lena-park-photographer/"');
      await expect(savePerson(db, p1.id, { ...person('Lena Park'), slug: 'maria-lind' }, cliActor, NOW)).rejects.toThrow(/already has the address/);
    });

    it('merging moves the duplicate’s articles and attributions to the one who stays; deleting removes the links, not the words', async () => {
      const db = t.handle.db;
      const keep = await createPerson(db, person('Ana Berg', { description: 'Mayor' }), cliActor, NOW);
      const dup = await createPerson(db, person('Ana  Berg'), cliActor, NOW);
      const a1 = await createArticle(
        db,
        { slug: 'berg-1', title: 'Berg 1', body: doc(cited(dup.id, 'Ana Berg, mayor') as never), people: [{ personId: keep.id, role: 'subject' }] },
        NOW,
      );
      const a2 = await createArticle(db, { slug: 'berg-2', title: 'Berg 2', body: doc(p('Text.')), people: [{ personId: dup.id, role: 'subject' }] }, NOW);
      const merged = await mergePeople(db, dup.id, keep.id, cliActor, NOW);
      expect(merged.into.id).toBe(keep.id);
      expect(await db.selectFrom('people').select('id').where('id', '=', dup.id).execute()).toEqual([]);
      expect((await peopleOfPost(db, a1)).map(({ personId, role }) => ({ personId, role }))).toEqual([
        { personId: keep.id, role: 'subject' },
        { personId: keep.id, role: 'quoted' },
      ]);
      expect((await peopleOfPost(db, a2)).map((l) => l.personId)).toEqual([keep.id]);
      const b1 = await bodyOf(a1);
      expect(JSON.parse(b1.body_doc).content[0].attrs.personId).toBe(keep.id);
      expect(b1.body_html).toContain(`href="/people/${keep.slug}/"`);
      expect(await findRedirect(db, `/people/${dup.slug}/`)).toEqual({ to_path: `/people/${keep.slug}/`, status: 301 });
      await expect(mergePeople(db, keep.id, keep.id, cliActor, NOW)).rejects.toThrow(/cannot be merged into themselves/);

      const gone = await deletePerson(db, keep.id, cliActor, NOW);
      expect(gone.purge).toEqual(expect.arrayContaining([`person:${keep.id}`, `post:${a1}`, `post:${a2}`]));
      expect(await peopleOfPost(db, a1)).toEqual([]);
      const after = await bodyOf(a1);
      expect(JSON.parse(after.body_doc).content[0].attrs).toEqual({ citation: 'Ana Berg, mayor' });
      expect(after.body_html).toContain('<cite>Ana Berg, mayor</cite>');
      expect(after.body_html).not.toContain('/people/');
      const audit = await db.selectFrom('audit_log').select('action').where('action', 'like', 'person.%').orderBy('id').execute();
      expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['person.created', 'person.updated', 'person.merged', 'person.deleted']));
    });
  });
}
