/**
 * Autosave in headless chromium with the strict CSP on: an editor changes a published article,
 * the editor script autosaves after its pause (the status line says so), readers still see the
 * published text, and on reopening the article the autosave is offered back and restored.
 */
import { describe, expect, it } from 'vitest';
import { createArticle } from '../../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../../src/modules/article/document.js';
import { browserAvailable } from '../../../../helpers/browser.js';
import { makeUser } from '../../../../helpers/admin.js';
import { axeAs, browserSuite, collectErrors, logIn, openEditor } from '../../browser-helpers.js';

describe.skipIf(!browserAvailable())('autosave in chromium', () => {
  const s = browserSuite({ env: { PAGE_CACHE_MB: '16' } });

  it('autosaves a published article without changing it, then offers the autosave back', async () => {
    const { t, app, browser, base } = s;
    const db = t.handle.db;
    const id = await createArticle(
      db,
      {
        status: 'published',
        publishedAt: new Date('2026-11-20T11:00:00Z').toISOString(),
        slug: 'tide-tables',
        title: 'Tide tables for the week',
        body: doc(p('High water at noon.')),
      },
      new Date('2026-11-20T11:00:00Z'),
    );
    const user = await makeUser(t, 'editor', 'desk@example.com');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await logIn(page, base, user.email);
    await page.goto(`${base}/admin/articles/${id}`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');

    await page.fill('#title', 'Tide tables, revised draft');
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Low water at six.');
    // The debounce is about ten seconds; wait on the status line, not on a clock.
    await page.waitForFunction(() => /Saved at \d/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, { timeout: 30_000 });

    const row = await db.selectFrom('posts').select(['title', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.title).toBe('Tide tables for the week');
    expect(row.body_html).not.toContain('Low water');
    const auto = await db
      .selectFrom('revisions')
      .select(['title', 'body_doc'])
      .where('post_id', '=', id)
      .where('kind', '=', 'autosave')
      .executeTakeFirstOrThrow();
    expect(auto.title).toBe('Tide tables, revised draft');
    expect(auto.body_doc).toContain('Low water at six.');
    const reader = await app.inject('/tide-tables/');
    expect(reader.body).not.toContain('Low water');

    await page.goto(`${base}/admin/articles/${id}`);
    await expect(page.locator('.autosave-offer').textContent()).resolves.toMatch(/There is an autosave from \d\d:\d\d UTC/);
    const violations = await axeAs(browser, context, `${base}/admin/articles/${id}`);

    await page.click('text=Restore the autosave');
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    expect(await page.inputValue('#title')).toBe('Tide tables, revised draft');
    await expect(page.locator('.ProseMirror').textContent()).resolves.toContain('Low water at six.');
    await context.close();
    expect(errors, 'console errors (CSP violations show here)').toEqual([]);
    expect(violations).toBe('');
  }, 90_000);

  it('a new article is kept in the browser until it has a headline, then becomes a draft by itself; text typed before the tab closed is found on return', async () => {
    const { t, base } = s;
    const { context, page, errors } = await openEditor(s, 'author', 'new-writer@example.com');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('The coast road closed at noon');
    await expect(page.locator('#autosave-status').textContent()).resolves.toBe('Kept in this browser; saved as a draft as soon as it has a headline.');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.goto(`${base}/admin/articles`);
    expect(dialogs).toEqual(['beforeunload']);
    await page.goto(`${base}/admin/articles/new`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    await expect(page.locator('.local-copy p').textContent()).resolves.toMatch(/^This browser kept what you typed here at .+, which was not saved\.$/);
    await page.click('text=Restore what you typed');
    await expect(page.locator('.ProseMirror').textContent()).resolves.toBe('The coast road closed at noon');

    // A headline, a pause: the draft exists on the server and the page is its edit form.
    await page.fill('#title', 'Storm closes the coast road');
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/\/admin\/articles\/\d+$/);
    await expect(page.locator('#autosave-status').textContent()).resolves.toMatch(/^Draft created at .+; what you type now is autosaved\.$/);
    const row = await t.handle.db
      .selectFrom('posts')
      .select(['id', 'status', 'body_html'])
      .where('slug', '=', 'storm-closes-the-coast-road')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
    expect(row.body_html).toContain('closed at noon');
    expect(page.url()).toBe(`${base}/admin/articles/${row.id}`);

    // Mid-sentence, the tab closes: what was typed is there when the article is opened again.
    await page.locator('.ProseMirror p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' as the wind');
    await page.close({ runBeforeUnload: false });
    const again = await context.newPage();
    await again.goto(`${base}/admin/articles/${row.id}`);
    await again.waitForSelector('[data-editor-ready] .ProseMirror');
    const offer = again.locator('.local-copy button:text("Restore what you typed"), form[action$="/autosave/restore"] button, a:text("Restore the autosave")');
    await offer.first().click();
    await again.waitForSelector('[data-editor-ready] .ProseMirror');
    await expect.poll(() => again.locator('.ProseMirror').textContent()).toBe('The coast road closed at noon as the wind');
    // Saving it by hand updates the same draft: no second article.
    await again.click('button[value=save]');
    await again.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    const rows = await t.handle.db.selectFrom('posts').select(['id', 'body_html']).where('title', '=', 'Storm closes the coast road').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body_html).toContain('as the wind');
    await context.close();
    expect(errors).toEqual([]);
  }, 90_000);

  it('offline, what is typed waits in the browser and is autosaved when the connection returns', async () => {
    const { t } = s;
    const db = t.handle.db;
    const id = await createArticle(
      db,
      { status: 'draft', slug: 'ferry-timetable', title: 'Ferry timetable', body: doc(p('Ferries every hour.')) },
      new Date('2026-11-20T11:00:00Z'),
    );
    const { context, page, errors } = await openEditor(s, 'editor', 'offline-desk@example.com', `/admin/articles/${id}`, (text) =>
      /Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(text),
    );
    await context.setOffline(true);
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Except on Sundays.');
    await page.waitForFunction(() => /^Offline:/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('broadsheet:draft:')))).toBe(true);
    await context.setOffline(false);
    await page.waitForFunction(() => /Saved at \d/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const auto = await db.selectFrom('revisions').select('body_doc').where('post_id', '=', id).where('kind', '=', 'autosave').executeTakeFirstOrThrow();
    expect(auto.body_doc).toContain('Except on Sundays.');
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('broadsheet:draft:')))).toBe(false);
    await context.close();
    expect(errors).toEqual([]);
  }, 90_000);
});
