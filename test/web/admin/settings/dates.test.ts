/**
 * The site's time zone and date style (/admin/settings, "Dates"): the owner picks a zone and a
 * style, and every article, card and admin screen writes its dates in them at once (the page
 * cache is purged); the times an editor types (scheduling, the banner's end) are read in that
 * zone, a time the clocks skip is refused and a repeated one is its earlier instant; hostile
 * values are refused with a message and save nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { publishDue } from '../../../../src/modules/content/posts.repository.js';
import { loadSiteSettings } from '../../../../src/modules/site/site.service.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';

const EMPTY = {
  name: '',
  tagline: '',
  language: '',
  postsPerPage: '',
  footerLine: '',
  socialProfiles: '',
  logoId: '',
  faviconId: '',
  shareImageId: '',
  accent: '',
  fonts: 'system',
  customCss: '',
  timeZone: '',
  dateStyle: 'long',
};

/** The label of the <time> whose datetime is `iso`, as the page shows it. */
const timeLabel = (html: string, iso: string): string | undefined => new RegExp(`<time[^>]*datetime="${iso}"[^>]*>([^<]*)</time>`).exec(html)?.[1];

for (const dialect of DIALECTS) {
  describe(`site time zone and date style (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let owner: Agent;
    const clock = new Clock();
    const reader = () => new Agent(app);
    // The fixture's newest story (2) went out at 11:00 UTC on 20 November, story 1 at 10:00.
    const NEWEST = '2026-11-20T11:00:00.000Z';
    const PERSIAN = '2026-11-19T06:00:00.000Z';

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 2, t.handle.dialect.fullText);
      app = await adminApp(t, { clock, env: { PAGE_CACHE_MB: '16' } });
      owner = new Agent(app);
      await owner.login((await makeUser(t, 'owner')).email);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const save = (form: Record<string, string>) => owner.post('/admin/settings', { ...EMPTY, ...form }, '/admin/settings');
    const newest = () => `/${fx.slugs[0]}/`;

    it('writes dates in UTC and the long style until the owner chooses otherwise', async () => {
      const page = await reader().get(newest());
      expect(timeLabel(page.body, NEWEST)).toBe('November 20, 2026');
      const form = await owner.get('/admin/settings');
      expect(form.body).toContain('<option value selected>UTC (the default)</option>');
      expect(form.body).toContain('<optgroup label="Europe">');
      expect(form.body).toContain('<option value="Europe/Berlin">Berlin (CET)</option>');
      // Each style with today as its example (the clock says 20 November).
      expect(form.body).toContain('Long: November 20, 2026');
      expect(form.body).toContain('Numbers, year first: 2026-11-20');
      // The list's "last changed": story 2 was updated at 13:00 UTC.
      expect((await owner.get('/admin/articles')).body).toContain('<time datetime="2026-11-20T13:00:00.000Z">20 Nov 2026, 13:00 UTC</time>');
    });

    it('a zone and style change article, card, Persian and admin dates at once; <time datetime> stays the instant', async () => {
      // Cached first: the save must purge them.
      await reader().get(newest());
      await reader().get('/');
      const res = await save({ timeZone: 'Pacific/Kiritimati', dateStyle: 'iso', showTime: '1' });
      expect(res.statusCode, res.body).toBe(303);
      expect(await loadSiteSettings(t.handle.db)).toMatchObject({ timeZone: 'Pacific/Kiritimati', dateStyle: 'iso', showTime: true });

      // 11:00 UTC is 01:00 the next day at UTC+14.
      const page = await reader().get(newest());
      expect(timeLabel(page.body, NEWEST)).toBe('2026-11-21 01:00 GMT+14');
      // Cards keep to the date.
      const home = await reader().get('/');
      expect(timeLabel(home.body, NEWEST)).toBe('2026-11-21');
      expect(home.body).not.toContain('>November 20, 2026<');
      // The Persian article keeps its calendar and digits, in the site's zone (20:00 there, 06:00 UTC).
      const fa = await reader().get(`/${fx.persianSlug}/`);
      expect(timeLabel(fa.body, PERSIAN)).toBe('۱۴۰۵/۰۸/۲۸ ۲۰:۰۰ \u200e+۱۴ گرینویچ');
      // The admin writes its times in the zone, with its name.
      expect((await owner.get('/admin/articles')).body).toContain('<time datetime="2026-11-20T13:00:00.000Z">21 Nov 2026, 03:00 GMT+14</time>');
      // The settings form keeps what was chosen.
      const form = await owner.get('/admin/settings');
      expect(form.body).toContain('<option value="Pacific/Kiritimati" selected>');
      expect(form.body).toMatch(/<input type="radio" name="dateStyle" value="iso" checked\/>/);
      expect(form.body).toMatch(/name="showTime" value="1" checked/);
      // Audited.
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'settings.updated')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.detail).toBe('Site: time zone, date style, time on articles');

      // The medium style without the time, in New York (06:00 there).
      expect((await save({ timeZone: 'America/New_York', dateStyle: 'medium' })).statusCode).toBe(303);
      expect(timeLabel((await reader().get(newest())).body, NEWEST)).toBe('Nov 20, 2026');
      expect((await owner.get('/admin/articles')).body).toContain('20 Nov 2026, 08:00 EST');
    });

    it('dates quoted social posts and the footer’s {year} in the site’s zone, on the page and in the feed', async () => {
      const CARD = '2026-11-18T09:30:00.000Z';
      expect(timeLabel((await reader().get(newest())).body, CARD)).toBe('Nov 18, 2026');
      // 09:30 UTC is 22:30 the day before in Pago Pago (UTC−11).
      expect((await save({ timeZone: 'Pacific/Pago_Pago', dateStyle: 'long', footerLine: '© {year} The Norden Post' })).statusCode).toBe(303);
      const page = (await reader().get(newest())).body;
      expect(timeLabel(page, CARD)).toBe('Nov 17, 2026');
      expect(timeLabel((await reader().get('/feed/')).body.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"'), CARD)).toBe(
        'Nov 17, 2026',
      );
      // The numeric style reaches the cards too.
      expect((await save({ timeZone: 'Pacific/Pago_Pago', dateStyle: 'iso', footerLine: '© {year} The Norden Post' })).statusCode).toBe(303);
      expect(timeLabel((await reader().get(newest())).body, CARD)).toBe('2026-11-17');

      // New Year's Eve, 23:30 UTC: already 2027 in Berlin, still 2026 in UTC.
      const was = clock.t;
      clock.t = Date.parse('2026-12-31T23:30:00Z');
      // Six weeks on, the session has expired: log in again.
      const email = (await t.handle.db.selectFrom('users').select('email').where('role', '=', 'owner').executeTakeFirstOrThrow()).email;
      owner = new Agent(app);
      await owner.login(email);
      try {
        expect((await save({ timeZone: 'Europe/Berlin', footerLine: '© {year} The Norden Post' })).statusCode).toBe(303);
        expect((await reader().get(newest())).body).toContain('© 2027 The Norden Post');
        expect((await save({ timeZone: 'UTC', footerLine: '© {year} The Norden Post' })).statusCode).toBe(303);
        expect((await reader().get(newest())).body).toContain('© 2026 The Norden Post');
      } finally {
        clock.t = was;
        owner = new Agent(app);
        await owner.login(email);
        expect((await save({})).statusCode).toBe(303);
      }
    });

    it('refuses an unknown or hostile zone, style or time flag with a message, saving nothing', async () => {
      const before = await loadSiteSettings(t.handle.db);
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ timeZone: 'Mars/Olympus_Mons' }, 'site-time-zone', /is not a time zone: choose one from the list/],
        [{ timeZone: "Europe/Berlin'; DROP TABLE settings; --" }, 'site-time-zone', /is not a time zone/],
        [{ timeZone: '<script>alert(1)</script>' }, 'site-time-zone', /is not a time zone/],
        [{ timeZone: 'A'.repeat(5000) }, 'site-time-zone', /is not a time zone/],
        [{ timeZone: '../../etc/passwd' }, 'site-time-zone', /is not a time zone/],
        [{ dateStyle: '<img src=x onerror=alert(1)>' }, 'site-date-style', /Choose one of the date styles/],
        [{ dateStyle: "long' OR '1'='1" }, 'site-date-style', /Choose one of the date styles/],
        [{ showTime: 'yes please' }, 'site-show-time', /Tick the box/],
      ];
      for (const [fields, id, message] of cases) {
        const res = await save({ name: 'Should not be saved', timeZone: 'Europe/Berlin', ...fields });
        expect(res.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(400);
        expect(res.body).toMatch(message);
        expect(res.body).toContain(`href="#${id}"`);
        expect(res.body).not.toContain('<script>alert');
        expect(res.body).not.toContain('<img src=x');
      }
      expect(await loadSiteSettings(t.handle.db)).toEqual(before);
      // An alias Intl knows is stored under the list's name.
      expect((await save({ timeZone: 'Asia/Kolkata' })).statusCode).toBe(303);
      expect((await loadSiteSettings(t.handle.db)).timeZone).toBe('Asia/Calcutta');
    });

    it('reads a scheduled time in the site zone and publishes at that instant', async () => {
      const zone = await save({ timeZone: 'Europe/Berlin' });
      expect(zone.statusCode, zone.body.slice(zone.body.indexOf('error-summary'), zone.body.indexOf('error-summary') + 400)).toBe(303);
      const created = await owner.post('/admin/articles', {
        title: 'Council vote',
        excerpt: 'The vote.',
        body_text: 'The council votes.',
        language: 'en',
        comment_status: 'open',
      });
      expect(created.statusCode, created.body).toBe(303);
      const id = Number(/\/admin\/articles\/(\d+)/.exec(created.headers.location ?? '')![1]);
      const row = () => t.handle.db.selectFrom('posts').select(['status', 'published_at', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
      const schedule = async (publish_at: string) =>
        owner.post(
          `/admin/articles/${id}`,
          {
            title: 'Council vote',
            slug: 'council-vote',
            excerpt: 'The vote.',
            body_text: 'The council votes.',
            language: 'en',
            comment_status: 'open',
            intent: 'schedule',
            publish_at,
            updated_at: (await row()).updated_at,
          },
          `/admin/articles/${id}`,
        );
      const edit = await owner.get(`/admin/articles/${id}`);
      expect(edit.body).toContain('Times are in Europe/Berlin');

      // A time the clocks skip (the change to summer time, 28 March 2027) is refused, saving nothing.
      const gap = await schedule('2027-03-28T02:30');
      expect(gap.statusCode).toBe(400);
      expect(gap.body).toContain('2027-03-28 02:30 does not exist in Europe/Berlin');
      expect((await row()).status).toBe('draft');
      // A repeated time (31 October 2027, 02:30 happens twice) is the first of the two: 00:30 UTC.
      const overlap = await schedule('2027-10-31T02:30');
      expect(overlap.statusCode).toBe(303);
      expect((await row()).published_at).toBe('2027-10-31T00:30:00.000Z');

      // 14:30 in Berlin in November (CET, UTC+1) is 13:30 UTC.
      expect((await schedule('2026-11-20T14:30')).statusCode).toBe(303);
      expect(await row()).toMatchObject({ status: 'scheduled', published_at: '2026-11-20T13:30:00.000Z' });
      // The form shows it back as Berlin time, the list with the zone's name.
      expect((await owner.get(`/admin/articles/${id}`)).body).toContain('name="publish_at" value="2026-11-20T14:30"');
      expect((await owner.get('/admin/articles?status=scheduled')).body).toContain('20 Nov 2026, 14:30 CET');
      clock.t = Date.parse('2026-11-20T13:29:00Z');
      expect(await publishDue(t.handle.db, clock.now())).not.toContain(id);
      clock.t = Date.parse('2026-11-20T13:30:00Z');
      expect(await publishDue(t.handle.db, clock.now())).toContain(id);
      expect((await row()).status).toBe('published');
      expect(timeLabel((await reader().get('/council-vote/')).body, '2026-11-20T13:30:00.000Z')).toBe('November 20, 2026');
      clock.t = Date.parse('2026-11-20T12:00:00Z');
    });

    it('reads the banner’s end in the site zone and shows it there', async () => {
      expect((await save({ timeZone: 'Europe/Berlin' })).statusCode).toBe(303);
      const page = await owner.get('/admin/front-page');
      expect(page.body).toContain('Times are in Europe/Berlin');
      const post = (expiresAt: string) => owner.post('/admin/front-page/banner', { text: 'Polls close at 18:00', url: '', expiresAt }, '/admin/front-page');
      // 12:30 in Berlin is 11:30 UTC, before the clock's 12:00 UTC: already past.
      const past = await post('2026-11-20 12:30');
      expect(past.statusCode).toBe(400);
      expect(past.body).toContain('That time has passed');
      expect((await post('2026-11-20 18:00')).statusCode).toBe(303);
      const banner = JSON.parse(
        (await t.handle.db.selectFrom('settings').select('value').where('key', '=', 'site.banner').executeTakeFirstOrThrow()).value,
      ) as { expiresAt: string };
      expect(banner.expiresAt).toBe('2026-11-20T17:00:00.000Z');
      expect((await owner.get('/admin/front-page')).body).toContain('20 Nov 2026, 18:00 CET');
    });
  });
}
