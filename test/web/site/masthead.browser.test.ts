/**
 * The masthead in chromium, under the real CSP and without any script: on a phone (390 px) the
 * search box is an icon that opens a search drawer (keyboard and tap) and the section bar shows a
 * shade at the edge where more sections are; at 1280 px the box stands beside the name and the
 * icon is gone. axe finds nothing at either width.
 */
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, runAxe } from '../../helpers/axe.js';
import { browserAvailable, launchBrowser } from '../../helpers/browser.js';
import { DIALECTS } from '../../helpers/db.js';
import { fixtureSite } from '../../helpers/site.js';

describe.skipIf(!browserAvailable())('masthead in chromium', () => {
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  fixtureSite(DIALECTS[0]!, (s) => ({ app } = s));
  beforeAll(async () => {
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('folds search into an icon on phones that opens without a script, and keeps the box on wide screens', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
    const page = await phone.newPage();
    await page.goto(`${base}/`);
    await expect(page.locator('#masthead-search-q').isVisible()).resolves.toBe(false);
    const toggle = page.locator('.masthead__find-toggle');
    await expect(toggle.isVisible()).resolves.toBe(true);
    const box = await toggle.boundingBox();
    // A 44 px target on the masthead's first line, beside the name.
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    const title = await page.locator('.masthead__title').boundingBox();
    expect(Math.abs(box!.y + box!.height / 2 - (title!.y + title!.height / 2))).toBeLessThan(12);
    await expect(page.locator('#masthead-find-q').isVisible()).resolves.toBe(false);
    // Keyboard: Tab to the icon (after the skip link and the name), Enter opens the drawer.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#masthead-find-q').isVisible()).resolves.toBe(true);
    await page.locator('#masthead-find-q').fill('harbour');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=harbour/);
    // The section bar scrolls sideways, and says so with a shade at its edges.
    await page.goto(`${base}/`);
    const bar = await page
      .locator('.mainnav__list')
      .evaluate((el) => ({ attachment: getComputedStyle(el).backgroundAttachment, overflow: getComputedStyle(el).overflowX }));
    expect(bar.overflow).toBe('auto');
    expect(bar.attachment).toBe('local, local, scroll, scroll');
    const violations = await (async () => {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 800 }, bypassCSP: true });
      const p = await ctx.newPage();
      await p.goto(`${base}/`);
      await p.locator('.masthead__find-toggle').click();
      const v = await runAxe(p);
      await ctx.close();
      return v;
    })();
    expect(formatViolations(violations)).toBe('');
    await phone.close();

    const wide = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const desk = await wide.newPage();
    await desk.goto(`${base}/`);
    await expect(desk.locator('#masthead-search-q').isVisible()).resolves.toBe(true);
    await expect(desk.locator('.masthead__find-toggle').isVisible()).resolves.toBe(false);
    await wide.close();
  }, 60_000);
});
