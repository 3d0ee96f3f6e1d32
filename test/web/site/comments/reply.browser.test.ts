/**
 * The comment script in chromium, under the site's real Content-Security-Policy: "Reply" moves
 * the form under the comment; the text survives an error and is cleared after a successful post.
 * Starting to write fetches a form token of the reader's own. With JavaScript off, "Reply" still
 * works (?replytocom=ID).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../../../helpers/browser.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { addComment, commentsApp, postIdOf, type CommentsCtx } from '../../../helpers/comments.js';

const dialect = DIALECTS[0]!;

describe.skipIf(!browserAvailable())(`comment script in chromium (${dialect})`, () => {
  let t: TestDb;
  let c: CommentsCtx;
  let browser: Browser;
  let base: string;
  let url: string;
  let postId: number;
  let first: number;
  beforeAll(async () => {
    t = await freshDb(dialect);
    c = await commentsApp(t, { SITE_URL: 'http://127.0.0.1' }, 2);
    await saveCommentSettings(t.handle.db, { moderation: 'auto', minFillSeconds: 0 });
    url = `/${c.fx.slugs[0]}/`;
    postId = await postIdOf(t.handle.db, c.fx.slugs[0]!);
    first = await addComment(t.handle.db, postId, { body: 'First comment', name: 'Ana' });
    await addComment(t.handle.db, postId, { body: 'Second comment', name: 'Omar' });
    await c.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(c.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await c?.app.close();
    await t?.cleanup();
  });

  it('replies inline and keeps the draft across an error, then clears it once posted', async () => {
    // No bypassCSP: the script must run under the site's own policy.
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // The 403 of the failed post is logged as a failed resource; anything else (a CSP refusal) is a problem.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('status of 403')) problems.push(m.text());
    });
    await page.goto(base + url);
    await page.click(`#comment-${first} a.comment__reply`);
    // The form moved under the comment, without a page load.
    expect(page.url()).toBe(base + url);
    expect(await page.locator(`#comment-${first} form#respond`).count()).toBe(1);
    expect(await page.inputValue('input[name="parent_id"]')).toBe(String(first));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment-body');
    expect(await page.textContent('#respond-heading')).toContain('Reply to Ana');
    // Cancel puts it back; Reply again.
    await page.click('.comment-form__cancel');
    expect(await page.locator(`#comment-${first} form#respond`).count()).toBe(0);
    expect(await page.inputValue('input[name="parent_id"]')).toBe('');
    await page.click(`#comment-${first} a.comment__reply`);

    await page.fill('#comment-name', 'Zoe');
    await page.fill('#comment-body', 'My careful reply');
    // Comments close while the reader writes: the post fails with a 403 page.
    await t.handle.db.updateTable('posts').set({ comment_status: 'closed' }).where('id', '=', postId).execute();
    const [failed] = await Promise.all([page.waitForNavigation(), page.click('#respond button[type="submit"]')]);
    expect(failed?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('Comments are closed');
    await t.handle.db.updateTable('posts').set({ comment_status: 'open' }).where('id', '=', postId).execute();

    // Back on the article (a fresh load, not the back-forward cache): the text and the reply target are back.
    await page.goto(base + url);
    expect(await page.inputValue('#comment-body')).toBe('My careful reply');
    expect(await page.inputValue('input[name="parent_id"]')).toBe(String(first));
    expect(await page.locator(`#comment-${first} form#respond`).count()).toBe(1);

    await page.fill('#comment-name', 'Zoe');
    await Promise.all([page.waitForNavigation(), page.click('#respond button[type="submit"]')]);
    expect(page.url()).toMatch(/#comment-\d+$/);
    const id = /#comment-(\d+)$/.exec(page.url())![1];
    expect(await page.locator(`#comment-${first} #comment-${id}`).count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('broadsheet:')).length)).toBe(0);
    await page.goto(base + url);
    expect(await page.inputValue('#comment-body')).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks for a form token of its own when the reader starts writing (a cached page shares one)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(base + url);
    const before = await page.inputValue('input[name="token"]');
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes('/comments/form-token?post=')), page.focus('#comment-body')]);
    expect(res.status()).toBe(200);
    await page.waitForFunction((old) => (document.querySelector('input[name="token"]') as HTMLInputElement).value !== old, before);
    expect(await page.inputValue('input[name="token"]')).toMatch(/^\d+\.\d+\./);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads as part of the paper: "Comments" over the thread, names as headings, "Leave a comment" over the form, a real button', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(base + url);
    const order = await page.$$eval('#comments h2, #comments h3, #comments ol.comment-list, #comments form', (els) =>
      els.map((e) => (e.tagName === 'OL' ? 'thread' : e.tagName === 'FORM' ? 'form' : `${e.tagName}:${e.textContent?.trim()}`)),
    );
    expect(order.slice(0, 2)).toEqual(['H2:Comments', 'thread']);
    expect(order).toContain('H3:Ana');
    expect(order.indexOf('form')).toBeGreaterThan(order.indexOf('thread'));
    expect(await page.textContent('#respond-heading')).toBe('Leave a comment');
    // The submit button: the site's dark button with a target of at least 24×24 px (WCAG 2.2 SC 2.5.8).
    const button = page.locator('#respond button[type="submit"]');
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    const style = await button.evaluate((b) => ({ bg: getComputedStyle(b).backgroundColor, color: getComputedStyle(b).color }));
    expect(style.bg).not.toBe('rgb(239, 239, 239)'); // the browser's default grey
    expect(style.color).toBe('rgb(255, 255, 255)');
    await context.close();
  });

  it('works with JavaScript off: Reply loads the form for that comment', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + url);
    await Promise.all([page.waitForNavigation(), page.click(`#comment-${first} a.comment__reply`)]);
    expect(page.url()).toContain(`?replytocom=${first}`);
    expect(await page.inputValue('input[name="parent_id"]')).toBe(String(first));
    await page.fill('#comment-name', 'NoJS');
    await page.fill('#comment-body', 'Plain reply');
    await Promise.all([page.waitForNavigation(), page.click('#respond button[type="submit"]')]);
    const id = /#comment-(\d+)$/.exec(page.url())![1];
    expect(await page.locator(`#comment-${first} #comment-${id}`).count()).toBe(1);
    await context.close();
  });
});
