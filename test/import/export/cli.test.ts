/**
 * `broadsheet export --format json` and `broadsheet import json` as a user runs them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDemoMedia } from '../../helpers/demo-site.js';

const BIN = path.resolve('bin/broadsheet.mjs');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cli-export-'));
const run = (dataDir: string, args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(root, dataDir) },
    timeout: 120_000,
  });

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('broadsheet export / import json', () => {
  it('rejects bad arguments with exit code 2', () => {
    const r = run('a', ['export', '--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown format "csv"');
    expect(r.stderr).toContain('Usage: broadsheet export --format json');
    expect(run('a', ['import', 'json']).status).toBe(2);
  });

  it('exports to a file, restores into an empty database, refuses a non-empty one with exit code 2', { timeout: 180_000 }, () => {
    // The demo's images are drawn once per test run and shared.
    fs.mkdirSync(path.join(root, 'a'));
    sharedDemoMedia(path.join(root, 'a'));
    expect(run('a', ['seed', '--demo']).status).toBe(0);
    const file = path.join(root, 'site.json');
    const e = run('a', ['export', '--format', 'json', '--output', file]);
    expect(e.status, e.stderr).toBe(0);
    expect(e.stderr).toMatch(/Exported [\d,]+ rows to .*site\.json: .*posts \d+/);
    expect(fs.readdirSync(root).filter((f) => f.includes('.partial-'))).toEqual([]);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { dialect: string; rows: unknown[] };
    expect(doc.dialect).toBe('sqlite');
    // Standard output carries the same document (nothing else).
    const piped = run('a', ['export', '--format', 'json']);
    expect(JSON.parse(piped.stdout)).toMatchObject({ format: 'broadsheet-backup', rows: expect.any(Array) });

    const i = run('b', ['import', 'json', file, '--no-related']);
    expect(i.status, i.stderr).toBe(0);
    expect(i.stdout).toMatch(/Restored [\d,]+ rows from a sqlite backup/);
    expect(i.stdout).toMatch(/^\s+posts\s+\d+$/m);
    const again = run('b', ['import', 'json', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('The database is not empty');
    expect(again.stderr).toContain('Nothing was imported.');
  });
});
