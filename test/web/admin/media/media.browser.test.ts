/**
 * The media library and the editor's image picker in headless chromium with the strict CSP on:
 * upload an image through the library's plain form (after a drag and drop), insert it as a
 * figure from the picker, upload a second one inside the picker as the featured image, publish,
 * and see both as <picture> on the public article. axe-core on the library pages.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { browserAvailable, filledText } from '../../../helpers/browser.js';
import { makeUser } from '../../../helpers/admin.js';
import { axeAs, browserSuite, collectErrors, logIn } from '../browser-helpers.js';
import { jpegWithGps } from './media-helpers.js';

describe.skipIf(!browserAvailable())('media library and picker in chromium', () => {
  const s = browserSuite({ env: { PAGE_CACHE_MB: '16' } });

  it('uploads in the library, inserts from the picker, uploads inside the picker, publishes', async () => {
    const { browser, base } = s;
    const user = await makeUser(s.t, 'author', 'photo-desk@example.com');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    // The one expected failure: the refused upload below (415).
    const errors = collectErrors(page, (text) => text.includes('status of 415'));

    await logIn(page, base, user.email);
    await page.waitForURL(/\/admin$/);

    // The library: drag and drop fills the file input; the plain form uploads it.
    await page.goto(`${base}/admin/media`);
    await page.waitForSelector('form[data-drop-ready]');
    const jpeg = await jpegWithGps(1000, 700);
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'lighthouse.jpg', { type: 'image/jpeg' }));
      const zone = document.querySelector('.media-drop')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, jpeg.toString('base64'));
    expect(await filledText(page.locator('.media-drop__status'))).toContain('Ready to upload: lighthouse.jpg');
    await page.fill('#media-alt', 'A white lighthouse on a rock');
    await page.click('.media-upload button[type=submit]');
    await page.waitForURL(/\/admin\/media\/\d+\?uploaded=1/);
    const firstId = Number(/\/admin\/media\/(\d+)/.exec(page.url())![1]);
    await expect(page.locator('.notice').textContent()).resolves.toBe('Uploaded.');

    // The editor: insert it as a figure from the picker.
    await page.goto(`${base}/admin/articles/new`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    await page.fill('#title', 'The lighthouse keeper');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('He has kept the light for forty years.');
    await page.click('button[data-command="Image from the media library"]');
    const dialog = page.locator('dialog[data-media-picker]');
    await dialog.waitFor();
    await dialog.locator(`button[data-id="${firstId}"]`).click();
    await dialog.getByLabel('Caption').fill('The light at dusk');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await expect(dialog.count()).resolves.toBe(0);
    const doc = JSON.parse(await page.inputValue('[name=body_json]')) as { content: { type: string; attrs?: Record<string, unknown> }[] };
    expect(doc.content.find((b) => b.type === 'figure')?.attrs).toMatchObject({ mediaId: firstId, caption: 'The light at dusk', align: 'center' });

    // The featured image: upload a new one inside the picker and use it.
    await page.click('button[data-command="Choose featured image"]');
    await dialog.waitFor();
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a4d69' } })
      .png()
      .toBuffer();
    await dialog.getByLabel(/Image file/).setInputFiles({ name: 'keeper.png', mimeType: 'image/png', buffer: png });
    await dialog.getByLabel('Alt text', { exact: true }).fill('The keeper on the stairs');
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await expect(dialog.locator('button[aria-pressed="true"]').textContent()).resolves.toContain('keeper');
    await dialog.getByRole('button', { name: 'Use this image' }).click();
    const featuredId = Number(await page.inputValue('#featured-media-id'));
    expect(featuredId).toBeGreaterThan(firstId);
    await expect(page.locator('.featured-field__preview img').getAttribute('alt')).resolves.toBe('Chosen: The keeper on the stairs');

    // A refused upload inside the picker shows the server's message.
    await page.click('button[data-command="Choose featured image"]');
    await dialog.waitFor();
    await dialog.getByLabel(/Image file/).setInputFiles({
      name: 'evil.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    expect(await filledText(dialog.locator('.media-picker__error'))).toMatch(/not an image of a type we accept|SVG images/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.click('button[value=publish]');
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    expect(await page.locator('.warning-box').count()).toBe(0);

    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/the-lighthouse-keeper/`);
    const figure = reader.locator('.article__body figure picture img');
    await expect(figure.getAttribute('alt')).resolves.toBe('A white lighthouse on a rock');
    await expect(figure.getAttribute('width')).resolves.toBe('1000');
    await expect(reader.locator('.article__body figcaption').textContent()).resolves.toContain('The light at dusk');
    await expect(reader.locator('.featured img').getAttribute('alt')).resolves.toBe('The keeper on the stairs');
    // Images actually load (the browser picked a source from the srcset). The figure is
    // loading="lazy": bring it into view, then wait for it to load rather than reading it at once.
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 15_000 }).toBe(true);
    await reader.context().close();

    const report: string[] = [];
    for (const url of ['/admin/media', `/admin/media/${firstId}`]) {
      const v = await axeAs(browser, context, `${base}${url}`);
      if (v) report.push(`${url}:\n${v}`);
    }
    await context.close();
    expect(errors, 'console errors (CSP violations show here)').toEqual([]);
    expect(report.join('\n')).toBe('');
  }, 120_000);
});
