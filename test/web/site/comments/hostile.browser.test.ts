/**
 * The hostile-input corpus posted through the comment form and rendered in headless chromium:
 * no script runs, nothing escapes its comment, the page stays whole.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, newTestPage } from '../../../helpers/browser.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { commentsApp, Reader, type CommentsCtx } from '../../../helpers/comments.js';
import { OTHER_PAYLOADS, XSS_PAYLOADS } from './corpus.js';

const dialect = DIALECTS[0]!;

describe.skipIf(!browserAvailable())(`hostile comments in chromium (${dialect})`, () => {
  let t: TestDb;
  let c: CommentsCtx;
  let browser: Browser;
  let base: string;
  let url: string;
  beforeAll(async () => {
    t = await freshDb(dialect);
    c = await commentsApp(t, { SITE_URL: 'http://127.0.0.1' }, 2);
    await saveCommentSettings(t.handle.db, { moderation: 'auto', spamThreshold: 100_000, ratePerIp: 100_000, ratePerEmail: 100_000, minFillSeconds: 0 });
    await c.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(c.app.server.address() as AddressInfo).port}`;
    url = `/${c.fx.slugs[0]}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await c?.app.close();
    await t?.cleanup();
  });

  it('has at least 50 XSS payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it('stores every payload and renders it with no script running', async () => {
    const all = [...XSS_PAYLOADS, ...OTHER_PAYLOADS];
    const r = new Reader(c);
    r.origin = 'http://127.0.0.1';
    for (const [i, payload] of all.entries()) {
      // The name field gets hostile input too (without bidi controls, which names refuse).
      const res = await r.comment(url, {
        name: `P${i} ${payload.slice(0, 60).replace(/[\u202A-\u202E\u2066-\u2069\u0000-\u001F]/g, '')}`,
        body: `#${i}# ${payload}`,
      });
      expect(res.statusCode, `payload ${i}: ${res.body.slice(0, 200)}`).toBe(303);
    }
    const stored = await t.handle.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(all.length);

    // One more through chromium's own form submission, to prove the no-JavaScript path end to end.
    const page = await newTestPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(base + url);
    await page.fill('#comment-name', '<img src=x onerror=alert(9)>');
    await page.fill('#comment-body', 'Through the form: <script>alert(9)</script> [x](javascript:alert(9))');
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.click('.comment-form button[type=submit]')]);

    const result = await page.evaluate(() => {
      const section = document.querySelector('#comments')!;
      const els = [...section.querySelectorAll('*')];
      return {
        xss: (window as unknown as { __xss?: unknown }).__xss,
        comments: section.querySelectorAll('li.comment').length,
        // The comment form's own deferred script is the one script allowed there.
        scripts: section.querySelectorAll(
          'script:not([src^="/assets/comments."]), iframe, object, embed, style, link, meta, base, form:not(#respond), img, svg, math, video, audio, input:not(#respond input), textarea:not(#comment-body), select, details',
        ).length,
        handlers: els.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        badLinks: [...section.querySelectorAll('a')]
          .filter((a) => a.hasAttribute('href') && !/^(https?:|mailto:|#|\/)/i.test(a.getAttribute('href') ?? ''))
          .map((a) => a.getAttribute('href')),
        linkRels: [...section.querySelectorAll('.comment__body a')].map((a) => a.getAttribute('rel')),
        footer: document.querySelector('body > footer.footer') !== null,
        formAfterThread: document.querySelector('#comments > .comments + form#respond') !== null,
        dirAuto: [...section.querySelectorAll('.comment__body')].every((b) => b.getAttribute('dir') === 'auto'),
        title: document.title,
      };
    });
    expect(dialogs).toEqual([]);
    expect(result.xss).toBeUndefined();
    expect(result.comments).toBe(all.length + 1);
    expect(result.scripts).toBe(0);
    expect(result.handlers).toBe(0);
    expect(result.badLinks).toEqual([]);
    expect(result.linkRels.every((rel) => rel === 'nofollow ugc noopener')).toBe(true);
    expect(result.footer).toBe(true);
    expect(result.formAfterThread).toBe(true);
    expect(result.dirAuto).toBe(true);
    expect(result.title).toContain('Rail line story');
    // Each payload's marker is on the page as text, in its own comment.
    const texts = await page.$$eval('.comment__body', (bs) => bs.map((b) => b.textContent ?? ''));
    for (let i = 0; i < all.length; i++)
      expect(
        texts.some((x) => x.includes(`#${i}#`)),
        `payload ${i}`,
      ).toBe(true);
    await page.context().close();
  });
});
