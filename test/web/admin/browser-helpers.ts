/**
 * Shared set-up of the admin's browser tests: an admin app on a fresh SQLite database listening
 * on loopback with a chromium beside it, logging in through the form, collecting console errors
 * (CSP refusals show there) and axe on a signed-in page.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { launchBrowser } from '../../helpers/browser.js';
import { formatViolations, runAxe } from '../../helpers/axe.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { adminApp, makeUser } from '../../helpers/admin.js';
import type { Role } from '../../../src/modules/user/user.js';
import { PASSWORD } from '../../helpers/agent.js';
import type { Clock } from '../../helpers/clock.js';

export interface BrowserSuite {
  t: TestDb;
  app: FastifyInstance;
  browser: Browser;
  /** http://127.0.0.1:PORT */
  base: string;
}

/**
 * Registers beforeAll/afterAll for the enclosing describe; the returned object is filled in by
 * beforeAll. `prepare` runs on the database before the app is built (fixtures).
 */
export function browserSuite(o: { clock?: Clock; env?: Record<string, string>; prepare?: (t: TestDb) => Promise<unknown> } = {}): BrowserSuite {
  const s = {} as BrowserSuite;
  beforeAll(async () => {
    s.t = await freshDb('sqlite');
    await o.prepare?.(s.t);
    s.app = await adminApp(s.t, { ...(o.clock ? { clock: o.clock } : {}), env: { SITE_URL: 'http://127.0.0.1', ...o.env } });
    s.base = await s.app.listen({ host: '127.0.0.1', port: 0 });
    s.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await s.browser?.close();
    await s.app?.close();
    await s.t?.cleanup();
  });
  return s;
}

/** Signs in through the login form. */
export async function logIn(page: Page, base: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}

/** Console errors and uncaught exceptions of a page, minus those `expected` accepts. */
export function collectErrors(page: Page, expected: (text: string) => boolean = () => false): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** axe on `url` (default: the page's), loaded with the context's cookies where CSP is bypassed. */
export async function axeAs(browser: Browser, context: BrowserContext, url: string): Promise<string> {
  const checker = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
  await checker.addCookies(await context.cookies());
  const p = await checker.newPage();
  await p.goto(url, { waitUntil: 'load' });
  const out = formatViolations(await runAxe(p));
  await checker.close();
  return out;
}

/**
 * A new signed-in user of `role` with the editor open at `path` (default: a new article), ready
 * (the rich editor mounted); the context is the caller's to close.
 */
export async function openEditor(
  s: BrowserSuite,
  role: Role,
  email: string,
  path = '/admin/articles/new',
  expected?: (text: string) => boolean,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const user = await makeUser(s.t, role, email);
  const context = await s.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page, expected);
  await logIn(page, s.base, user.email);
  await page.goto(`${s.base}${path}`);
  await page.waitForSelector('[data-editor-ready] .ProseMirror');
  return { context, page, errors };
}
