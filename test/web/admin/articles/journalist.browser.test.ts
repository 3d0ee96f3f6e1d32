/**
 * The editor walked as a journalist would, in chromium: Markdown shortcuts typed into the body,
 * the block menu from "/", a post's link pasted alone on a line becoming a card filled by the
 * server from a stand-in for the network's oEmbed endpoint (a local HTTP server answering as X
 * does), the card's words corrected in place, an image dropped into the body (uploaded, its alt
 * text asked for, its caption typed under it), a gallery of two library images, the search and
 * social previews following the headline, and the published page showing all of it. No prompt
 * appears on the way; axe finds nothing on the editor with those blocks in it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { browserAvailable } from '../../../helpers/browser.js';
import { testImage } from '../../../helpers/fixture.js';
import { axeAs, browserSuite, openEditor } from '../browser-helpers.js';

const POST_URL = 'https://x.com/velmarport/status/1790000000000000001';

/** Stands in for publish.twitter.com/oembed: X's answer's shape, for the one post it knows. */
function standIn(): http.Server {
  return http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (u.pathname !== '/x/oembed' || u.searchParams.get('url') !== POST_URL) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(
      JSON.stringify({
        url: POST_URL,
        author_name: 'Port of Velmar',
        author_url: 'https://twitter.com/velmarport',
        html: `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The north quay is open again from 06:00 tomorrow. Thank you for your patience.</p>&mdash; Port of Velmar (@velmarport) <a href="${POST_URL}?ref_src=twsrc%5Etfw">May 14, 2024</a></blockquote>\n`,
        width: 550,
        height: null,
        type: 'rich',
        cache_age: '3153600000',
        provider_name: 'Twitter',
        provider_url: 'https://twitter.com',
        version: '1.0',
      }),
    );
  });
}

describe.skipIf(!browserAvailable())('a journalist writes in the editor', () => {
  const server = standIn();
  // Filled in before the app is built (browserSuite's beforeAll runs after this one).
  const env: Record<string, string> = { EMBED_ALLOW_PRIVATE: '1' };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    env.EMBED_OEMBED_X = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x/oembed`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const s = browserSuite({
    env,
    prepare: async (t) => {
      const root = path.join(t.dataDir, 'media');
      for (const [name, colour] of [
        ['nets', '#2f5d8a'],
        ['crates', '#8a5d2f'],
      ] as const)
        await storeImage(t.handle.db, root, {
          fileName: `${name}.jpg`,
          bytes: await testImage(1200, 800, colour),
          alt: `Library ${name}`,
          caption: '',
          credit: '',
          folder: 'test',
          now: new Date(),
        });
    },
  });

  it('writes with shortcuts, a card from a link, a dropped image and a gallery, and publishes them', async () => {
    const { context, page, errors } = await openEditor(s, 'editor', 'desk@example.com');
    const prompts: string[] = [];
    page.on('dialog', (d) => {
      prompts.push(d.message());
      void d.dismiss();
    });
    const doc = async () =>
      JSON.parse(await page.inputValue('[name=body_json]')) as { content: { type: string; attrs?: Record<string, unknown>; content?: unknown[] }[] };
    // The blocks with something in them (the editor keeps an empty paragraph at the end to type in).
    const types = async () => (await doc()).content.filter((b) => b.type !== 'paragraph' || b.content?.length).map((b) => b.type);

    await page.fill('#title', 'The north quay reopens');
    await page.fill('#excerpt', 'Repairs finished a week early.');
    // The previews follow the headline and the standfirst.
    await expect(page.locator('[data-serp] .serp__title').textContent()).resolves.toBe('The north quay reopens');
    await expect(page.locator('[data-social-card] .social-card__desc').textContent()).resolves.toBe('Repairs finished a week early.');

    // Markdown as one types.
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('The quay was closed for three weeks. It is **open** again.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## What changes');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- New bollards');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Brighter lights');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('> Ships can berth at night again.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await types()).toEqual(['paragraph', 'heading', 'bulletList', 'blockquote']);
    const first = (await doc()).content[0] as { content: { text: string; marks?: { type: string }[] }[] };
    expect(first.content.find((t) => t.text === 'open')?.marks?.[0]?.type).toBe('bold');
    await page.locator('.editor-quote').getByLabel('Citation').fill('Ines Marek, harbour master');

    // The block menu from "/": filtered as one types, Enter inserts (a divider).
    await page.locator('.ProseMirror > p').last().click();
    await page.keyboard.type('/divi');
    await expect(page.locator('.block-menu').isVisible()).resolves.toBe(true);
    await expect(page.locator('.block-menu__item').allTextContents()).resolves.toEqual(['Divider']);
    await page.keyboard.press('Enter');
    expect((await types()).at(-1)).toBe('horizontalRule');
    expect(JSON.stringify(await doc())).not.toContain('/divi');

    // A post's link pasted alone on the empty line: a card, filled by the server from the stand-in.
    await page.locator('.ProseMirror > p').last().click();
    await page.evaluate((url) => {
      const data = new DataTransfer();
      data.setData('text/plain', url);
      document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, POST_URL);
    const card = page.locator('.editor-card').first();
    await expect.poll(() => card.getByLabel('Author').inputValue(), { timeout: 10_000 }).toBe('Port of Velmar');
    expect(await card.getByLabel('Handle').inputValue()).toBe('@velmarport');
    expect(await card.getByLabel('Date').inputValue()).toBe('2024-05-14');
    expect(await card.getByLabel('Text of the post').inputValue()).toBe('The north quay is open again from 06:00 tomorrow. Thank you for your patience.');
    // Corrected in place, then shown as the page will show it.
    await card.getByLabel('Text of the post').fill('The north quay is open again from 06:00 on Wednesday.');
    await card.getByRole('button', { name: 'Done' }).click();
    await expect(card.locator('.editor-card__text').textContent()).resolves.toBe('The north quay is open again from 06:00 on Wednesday.');
    const cardAttrs = (await doc()).content.find((b) => b.type === 'quoteCard')?.attrs;
    expect(cardAttrs).toMatchObject({
      author: 'Port of Velmar',
      handle: '@velmarport',
      url: POST_URL,
      text: 'The north quay is open again from 06:00 on Wednesday.',
    });

    // An image dropped into the body: uploaded, drawn, its alt text asked for; the caption typed under it.
    const png = (await testImage(900, 600, '#5d8a2f')).toString('base64');
    const drop = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'quay-at-dawn.jpg', { type: 'image/jpeg' }));
      return data;
    }, png);
    const box = (await page.locator('.ProseMirror > p').first().boundingBox())!;
    await page.dispatchEvent('.ProseMirror', 'drop', { dataTransfer: drop, clientX: box.x + 20, clientY: box.y + box.height - 2 });
    const dropped = page.locator('.editor-figure').first();
    await dropped.locator('img').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.block-field')?.textContent ?? '')).toContain('Alt text');
    await page.keyboard.type('Cranes on the north quay at dawn');
    await dropped.getByLabel('Caption').fill('The north quay on Tuesday morning');
    await dropped.getByLabel('Credit').fill('Photo: Lea Horn');
    const fig = (await doc()).content.find((b) => b.type === 'figure')?.attrs;
    expect(fig).toMatchObject({ alt: 'Cranes on the north quay at dawn', caption: 'The north quay on Tuesday morning', credit: 'Photo: Lea Horn' });

    // A gallery of the two library images, from the toolbar's Gallery and the picker.
    await page.locator('.ProseMirror > p').last().click();
    await page.click('button[data-command="Gallery of several images"]');
    const picker = page.locator('dialog[data-media-picker]');
    await picker.waitFor();
    await picker.locator('.media-picker__choice', { hasText: 'nets' }).click();
    await picker.locator('.media-picker__choice', { hasText: 'crates' }).click();
    await picker.getByLabel('Layout').selectOption('2');
    await picker.getByRole('button', { name: 'Insert gallery' }).click();
    await expect(page.locator('.ProseMirror .editor-gallery .editor-figure img').count()).resolves.toBe(2);
    const gallery = (await doc()).content.find((b) => b.type === 'gallery');
    expect(gallery?.attrs?.columns).toBe(2);
    expect(gallery?.content).toHaveLength(2);

    await page.click('button[value=publish]');
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    // Back in the editor after the save: the blocks are drawn with what was typed in them.
    await expect(page.locator('.editor-figure').first().getByLabel('Caption').inputValue()).resolves.toBe('The north quay on Tuesday morning');
    await expect(page.locator('.editor-card .editor-card__author').textContent()).resolves.toBe('Port of Velmar');
    const axe = await axeAs(s.browser, context, page.url());

    const reader = await s.browser.newPage();
    await reader.goto(`${s.base}/the-north-quay-reopens/`);
    await expect(reader.locator('.article__body h2').textContent()).resolves.toBe('What changes');
    await expect(reader.locator('.article__body blockquote footer cite').first().textContent()).resolves.toBe('Ines Marek, harbour master');
    await expect(reader.locator('.quote-card blockquote').textContent()).resolves.toContain('06:00 on Wednesday');
    await expect(reader.locator('.quote-card__author').textContent()).resolves.toBe('Port of Velmar');
    await expect(reader.locator('figure:not(.quote-card) figcaption').first().textContent()).resolves.toContain('The north quay on Tuesday morning');
    await expect(reader.locator('img[alt="Cranes on the north quay at dawn"]').count()).resolves.toBe(1);
    await expect(reader.locator('.gallery img').count()).resolves.toBe(2);
    await reader.close();
    await context.close();
    expect(prompts, 'no browser prompt on the way').toEqual([]);
    expect(errors, 'console errors (CSP refusals show here)').toEqual([]);
    expect(axe).toBe('');
  }, 120_000);
});
