/**
 * The admin in headless Debian chromium, with JavaScript off: first-run setup, adding a user,
 * logging out and in, and axe-core on every admin page (no violations of any impact). The strict
 * CSP stays on while browsing; axe runs in a second context that bypasses it.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable } from '../../helpers/browser.js';
import { axeAs, browserSuite } from './browser-helpers.js';

describe.skipIf(!browserAvailable())('admin in chromium', () => {
  const s = browserSuite();
  const axe = (context: BrowserContext, page: Page): Promise<string> => axeAs(s.browser, context, page.url());

  it('sets up the newsroom, adds a user, logs out and in, without JavaScript; every page passes axe', async () => {
    const { browser, base } = s;
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    const report: Record<string, string> = {};

    await page.goto(`${base}/admin/setup`);
    report.setup = await axe(context, page);
    await page.fill('#name', 'Olga Owner');
    await page.fill('#email', 'olga@example.com');
    await page.fill('#password', 'short');
    await page.fill('#confirm', 'short');
    await page.click('button[type=submit]');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Use at least 10 characters');
    await page.fill('#password', 'the owner passphrase');
    await page.fill('#confirm', 'the owner passphrase');
    await page.click('button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect(page.locator('h1').textContent()).resolves.toBe('Dashboard');
    report.dashboard = await axe(context, page);

    await page.click('nav[aria-label="Admin"] >> text=Users');
    await page.fill('#new-name', 'Edna Editor');
    await page.fill('#new-email', 'edna@example.com');
    await page.selectOption('#new-role', 'editor');
    await page.fill('#new-password', 'edna first password');
    await page.click('text=Add user');
    await expect(page.locator('.notice').textContent()).resolves.toBe('User added.');
    report.users = await axe(context, page);

    await page.click('nav[aria-label="Admin"] >> text=Audit log');
    await expect(page.locator('table').textContent()).resolves.toContain('Created user');
    report.audit = await axe(context, page);

    await page.click('text=Log out');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await expect(page.locator('.notice').textContent()).resolves.toBe('You have logged out.');
    await page.fill('#email', 'edna@example.com');
    await page.fill('#password', 'wrong password');
    await page.click('button[type=submit]');
    report['login failed'] = await axe(context, page);
    await page.fill('#password', 'edna first password');
    await page.click('button[type=submit]');
    await expect(page.locator('.admin-user__who').textContent()).resolves.toContain('Editor');
    await page.goto(`${base}/admin/users`);
    await expect(page.locator('.error-page__status').textContent()).resolves.toBe('Error 403');
    report.forbidden = await axe(context, page);

    await context.close();
    expect(errors, 'console errors (CSP violations show here)').toEqual([]);
    expect(
      Object.entries(report)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `${k}:\n${v}`)
        .join('\n'),
    ).toBe('');
  });
});
