/**
 * An imported site in chromium at 1280 and 390 px: every image of the imported articles is shown
 * (loaded from our media, never the old site), every caption and the gallery's sit under their
 * images, the footnote links go both ways, the quote card is the post's words, and axe finds
 * nothing. Screenshots land in the temp folder for a person to look at.
 */
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { formatViolations, runAxe } from '../helpers/axe.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { importGazette } from './fidelity-fixture.js';

describe.skipIf(!browserAvailable())('an imported site in chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await freshDb('sqlite');
    await importGazette(t);
    app = await testApp(t);
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await t?.cleanup();
  });

  for (const width of [1280, 390]) {
    it(`at ${width} px every image shows, captions sit under their images, footnotes link both ways`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const outside: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(base)) outside.push(r.url());
      });
      for (const slug of ['harbour-reopens', 'crane-stays']) {
        await page.goto(`${base}/${slug}/`, { waitUntil: 'load' });
        const images = page.locator('.article__body img');
        expect(await images.count(), slug).toBeGreaterThan(0);
        for (const img of await images.all()) {
          await img.scrollIntoViewIfNeeded();
          await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
        }
        // Each caption right under its own image.
        for (const fig of await page.locator('.article__body figure.figure').all()) {
          const caption = fig.locator(':scope > figcaption');
          if ((await caption.count()) === 0) continue;
          const [imgBox, capBox] = await Promise.all([fig.locator('img').boundingBox(), caption.boundingBox()]);
          expect(capBox!.y).toBeGreaterThanOrEqual(imgBox!.y + imgBox!.height - 1);
          expect(capBox!.y - (imgBox!.y + imgBox!.height)).toBeLessThan(24);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth), slug).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(os.tmpdir(), `import-${slug}-${width}.png`), fullPage: true });
      }
      // The footnote reference goes to its note, and the note back to the text.
      await page.goto(`${base}/harbour-reopens/`);
      await page.click('sup.fn a');
      expect(await page.evaluate(() => location.hash)).toBe('#fn-1');
      await page.click('#fn-1 .footnote-back');
      expect(await page.evaluate(() => location.hash)).toBe('#fnref-1');
      expect(await page.locator('.quote-card blockquote').textContent()).toContain('Ferries run again from Monday.');
      expect(outside, 'requests to other hosts').toEqual([]);
      await context.close();

      const checker = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const checked = await checker.newPage();
      for (const url of ['/harbour-reopens/', '/crane-stays/', '/']) {
        await checked.goto(base + url);
        expect(formatViolations(await runAxe(checked)), `${url} at ${width}`).toBe('');
      }
      await checker.close();
    }, 90_000);
  }
});
