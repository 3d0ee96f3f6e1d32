/**
 * The newsroom's day in headless chromium with the strict CSP on: an editor logs in, writes an
 * article with a captioned image (uploaded inside the picker) and a quoted social post, files it
 * in a section, schedules it a minute ahead, and — when the injected clock passes that minute and
 * the scheduler runs as it does in a server — a reader sees it on the home page and in its
 * section, with the cached pages refreshed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { browserAvailable } from '../../helpers/browser.js';
import { insertCategory } from '../../../src/modules/taxonomy/taxonomy.repository.js';
import { startJobs, type Jobs } from '../../../src/app.js';
import { makeUser } from '../../helpers/admin.js';
import { browserSuite, collectErrors, logIn } from './browser-helpers.js';
import { Clock } from '../../helpers/clock.js';

describe.skipIf(!browserAvailable())('newsroom: write, illustrate, quote, schedule, go live', () => {
  const clock = new Clock(new Date('2026-11-20T09:00:00Z').getTime());
  const s = browserSuite({ clock, env: { PAGE_CACHE_MB: '16' } });
  // The server's own jobs, on the test's clock; the test runs the scheduler's pass itself.
  let jobs: Jobs;
  beforeAll(() => {
    jobs = startJobs(s.app, s.t.handle.db, { ipRetentionDays: 0, now: clock.now, intervalMs: 3_600_000 });
  });
  afterAll(() => jobs?.stop());

  it('schedules an illustrated article with a quote card and it goes live on time', async () => {
    const { t, browser, base } = s;
    const sectionId = await insertCategory(t.handle.db, { parent_id: null, slug: 'harbour', name: 'Harbour' });
    const editor = await makeUser(t, 'editor', 'desk@example.com');
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);

    // A reader loads the home page and the section first, so both sit in the page cache.
    let reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/`);
    await reader.goto(`${base}/category/harbour/`);
    await expect(reader.locator('main').textContent()).resolves.not.toContain('Ferry timetable');

    await logIn(page, base, editor.email);
    await page.waitForURL(/\/admin$/);

    await page.goto(`${base}/admin/articles/new`);
    await page.waitForSelector('[data-editor-ready] .ProseMirror');
    await page.fill('#title', 'Ferry timetable changes for winter');
    await page.fill('#excerpt', 'Fewer crossings from December, and a later last boat on Fridays.');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('The harbour office published the winter timetable on Monday.');
    await page.keyboard.press('Enter');

    // A captioned image, uploaded inside the picker.
    await page.click('button[data-command="Image from the media library"]');
    const dialog = page.locator('dialog[data-media-picker]');
    await dialog.waitFor();
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3d6b8c' } })
      .jpeg()
      .toBuffer();
    await dialog.getByLabel(/Image file/).setInputFiles({ name: 'ferry.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await dialog.getByLabel('Alt text', { exact: true }).fill('The ferry leaving the quay');
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await expect(dialog.locator('button[aria-pressed="true"]').textContent()).resolves.toContain('ferry');
    await dialog.getByLabel('Caption').fill('Anna Berg, harbour master');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await expect(dialog.count()).resolves.toBe(0);

    // A quoted social post: a card whose fields are typed in place (no prompts).
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('End');
    await page.click('button[data-command="Quoted social post"]');
    const postCard = page.locator('.editor-card').last();
    await postCard.getByLabel('Link to the post').fill('https://social.example/@harbouroffice/1');
    await postCard.getByLabel('Author').fill('Harbour Office');
    await postCard.getByLabel('Handle').fill('@harbouroffice');
    await postCard.getByLabel('Network').fill('Mastodon');
    await postCard.getByLabel('Date').fill('2026-11-19');
    await postCard.getByLabel('Text of the post').fill('Winter timetable is out: last Friday boat now leaves at 23:10.');
    await postCard.getByRole('button', { name: 'Done' }).click();

    await page.check(`input[name=category][value="${sectionId}"]`);
    await page.selectOption('#primary-category', String(sectionId));
    // A minute ahead of the (injected) clock; times are entered in UTC.
    await page.fill('#publish-at', new Date(clock.t + 60_000).toISOString().slice(0, 16));
    await page.click('button[value=schedule]');
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);
    await expect(page.locator('.status-badge, .badge').filter({ hasText: 'Scheduled' }).count()).resolves.toBeGreaterThan(0);

    // Not yet: the scheduler runs, but the minute has not passed.
    await expect(jobs.publishDue()).resolves.toEqual([]);
    await reader.goto(`${base}/category/harbour/`);
    await expect(reader.locator('main').textContent()).resolves.not.toContain('Ferry timetable');
    expect((await reader.goto(`${base}/ferry-timetable-changes-for-winter/`))?.status()).toBe(404);

    clock.advance(61_000);
    const live = await jobs.publishDue();
    expect(live).toHaveLength(1);
    // purgePosts runs in the background in a server; give it its moment.
    await new Promise((r) => setTimeout(r, 200));

    // A new visit (the first reader's browser may keep its copy for max-age, as it should).
    await reader.context().close();
    reader = await (await browser.newContext()).newPage();
    await reader.goto(`${base}/`);
    await expect(reader.locator('main').textContent()).resolves.toContain('Ferry timetable changes for winter');
    await reader.goto(`${base}/category/harbour/`);
    await expect(reader.locator('main').textContent()).resolves.toContain('Ferry timetable changes for winter');
    await reader.click('text=Ferry timetable changes for winter');
    await reader.waitForURL(/\/ferry-timetable-changes-for-winter\/$/);
    await expect(reader.locator('.breadcrumb, nav[aria-label="Breadcrumb"]').first().textContent()).resolves.toContain('Harbour');
    const figure = reader.locator('.article__body figure picture img');
    await expect(figure.getAttribute('alt')).resolves.toBe('The ferry leaving the quay');
    await expect(reader.locator('.article__body figure figcaption').first().textContent()).resolves.toContain('Anna Berg, harbour master');
    const card = reader.locator('.article__body .quote-card');
    await expect(card.locator('blockquote').textContent()).resolves.toContain('last Friday boat now leaves at 23:10');
    await expect(card.locator('.quote-card__author').textContent()).resolves.toBe('Harbour Office');
    await expect(card.locator('.quote-card__handle').textContent()).resolves.toBe('@harbouroffice');
    await expect(card.locator('time').getAttribute('datetime')).resolves.toMatch(/^2026-11-19/);
    await reader.context().close();
    await context.close();
    expect(errors, 'console errors (CSP violations show here)').toEqual([]);
  }, 120_000);
});
