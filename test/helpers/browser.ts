/**
 * @module test/helpers/browser
 * Headless Debian `chromium` driven by playwright-core. Never downloads a browser: playwright-core
 * has no bundled one, and we point it at the system binary.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** The system browser (apt package `chromium`); $CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless=new',
  // Root in a container has no user namespace sandbox.
  '--no-sandbox',
  '--disable-gpu',
  // No network chatter of its own: tests must see only the requests the page makes.
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // /dev/shm is tiny in containers; chromium crashes on big pages without this.
  '--disable-dev-shm-usage',
];

/** True when the system chromium is installed and executable. */
export function browserAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Launches headless chromium. playwright gives every launch a fresh, empty temporary profile
 * (user-data-dir) and deletes it on close(), so runs never share cookies or caches.
 * Callers must `await browser.close()`.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!browserAvailable()) throw new Error(`chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS, timeout: 30_000 });
}

/**
 * A page in a new context that ignores Content-Security-Policy: our helmet CSP would otherwise
 * block injecting axe-core. Closing the page's context is the caller's job (`page.context().close()`).
 */
export async function newTestPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  return context.newPage();
}

/**
 * The text of an element that a script fills in later (a status line, an error message):
 * waits until it has some, where `textContent()` would return whatever is there at once.
 */
export async function filledText(l: Locator, timeout = 15_000): Promise<string> {
  await l.filter({ hasText: /\S/ }).first().waitFor({ timeout });
  return (await l.first().textContent()) ?? '';
}
