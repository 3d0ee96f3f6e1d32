import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { commentStringsFor } from '../../../../src/web/site/comment-strings.js';
import { commentsApp, idFrom, Reader, type CommentsCtx } from '../../../helpers/comments.js';

describe('comment strings', () => {
  it('every language has every string, and unknown languages fall back to English', () => {
    const en = commentStringsFor('en');
    for (const lang of ['fa', 'sq']) {
      const s = commentStringsFor(lang);
      expect(Object.keys(s).sort()).toEqual(Object.keys(en).sort());
      expect(Object.keys(s.errors).sort()).toEqual(Object.keys(en.errors).sort());
      expect(s.submit).not.toBe(en.submit);
    }
    expect(commentStringsFor('fa-IR').submit).toBe(commentStringsFor('fa').submit);
    expect(commentStringsFor('xx').submit).toBe(en.submit);
  });
});

for (const dialect of DIALECTS) {
  describe(`comment form in the article's language (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let fa: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, {}, 2);
      fa = `/${c.fx.persianSlug}/`;
      await saveCommentSettings(t.handle.db, { moderation: 'hold_all' });
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it('Persian: labels, errors (on a right-to-left page) and "awaiting moderation"', async () => {
      const r = new Reader(c);
      const page = (await r.get(fa)).body;
      expect(page).toContain('<label for="comment-name">نام</label>');
      expect(page).toContain('ارسال دیدگاه');
      expect(page).not.toMatch(/<form class="comment-form"[^>]*lang="en"/);
      const form = await r.form(fa);
      c.clock.advance(20_000);
      const empty = await r.post({ ...form, name: 'سارا', body: '   ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('لطفاً دیدگاهی بنویسید.');
      expect(empty.body).toMatch(/<html lang="fa" dir="rtl"/);
      const long = await r.post({ ...form, name: 'سارا', body: 'x'.repeat(10_001) });
      expect(long.statusCode).toBe(413);
      expect(long.body).toContain('۱۰٬۰۰۰');
      expect(long.body).toContain('نویسه');
      const held = await r.post({ ...form, name: 'سارا', body: 'سلام' });
      expect(held.statusCode).toBe(303);
      const after = (await r.get(fa)).body;
      expect(after).toContain(`id="comment-${idFrom(held)}"`);
      expect(after).toContain('دیدگاه شما در انتظار بررسی است.');
    });

    it('Albanian, and English by default', async () => {
      const slug = c.fx.slugs[1]!;
      await t.handle.db.updateTable('posts').set({ language: 'sq' }).where('slug', '=', slug).execute();
      const r = new Reader(c, '203.0.113.80');
      const sq = (await r.get(`/${slug}/`)).body;
      expect(sq).toContain('Dërgo komentin');
      const form = await r.form(`/${slug}/`);
      c.clock.advance(20_000);
      const bad = await r.post({ ...form, name: '', body: 'Përshëndetje' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Ju lutemi jepni një emër.');
      const en = (await r.get(`/${c.fx.slugs[0]}/`)).body;
      expect(en).toContain('Post comment');
      // An error before the article is known (no post id) stays in the site's language.
      const none = await r.post({ name: 'A', body: 'b' });
      expect(none.statusCode).toBe(403);
      expect(none.body).toContain('This form has expired');
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`an untranslated article language falls back to the site's (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, { SITE_LANGUAGE: 'de' }, 2);
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it('an Italian article on a German site: the form and its errors in German, the page still lang="it"', async () => {
      const slug = c.fx.slugs[0]!;
      await t.handle.db.updateTable('posts').set({ language: 'it' }).where('slug', '=', slug).execute();
      const r = new Reader(c);
      const page = (await r.get(`/${slug}/`)).body;
      expect(page).toContain('Kommentar absenden');
      const form = await r.form(`/${slug}/`);
      c.clock.advance(20_000);
      const bad = await r.post({ ...form, name: '', body: 'Buongiorno' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Bitte geben Sie einen Namen an.');
      expect(bad.body).not.toContain('Please give a name');
      expect(bad.body).toMatch(/<html lang="it"/);
    });
  });
}
