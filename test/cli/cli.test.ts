/**
 * The `broadsheet` command as a user runs it: help, migrate, seed, and serve answering on a port.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/broadsheet.mjs');
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cli-'));
  dirs.push(d);
  return d;
};
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 60_000 });

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('broadsheet CLI', () => {
  it('prints help for itself and every command', () => {
    const top = run(['--help']);
    expect(top.status).toBe(0);
    for (const c of ['serve', 'migrate', 'seed']) {
      expect(top.stdout).toContain(c);
      const sub = run([c, '--help']);
      expect(sub.status, c).toBe(0);
      expect(sub.stdout).toMatch(/^Usage: broadsheet /);
    }
  });

  it('rejects unknown commands and bad options with a message and exit code 2', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command');
    const bad = run(['seed', '--articles', 'lots'], { DATA_DIR: tmp() });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--articles must be a whole number');
    const unknown = run(['seed', '--bogus'], { DATA_DIR: tmp() });
    expect(unknown.status).toBe(2);
    const env = run(['migrate'], { DATA_DIR: tmp(), PORT: 'abc' });
    expect(env.status).toBe(2);
    expect(env.stderr).toContain('PORT');
  });

  it('migrates, seeds in bulk, and serves what it seeded', async () => {
    const dataDir = tmp();
    const m = run(['migrate'], { DATA_DIR: dataDir });
    expect(m.status).toBe(0);
    expect(m.stdout).toContain('Applied: 0001-initial');
    expect(run(['migrate'], { DATA_DIR: dataDir }).stdout).toContain('up to date');
    const s = run(['seed', '--articles', '250', '--comments', '600', '--categories', '6', '--tags', '12', '--authors', '3'], { DATA_DIR: dataDir });
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/Added 250 articles, 600 comments/);

    const port = 40000 + Math.floor(Math.random() * 20000);
    const server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      let res: Response | undefined;
      for (let i = 0; i < 200 && !res; i++) {
        res = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
        if (!res) await new Promise((r) => setTimeout(r, 50));
      }
      expect(res?.status).toBe(200);
      const html = await res!.text();
      expect((html.match(/<article/g) ?? []).length).toBeGreaterThanOrEqual(12);
    } finally {
      server.kill('SIGTERM');
    }
  });
});
