/**
 * `broadsheet import wordpress FILE.xml --fetch-media` as a user runs it, against a real HTTP
 * server on 127.0.0.1, on every dialect: exit 0, the report names each failed file with its reason,
 * plain progress lines off a terminal, and a second run downloads nothing again. Bad --fetch-*
 * values are usage errors (exit 2).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { oldSiteWxr, startOldSite, UPLOADS, type OldSiteServer } from './old-site-server.js';

const BIN = path.resolve('bin/broadsheet.mjs');

/** Runs the CLI without blocking this process (the old site's server lives here). */
function run(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

let server: OldSiteServer;
beforeAll(async () => {
  server = await startOldSite();
});
afterAll(() => server?.close());

describe('broadsheet import wordpress --fetch-* arguments', () => {
  it('refuses bad --fetch-* values with exit code 2', async () => {
    for (const [extra, message] of [
      [['--fetch-media', '--fetch-timeout', 'soon'], '--fetch-timeout must be a number'],
      [['--fetch-media', '--fetch-concurrency', '0'], '--fetch-concurrency must be a whole number from 1 to 32'],
      [['--fetch-media', '--fetch-host', 'http://x/'], '--fetch-host takes a host name'],
      [['--fetch-concurrency', '2'], '--fetch-concurrency needs --fetch-media'],
    ] as const) {
      const r = await run(['import', 'wordpress', 'old-site.xml', ...extra], { DATABASE_URL: '', DATA_DIR: '/nonexistent' });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect((await run(['import', '--help'], {})).stdout).toContain('--fetch-allow-private');
  });
});

for (const dialect of DIALECTS) {
  describe(`broadsheet import wordpress --fetch-media (${dialect})`, () => {
    let t: TestDb;
    let file: string;
    let env: Record<string, string>;
    beforeAll(async () => {
      t = await freshDb(dialect);
      file = path.join(t.dataDir, 'old-site.xml');
      fs.writeFileSync(file, oldSiteWxr(server.origin));
      env = { DATABASE_URL: t.databaseUrl ?? '', DATA_DIR: t.dataDir };
    });
    afterAll(() => t?.cleanup());

    const args = () => [
      'import',
      'wordpress',
      file,
      '--fetch-media',
      '--fetch-allow-private',
      '--fetch-timeout',
      '1',
      '--fetch-max-mb',
      '1',
      '--fetch-concurrency',
      '2',
    ];

    it('imports, fetches, reports each failed file, and a second run downloads nothing again', async () => {
      server.reset();
      const r = await run(args(), env);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^\s+attachment\s+1\s+0\s+0\s+4$/m);
      expect(r.stdout).toMatch(/^\s+image\s+3\s+0\s+0\s+1$/m);
      expect(r.stdout).toMatch(/Media from the old site \(127\.0\.0\.1\): 4 of 9 file\(s\) fetched \([\d.]+ MB\), 5 failed\./);
      expect(r.stdout).toContain('Failed downloads (5); their posts list them under "Images to upload":');
      expect(r.stdout).toMatch(/missing\.jpg\n\s+not found \(HTTP 404\); shown in post 1 "The harbour reopens after the storm"/);
      expect(r.stdout).toMatch(/slow\.jpg\n\s+timed out after 1 s; shown in post 2/);
      expect(r.stdout).toMatch(/endless\.jpg\n\s+larger than 1 MB; shown in post 2/);
      expect(r.stdout).toMatch(/not-a-photo\.jpg\n\s+not an image/);
      // Not a terminal: plain progress lines on stderr, the fetch phase among them.
      expect(r.stderr).toContain('import: fetch 100% (9/9)');
      expect(server.maxInFlight).toBeLessThanOrEqual(2);
      expect(server.hits.get(`${UPLOADS}/harbour.jpg`)).toBe(1);

      server.reset();
      const again = await run(args(), env);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/^\s+attachment\s+0\s+1\s+0\s+4$/m);
      expect(again.stdout).toMatch(/^\s+image\s+0\s+0\s+3\s+1$/m);
      expect(server.hits.get(`${UPLOADS}/harbour.jpg`)).toBeUndefined();
      expect(server.hits.get(`${UPLOADS}/gulls.png`)).toBeUndefined();
    });

    it('without --fetch-allow-private, says why the loopback old site was refused', async () => {
      const other = await freshDb(dialect);
      try {
        server.reset();
        const r = await run(['import', 'wordpress', file, '--fetch-media'], { DATABASE_URL: other.databaseUrl ?? '', DATA_DIR: other.dataDir });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain('Failed downloads (9)');
        expect(r.stdout).toMatch(/refused: 127\.0\.0\.1 is a private, loopback or link-local address .*--fetch-allow-private allows it/);
        expect(server.hits.size).toBe(0);
      } finally {
        await other.cleanup();
      }
    });
  });
}
