/**
 * The moderation queue in chromium without JavaScript, at 1280 and 390 px: the statuses are tabs
 * in one row (the current one underlined, its count dark), the filters and the row buttons are the
 * admin's fields and buttons (at least 36 px tall), a row's Approve works, and axe finds nothing.
 * With JavaScript, Approve and Reply act from the queue itself.
 */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../../../helpers/browser.js';
import { buildFixture } from '../../../helpers/fixture.js';
import { makeUser } from '../../../helpers/admin.js';
import { insertComment } from '../../../helpers/comments.js';
import { axeAs, browserSuite, logIn } from '../browser-helpers.js';

describe.skipIf(!browserAvailable())('moderation queue in chromium', () => {
  const s = browserSuite({
    prepare: async (t) => {
      const fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 2);
      const post = await t.handle.db.selectFrom('posts').select('id').where('slug', '=', fx.slugs[0]!).executeTakeFirstOrThrow();
      for (const [i, body] of ['First thoughts on the rail plan.', 'A second view.', 'Buy cheap watches now'].entries()) {
        await insertComment(t.handle.db, {
          postId: post.id,
          body,
          status: 'pending',
          name: `Reader ${i}`,
          email: `r${i}@example.com`,
          at: `2026-11-20T11:3${i}:00.000Z`,
          ...(i === 2 ? { spamScore: 4, spamReasons: 'links,words' } : {}),
        });
      }
    },
  });

  it('shows the statuses as tabs and the actions as the admin’s buttons, at both widths, axe-clean', async () => {
    const editor = await makeUser(s.t, 'editor');
    for (const width of [1280, 390]) {
      const context = await s.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await logIn(page, s.base, editor.email);
      await page.goto(`${s.base}/admin/comments`);
      const tabs = page.locator('.tabs__tab');
      await expect(tabs.count()).resolves.toBe(4);
      const boxes = await tabs.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      // One row, not a bulleted list.
      expect(new Set(boxes.map((y) => Math.round(y))).size, `width ${width}`).toBe(1);
      const current = page.locator('.tabs__tab[aria-current="page"]');
      // At 390 px the queue is seen after one comment was approved at 1280.
      await expect(current.textContent()).resolves.toBe(width === 1280 ? 'Pending 3' : 'Pending 2');
      const look = await current.evaluate((e) => ({ border: getComputedStyle(e).borderBottomWidth, bullet: getComputedStyle(e.parentElement!).listStyleType }));
      expect(look.border).toBe('3px');
      expect(look.bullet).toBe('none');
      for (const b of await page.locator('.row-actions .button').all()) expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(36);
      await expect(page.locator('.filters .field__input').count()).resolves.toBe(4);
      await page.screenshot({ path: path.join(os.tmpdir(), `broadsheet-queue-${width}.png`), fullPage: true });
      expect(await axeAs(s.browser, context, page.url()), `axe at ${width}`).toBe('');
      if (width === 1280) {
        await page.locator('tr', { hasText: 'First thoughts' }).locator('button', { hasText: 'Approve' }).click();
        await expect(page.locator('.tabs__tab[aria-current="page"]').textContent()).resolves.toBe('Pending 2');
        await expect(page.locator('.tabs__tab', { hasText: 'Approved' }).textContent()).resolves.toBe('Approved 1');
      }
      await context.close();
    }
  }, 120_000);

  it('with JavaScript, approves and replies from the queue without leaving it', async () => {
    const editor = await makeUser(s.t, 'editor');
    const context = await s.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await logIn(page, s.base, editor.email);
    await page.goto(`${s.base}/admin/comments`);
    const before = page.url();
    const rows = page.locator('tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(2);
    // Approve: the row leaves the pending tab, the page stays, the change is announced.
    const first = rows.first();
    const firstId = (await first.getAttribute('id'))!.slice(1);
    await first.locator('button', { hasText: 'Approve' }).click();
    await expect.poll(() => page.locator('.queue-status').textContent()).toBe(`Comment ${firstId}: approved.`);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(count - 1);
    await expect(page.locator('.tabs__tab[aria-current="page"]').textContent()).resolves.toBe(`Pending ${count - 1}`);
    expect(page.url()).toBe(before);
    const stored = await s.t.handle.db.selectFrom('comments').select('status').where('id', '=', Number(firstId)).executeTakeFirstOrThrow();
    expect(stored.status).toBe('approved');
    // Reply: a box under the comment; publishing approves the held comment and posts the reply.
    const next = page.locator('tbody tr').first();
    const nextId = Number((await next.getAttribute('id'))!.slice(1));
    await next.locator('button[data-inline-reply]').click();
    const box = next.locator('.inline-reply textarea');
    await expect(box.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.locator('.inline-reply button', { hasText: 'Publish reply' }).click();
    await expect.poll(() => page.locator('.queue-status').textContent()).toBe('Write the reply first.');
    await box.fill('Thanks, we have corrected the figure.');
    await page.locator('.inline-reply button', { hasText: 'Publish reply' }).click();
    await expect.poll(() => page.locator('.queue-status').textContent()).toContain(`Reply to comment ${nextId} published`);
    const reply = await s.t.handle.db.selectFrom('comments').select(['status', 'body_html']).where('parent_id', '=', nextId).executeTakeFirstOrThrow();
    expect(reply.status).toBe('approved');
    expect(reply.body_html).toContain('corrected the figure');
    expect(page.url()).toBe(before);
    await page.screenshot({ path: path.join(os.tmpdir(), 'broadsheet-queue-inline.png'), fullPage: true });
    expect(await axeAs(s.browser, context, page.url())).toBe('');
    await context.close();
  }, 120_000);
});
