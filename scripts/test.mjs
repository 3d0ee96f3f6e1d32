#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order.
 *   1. prerequisites: chromium, Java ≥ 11 (vnu), PostgreSQL and nginx (the cluster test). As root with apt they are installed
 *      (one `apt-get update`, only when something is missing); elsewhere the suites that need them
 *      are skipped, LOUDLY. Under CI (CI=1) a missing one fails the run.
 *   2. tsc --noEmit
 *   3. dependency-cruiser, when .dependency-cruiser.cjs exists
 *   4. Biome: formatting and lint (`npm run format` fixes the formatting)
 *   5. vitest run (extra arguments are passed on: `npm test -- test/web/site`)
 * Every step runs even when an earlier one failed, so one run shows all problems; the exit code is
 * non-zero when any failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** @param {string} name */
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

// The checks live in the TypeScript helpers so that this script and vitest's globalSetup agree.
const setup = await tsImport('../test/helpers/global-setup.ts', import.meta.url);
const pgHelpers = await tsImport('../test/helpers/postgres.ts', import.meta.url);

const ci = setup.isCI();
const results = [];
let interrupted = false;
/** @type {import('node:child_process').ChildProcess | undefined} */
let current;
// Ctrl-C reaches the child too (same process group): just wait for it to finish its own cleanup.
// SIGTERM (e.g. a CI timeout) is sent to us alone, so pass it on.
process.on('SIGINT', () => {
  interrupted = true;
});
process.on('SIGTERM', () => {
  interrupted = true;
  current?.kill('SIGTERM');
});

/** @param {string} msg */
function log(msg) {
  process.stderr.write(`\n\x1b[1m▶ ${msg}\x1b[0m\n`);
}

/**
 * Runs a command with inherited stdio; resolves to its exit code.
 * @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
    current = child;
    child.on('error', (err) => {
      process.stderr.write(`${cmd}: ${err.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Runs one step and records its result and time for the summary.
 * @param {string} name @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} [env]
 */
async function step(name, cmd, args, env) {
  log(name);
  const started = Date.now();
  const code = await run(cmd, args, env);
  results.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
  return code === 0;
}

// ── 1. prerequisites ────────────────────────────────────────────────────────────────────────────
const started = Date.now();
let prereqs = setup.prerequisites();
let missing = prereqs.filter((p) => !p.ok);
const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
let aptProblem = '';
if (missing.length > 0 && canApt) {
  // Fonts with chromium: without any font, text has no size and layout checks are meaningless.
  // openssl with nginx: the cluster test makes a self-signed certificate for it.
  const extra = { chromium: ['fonts-liberation'], nginx: ['openssl'] };
  const packages = missing.flatMap((p) => [p.aptPackage, ...(extra[p.name] ?? [])]);
  log(`Installing missing test prerequisites with apt-get: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok = (await run('apt-get', ['update'], env)) === 0 && (await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], env)) === 0;
  aptProblem = ok ? ' (still missing after apt-get install)' : ' (apt-get install failed)';
  prereqs = setup.prerequisites();
  missing = prereqs.filter((p) => !p.ok);
}
const skipLines = missing.map((p) => `${p.suites}: ${p.note}${aptProblem}`);
results.push({ name: 'prerequisites', ok: missing.length === 0 || !ci, seconds: (Date.now() - started) / 1000 });
if (missing.length > 0) {
  const how = canApt
    ? 'apt-get did not make them available; see its output above.'
    : `Install them (${missing.map((p) => p.aptPackage).join(', ')}) or run npm test as root on Debian to have them installed.`;
  if (ci) {
    setup.printBanner('CI: MISSING TEST PREREQUISITES (not skippable in CI)', [...skipLines, '', how]);
    process.exit(1);
  }
  setup.printBanner('SKIPPING TEST SUITES (they will NOT run)', [...skipLines, '', how]);
}

// ── 2. type check ───────────────────────────────────────────────────────────────────────────────
await step('tsc --noEmit -p tsconfig.json', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);

// ── 3. architecture rules ───────────────────────────────────────────────────────────────────────
if (!interrupted && fs.existsSync(path.join(ROOT, '.dependency-cruiser.cjs'))) {
  await step('depcruise src', bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs']);
}

// ── 4. formatting and lint (Biome) ──────────────────────────────────────────────────────────────
if (!interrupted) await step('biome check (format, lint)', bin('biome'), ['check', '.']);

// ── 5. tests ────────────────────────────────────────────────────────────────────────────────────
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-run-'));
const reportFile = path.join(runDir, 'report.json');
if (!interrupted) {
  await step('vitest run', bin('vitest'), ['run', ...process.argv.slice(2)], { ...process.env, BROADSHEET_TEST_REPORT: reportFile });
}
let report = null;
try {
  report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
} catch {
  /* vitest did not get as far as its globalSetup */
}
// vitest normally stops its cluster at teardown; if it died before that, stop it here.
if (report?.cluster && fs.existsSync(report.cluster.dir)) {
  log('Stopping the PostgreSQL cluster vitest left behind');
  pgHelpers.stopClusterSync(report.cluster);
}
fs.rmSync(runDir, { recursive: true, force: true });

// ── summary ─────────────────────────────────────────────────────────────────────────────────────
if (report && !report.postgres.ok && !missing.some((p) => p.name === 'postgresql') && setup.requestedDialects().includes('postgres')) {
  skipLines.push(`every PostgreSQL variant of the database tests: ${report.postgres.detail.split('\n')[0]}`);
}
const failed = results.filter((r) => !r.ok);
process.stderr.write('\n── npm test summary ──\n');
for (const r of results) process.stderr.write(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(32)} ${r.seconds.toFixed(1)} s\n`);
if (report?.postgres.ok) process.stderr.write(`  PostgreSQL: ${report.postgres.detail}\n`);
if (skipLines.length > 0) setup.printBanner('SKIPPED TEST SUITES (they did NOT run)', skipLines);
if (interrupted) process.stderr.write('Interrupted.\n');
process.stderr.write(failed.length === 0 && !interrupted ? 'All steps passed.\n' : `Failed: ${failed.map((r) => r.name).join(', ') || 'interrupted'}\n`);
process.exit(interrupted ? 130 : failed.length === 0 ? 0 : 1);
