/**
 * The rich article editor in headless chromium with the strict CSP on: log in, write an article
 * with bold text and a heading in the Tiptap editor, publish it, and read it on the public site.
 * Also axe-core on the article list and the edit form.
 */
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../../../helpers/browser.js';
import { makeUser } from '../../../helpers/admin.js';
import { loadSiteSettings, updateSiteSettings } from '../../../../src/modules/site/site.service.js';
import { cliActor } from '../../../../src/modules/user/user.js';
import { insertTag } from '../../../../src/modules/taxonomy/taxonomy.repository.js';
import { axeAs, browserSuite, collectErrors, logIn, openEditor } from '../browser-helpers.js';

describe.skipIf(!browserAvailable())('article editor in chromium', () => {
  const s = browserSuite({ env: { PAGE_CACHE_MB: '16' } });

  it('writes an article with bold text in the editor, publishes it and shows it on the site', async () => {
    const { browser, base } = s;
    const user = await makeUser(s.t, 'author', 'writer@example.com');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);

    await logIn(page, base, user.email);
    await page.goto(`${base}/admin/articles/new`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    expect(await page.locator('#body-text').isHidden()).toBe(true);

    await page.fill('#title', 'Gulls return to the harbour');
    await page.fill('#excerpt', 'After ten years away.');
    const editor = page.locator('.ProseMirror');
    await editor.click();
    await page.keyboard.type('The gulls are ');
    await page.click('button[data-command="Bold"]');
    await page.keyboard.type('back');
    await page.click('button[data-command="Bold"]');
    await page.keyboard.type(' at last.');
    await page.keyboard.press('Enter');
    await page.click('button[data-command="Heading"]');
    await page.keyboard.type('What changed');
    expect(await page.inputValue('[name=body_format]')).toBe('json');
    // The desk's line under the body counts as one types; the address follows the headline.
    await expect(page.locator('[data-desk-stats]').textContent()).resolves.toBe('8 words · 39 characters · 1 min read');
    await expect(page.locator('[data-slug-preview]').textContent()).resolves.toBe('Its address: /gulls-return-to-the-harbour/ (made from the headline)');
    await page.fill('#slug', 'gulls-return-to-the-harbour');
    await expect(page.locator('[data-slug-preview]').textContent()).resolves.toBe('Its address: /gulls-return-to-the-harbour/');

    await page.click('button[value=publish]');
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    await expect(page.locator('.notice').textContent()).resolves.toBe('Saved.');

    const site = await browser.newContext();
    const reader = await site.newPage();
    await reader.goto(`${base}/gulls-return-to-the-harbour/`);
    await expect(reader.locator('h1').first().textContent()).resolves.toContain('Gulls return to the harbour');
    expect((await reader.locator('article strong, .article__body strong').first().textContent())?.trim()).toBe('back');
    await expect(reader.locator('h2', { hasText: 'What changed' }).count()).resolves.toBe(1);
    await site.close();

    const report: string[] = [];
    for (const url of ['/admin/articles', page.url().replace(base, '')]) {
      const v = await axeAs(browser, context, `${base}${url}`);
      if (v) report.push(`${url}:\n${v}`);
    }
    await context.close();
    expect(errors, 'console errors (CSP violations show here)').toEqual([]);
    expect(report.join('\n')).toBe('');
  }, 60_000);

  it('the pull-quote button makes a pull quote, set large on the site, and turns a quotation into one and back', async () => {
    const { browser, base } = s;
    const user = await makeUser(s.t, 'author', 'puller@example.com');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    // No prompt: each quotation's citation is a field under its words.
    page.on('dialog', (d) => void d.dismiss());
    await logIn(page, base, user.email);
    await page.goto(`${base}/admin/articles/new`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    await page.fill('#title', 'Library quotes');
    await page.fill('#excerpt', 'Two kinds of quotation.');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('Opening words.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A library is one of the last places where you can stay as long as you like.');
    await page.click('button[data-command="Quotation with citation"]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The harbour is the living room.');
    await page.click('button[data-command="Pull quote"]');
    const kinds = () =>
      page
        .inputValue('[name=body_json]')
        .then((j) =>
          (JSON.parse(j) as { content: { type: string; attrs?: { kind?: string } }[] }).content
            .filter((b) => b.type === 'blockquote')
            .map((b) => b.attrs?.kind ?? 'quote'),
        );
    expect(await kinds()).toEqual(['quote', 'pull']);
    // Inside the pull quote the button turns it back into a quotation, and again into a pull quote.
    await page.click('button[data-command="Pull quote"]');
    expect(await kinds()).toEqual(['quote', 'quote']);
    await page.click('button[data-command="Pull quote"]');
    expect(await kinds()).toEqual(['quote', 'pull']);
    await page.locator('.editor-quote').nth(0).getByLabel('Citation').fill('Ruth Amsel');
    await page.locator('.editor-quote').nth(1).getByLabel('Citation').fill('Jonas Weir');
    // Enter in a citation does not send the form.
    await page.locator('.editor-quote').nth(1).getByLabel('Citation').press('Enter');
    expect(page.url()).toMatch(/\/admin\/articles\/new$/);
    await expect(page.locator('.editor-quote--pull .editor-quote__kind').textContent()).resolves.toBe('Pull quote');
    await page.click('button[value=publish]');
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    // Back in the editor, the citations are in their fields.
    await expect(page.locator('.editor-quote').nth(0).getByLabel('Citation').inputValue()).resolves.toBe('Ruth Amsel');

    const reader = await browser.newPage();
    await reader.goto(`${base}/library-quotes/`);
    const size = (sel: string) =>
      reader
        .locator(sel)
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    await expect(reader.locator('blockquote.quote footer cite').textContent()).resolves.toBe('Ruth Amsel');
    await expect(reader.locator('blockquote.pullquote footer cite').textContent()).resolves.toBe('Jonas Weir');
    expect(await size('blockquote.quote p')).toBe(await size('.article__body > p'));
    expect(await size('blockquote.pullquote p')).toBeGreaterThan(await size('.article__body > p'));
    await reader.close();
    await context.close();
    expect(errors, 'console errors (CSP violations show here)').toEqual([]);
  }, 60_000);

  it('a Persian article is written right to left: the body and the fields follow the language field', async () => {
    const { context, page, errors } = await openEditor(s, 'author', 'farsi-writer@example.com');
    const dir = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((el) => getComputedStyle(el).direction);
    expect(await dir('.ProseMirror')).toBe('ltr');
    await page.fill('#language', 'fa');
    expect(await page.locator('.ProseMirror').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.ProseMirror').getAttribute('lang')).toBe('fa');
    expect(await dir('.ProseMirror')).toBe('rtl');
    expect(await dir('#title')).toBe('rtl');
    expect(await dir('#excerpt')).toBe('rtl');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('بندر دوباره باز شد.');
    // A paragraph of Latin text in it still reads left to right (dir=auto on each paragraph).
    await page.keyboard.press('Enter');
    await page.keyboard.type('Port of Velmar, press release');
    expect(await dir('.ProseMirror p:last-child')).toBe('ltr');
    expect(await dir('.ProseMirror p:first-child')).toBe('rtl');
    await page.fill('#language', 'en');
    expect(await page.locator('.ProseMirror').getAttribute('dir')).toBe('auto');
    await context.close();
    expect(errors).toEqual([]);
  }, 60_000);

  it('suggests existing tags as one types and marks a new one as new', async () => {
    await insertTag(s.t.handle.db, { slug: 'harbour', name: 'Harbour' });
    await insertTag(s.t.handle.db, { slug: 'old-harbour', name: 'Old harbour' });
    const { context, page, errors } = await openEditor(s, 'author', 'tagger@example.com');
    await page.locator('#tags').pressSequentially('har');
    const options = page.locator('#tags-suggestions [role=option]');
    await expect.poll(() => options.allTextContents()).toEqual(['Harbour', 'Old harbour', 'har (new tag)']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.inputValue('#tags')).toBe('Harbour, ');
    await page.locator('#tags').pressSequentially('Ferries');
    await expect.poll(() => options.allTextContents()).toEqual(['Ferries (new tag)']);
    await page.keyboard.press('Escape');
    expect(await page.locator('#tags-suggestions').isHidden()).toBe(true);
    await context.close();
    expect(errors).toEqual([]);
  }, 60_000);
});

describe.skipIf(!browserAvailable())('scheduling in the site’s zone, in chromium', () => {
  const s = browserSuite({
    prepare: async (t) => {
      const db = t.handle.db;
      await updateSiteSettings(db, { ...(await loadSiteSettings(db)), timeZone: 'Europe/Berlin' }, cliActor, new Date('2026-11-20T11:00:00Z'));
    },
  });

  it('states the UTC time of a publication time typed in the site’s zone, and says when it does not exist', async () => {
    const { context, page, errors } = await openEditor(s, 'editor', 'scheduler@example.com');
    await expect(page.locator('#publish-at-hint').textContent()).resolves.toContain('Europe/Berlin');
    await page.fill('#publish-at', '2026-12-08T09:30');
    await expect(page.locator('[data-utc-echo]').textContent()).resolves.toBe('That is 2026-12-08 08:30 UTC.');
    await page.fill('#publish-at', '2027-07-01T09:30');
    await expect(page.locator('[data-utc-echo]').textContent()).resolves.toBe('That is 2027-07-01 07:30 UTC.');
    await page.fill('#publish-at', '2027-03-28T02:30');
    await expect(page.locator('[data-utc-echo]').textContent()).resolves.toBe('That time does not exist in Europe/Berlin (the clocks change then).');
    await context.close();
    expect(errors).toEqual([]);
  }, 60_000);
});
