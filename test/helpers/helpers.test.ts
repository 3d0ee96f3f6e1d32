/**
 * Proves the test helpers work: a fresh database per dialect migrates and round-trips a row, the
 * browser loads a local page and axe judges it, vnu tells a valid page from an invalid one.
 */
import http from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DIALECTS, freshDb, type TestDb } from './db.js';
import { browserAvailable, launchBrowser, newTestPage } from './browser.js';
import { formatViolations, runAxe } from './axe.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from './vnu.js';

const VALID_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour at dawn</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><p>The Broadsheet</p></header>
<main><h1>Harbour at dawn</h1><img src="data:," alt="Fishing boats at the quay" width="10" height="10"><p>Text.</p></main>
</body></html>`;

// Missing alt, a duplicate id and a <p> in <ul>: errors for both vnu and axe.
const INVALID_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body><main><h1 id="x">Broken</h1><p id="x">dup</p><img src="data:,"><ul><p>not a list item</p></ul></main></body></html>`;

for (const dialect of DIALECTS) {
  describe(`database (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await freshDb(dialect);
    });
    afterAll(async () => {
      const { dataDir } = t;
      await t.cleanup();
      expect(fs.existsSync(dataDir)).toBe(false);
    });

    it('opens the requested dialect, migrated', async () => {
      expect(t.handle.dialect.name).toBe(dialect);
      expect(t.databaseUrl === undefined).toBe(dialect === 'sqlite');
      const applied = await t.handle.db.selectFrom('broadsheet_migrations').select('name').execute();
      expect(applied.length).toBeGreaterThan(0);
    });

    it('inserts and selects a row', async () => {
      const { db } = t.handle;
      await db.insertInto('settings').values({ key: 'site_name', value: 'Test Gazette' }).execute();
      const row = await db.selectFrom('settings').selectAll().where('key', '=', 'site_name').executeTakeFirstOrThrow();
      expect(row).toEqual({ key: 'site_name', value: 'Test Gazette' });
    });

    it('is isolated from other fresh databases', async () => {
      const other = await freshDb(dialect);
      try {
        expect(await other.handle.db.selectFrom('settings').selectAll().where('key', '=', 'site_name').execute()).toEqual([]);
      } finally {
        await other.cleanup();
      }
    });
  });
}

describe.skipIf(!browserAvailable())('browser + axe', () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" });
      res.end(req.url === '/broken' ? INVALID_PAGE : VALID_PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('loads a data: URL', async () => {
    const page = await newTestPage(browser);
    await page.goto('data:text/html,<title>hello</title><p>hi</p>');
    expect(await page.title()).toBe('hello');
    await page.context().close();
  });

  it('loads a local page and axe passes it, despite a strict CSP', async () => {
    const page = await newTestPage(browser);
    await page.goto(`${base}/`);
    expect(await page.locator('h1').textContent()).toBe('Harbour at dawn');
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.context().close();
  });

  it('axe reports violations on a broken page', async () => {
    const page = await newTestPage(browser);
    await page.goto(`${base}/broken`);
    const ids = (await runAxe(page)).map((v) => v.id);
    expect(ids).toContain('image-alt');
    expect(ids).toContain('list');
    await page.context().close();
  });
});

describe.skipIf(!javaAvailable())('vnu', () => {
  it('passes a valid page and flags an invalid one, in one run', async () => {
    const results = await validateHtml([
      { name: 'valid', html: VALID_PAGE },
      { name: 'invalid', html: INVALID_PAGE },
    ]);
    expect(results.map((r) => r.name)).toEqual(['valid', 'invalid']);
    expect(results[0]!.errors, formatHtmlErrors(results)).toEqual([]);
    const messages = results[1]!.errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/alt/);
    expect(messages).toMatch(/[Dd]uplicate ID/);
    expect(results[1]!.errors.every((e) => typeof e.line === 'number')).toBe(true);
  });
});
