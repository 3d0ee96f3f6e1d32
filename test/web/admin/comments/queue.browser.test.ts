/**
 * The moderation queue in chromium without JavaScript, at 1280 and 390 px: the statuses are tabs
 * in one row (the current one underlined, its count dark), the filters and the row buttons are the
 * admin's fields and buttons (at least 36 px tall), a row's Approve works, and axe finds nothing.
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
});
