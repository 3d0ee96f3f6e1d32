/**
 * Galleries and images placed at a size of their own, in chromium: the editor keeps a gallery
 * whole when the article around it is edited and saved; the reader sees the gallery as a grid of
 * its columns (two on a phone), every image with its caption and the gallery's caption once under
 * them, and a 300 px image beside the text at 300 px, not stretched. axe finds nothing on the page.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, figure, gallery, p, type ArticleDocument } from '../../../../src/modules/article/document.js';
import { checkDocument } from '../../../../src/modules/article/document-input.js';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { browserAvailable } from '../../../helpers/browser.js';
import { makeUser } from '../../../helpers/admin.js';
import { testImage } from '../../../helpers/fixture.js';
import { formatViolations, runAxe } from '../../../helpers/axe.js';
import { browserSuite, collectErrors, logIn } from '../browser-helpers.js';

describe.skipIf(!browserAvailable())('galleries and placed sizes in chromium', () => {
  let id = 0;
  let original: ArticleDocument;
  const s = browserSuite({
    prepare: async (t) => {
      const db = t.handle.db;
      const root = path.join(t.dataDir, 'media');
      const now = new Date();
      const image = async (name: string, colour: string) =>
        storeImage(db, root, { fileName: `${name}.jpg`, bytes: await testImage(1600, 1000, colour), alt: name, caption: '', credit: '', folder: 'test', now });
      const ids = [];
      for (const [name, colour] of [
        ['quay', '#2f5d8a'],
        ['boats', '#8a5d2f'],
        ['crane', '#2f8a5d'],
        ['market', '#5d2f8a'],
      ] as const)
        ids.push(await image(name, colour));
      original = doc(
        p('The harbour reopened on Monday after three weeks of repairs, and the boats came back before noon.'),
        gallery(
          3,
          ids.map((mediaId, i) => figure({ mediaId, alt: `Picture ${i + 1}`, caption: i === 1 ? '' : `Picture ${i + 1} of the harbour`, align: 'center' })),
          'The harbour in four pictures',
        ),
        figure({ mediaId: ids[0]!, alt: 'The quay, small', align: 'right', width: 300 }),
        p('Text runs beside the small picture. '.repeat(12).trim()),
      );
      id = await createArticle(
        db,
        { slug: 'harbour-pictures', title: 'The harbour in pictures', body: original, status: 'published', publishedAt: now.toISOString() },
        now,
      );
    },
  });

  it('the editor keeps the gallery whole through an edit and a save', async () => {
    const { browser, base } = s;
    const user = await makeUser(s.t, 'editor', 'gallery-editor@example.com');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await logIn(page, base, user.email);
    await page.goto(`${base}/admin/articles/${id}`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    expect(await page.locator('.ProseMirror .editor-gallery .editor-figure').count()).toBe(4);
    await page.locator('.ProseMirror p').last().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Gulls followed.');
    await page.click('button[name=intent][value=save]');
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    const row = await s.t.handle.db.selectFrom('posts').select('body_doc').where('id', '=', id).executeTakeFirstOrThrow();
    const saved = JSON.parse(row.body_doc) as ArticleDocument;
    expect(saved.content.slice(0, -1)).toEqual(checkDocument(original).content.slice(0, -1));
    expect(JSON.stringify(saved.content.at(-1))).toContain('small picture. Gulls followed.');
    expect(errors, 'console errors (CSP violations show here)').toEqual([]);
    await context.close();
  }, 60_000);

  for (const [width, columns] of [
    [1280, 3],
    [390, 2],
  ] as const) {
    it(`a reader at ${width} px sees a ${columns}-column grid with every caption, and the small picture at its own size`, async () => {
      const context = await s.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${s.base}/harbour-pictures/`);
      const grid = page.locator('.article__body .gallery');
      const tracks = await grid.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
      expect(tracks).toBe(columns);
      expect(await page.locator('.gallery__item').count()).toBe(4);
      expect(await page.locator('.gallery__item figcaption').allTextContents()).toEqual([
        'Picture 1 of the harbour',
        'Picture 3 of the harbour',
        'Picture 4 of the harbour',
      ]);
      // The gallery's caption once, under every image, spanning the grid.
      const caption = page.locator('.gallery__caption');
      expect(await caption.textContent()).toBe('The harbour in four pictures');
      const [capBox, gridBox, lastBox] = await Promise.all([caption.boundingBox(), grid.boundingBox(), page.locator('.gallery__item').last().boundingBox()]);
      expect(capBox!.y).toBeGreaterThanOrEqual(lastBox!.y + lastBox!.height - 1);
      expect(Math.abs(capBox!.width - gridBox!.width)).toBeLessThanOrEqual(1);
      // Each cell's image is cropped to the same shape and fills its cell.
      const shapes = await page.locator('.gallery__item img').evaluateAll((els) => els.map((e) => Math.round((e.clientWidth / e.clientHeight) * 10) / 10));
      expect(new Set(shapes)).toEqual(new Set([1.5]));
      // The small picture is shown at 300 px at most (beside the text, at most 45% of the column), never stretched to the column.
      await page.locator('.figure--sized img').evaluate((img: HTMLImageElement) => img.decode());
      const small = await page.locator('.figure--sized img').evaluate((el) => el.getBoundingClientRect().width);
      expect(small).toBeLessThanOrEqual(300);
      expect(small).toBeGreaterThan(width > 600 ? 280 : 299);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `/tmp/gallery-${width}.png`, fullPage: true });
      expect(errors, 'console errors (CSP violations show here)').toEqual([]);
      await context.close();
      // axe is injected as a script: a context without the CSP.
      const checker = await s.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const checked = await checker.newPage();
      await checked.goto(`${s.base}/harbour-pictures/`);
      expect(formatViolations(await runAxe(checked)), `axe at ${width}`).toBe('');
      await checker.close();
    }, 60_000);
  }
});
