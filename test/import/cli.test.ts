/**
 * `broadsheet import wordpress` as a user runs it: a report on success, exit 1 with a clear
 * message for a refused file, exit 2 for bad arguments.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/broadsheet.mjs');
const FIXTURE = path.resolve('test/fixtures/wxr/themeunittestdata.wordpress.xml');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cli-import-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir }, timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('broadsheet import', () => {
  it('prints its usage and rejects bad arguments with exit code 2', () => {
    expect(run(['import', '--help']).stdout).toMatch(/^Usage: broadsheet import wordpress FILE\.xml/);
    const r = run(['import', 'joomla', 'x.xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown format "joomla"');
    expect(run(['import', 'wordpress']).status).toBe(2);
    expect(run(['import', 'wordpress', 'x.xml', '--menu-primary', ' ']).stderr).toContain("--menu-primary takes a menu's slug");
  });

  it('refuses a menu slug the file lacks with exit code 2, naming the menus it has', () => {
    const r = run(['import', 'wordpress', FIXTURE, '--menu-footer', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--menu-footer "nope": the file has no menu with that slug (its menus: all-pages,');
    expect(r.stderr).toContain('Nothing was imported.');
  });

  it('refuses a truncated file with exit code 1 and says nothing was imported', () => {
    const cut = path.join(dataDir, 'cut.xml');
    fs.writeFileSync(cut, fs.readFileSync(FIXTURE).subarray(0, 200_000));
    const r = run(['import', 'wordpress', cut]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ends before the export does.*\[WXR_TRUNCATED\]/s);
    expect(r.stderr).toContain('Nothing was imported.');
    const missing = run(['import', 'wordpress', path.join(dataDir, 'nope.xml')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Cannot read the file');
  });

  it('dry-runs, then imports the fixture and prints a report with counts, warnings and time', () => {
    const dry = run(['import', 'wordpress', FIXTURE, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run (nothing was written)');
    const r = run(['import', 'wordpress', FIXTURE]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\s+post\s+58\s+0\s+0\s+0$/m);
    expect(r.stdout).toMatch(/^\s+page\s+21\s+0\s+0\s+0$/m);
    expect(r.stdout).toContain('Warnings (');
    expect(r.stdout).toMatch(/Time: \d+\.\d s/);
    // Not a terminal: plain progress lines on stderr.
    expect(r.stderr).toContain('import: posts 100%');
    expect(r.stdout).toMatch(/^\s+primary\s+← "All Pages" \(all-pages\)/m);
    const again = run(['import', 'wordpress', FIXTURE]);
    expect(again.stdout).toMatch(/^\s+post\s+0\s+58\s+0\s+0$/m);
  });
});
