/**
 * @module test/helpers/global-setup
 * vitest globalSetup: runs once in the main process before any worker starts.
 *
 * It decides which dialects the run covers and provides PostgreSQL to the workers: the admin URL
 * from $TEST_DATABASE_URL, or that of a throwaway cluster it starts (and stops at teardown). Workers
 * read the result with `inject()` (see db.ts); provide/inject is vitest's channel from globalSetup
 * to workers, so nothing depends on when worker processes copy the environment.
 *
 * A missing prerequisite skips its suites loudly; under CI it fails the run instead.
 * scripts/test.mjs imports `prerequisites` and `printBanner` from here so both agree.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { browserAvailable, CHROMIUM_PATH } from './browser.js';
import { findPgBinaries, startCluster, type ClusterInfo, type PgCluster } from './postgres.js';
import { javaAvailable } from './vnu.js';
import { findNginx } from './nginx.js';

export type DialectName = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Dialects the run covers; sqlite always unless $DIALECTS narrows it. */
    broadsheetDialects: DialectName[];
    /** Superuser URL of the PostgreSQL server, or null when postgres is not covered. */
    broadsheetPgAdminUrl: string | null;
    /** Prefix of this run's database names, so teardown can drop what crashed tests left behind. */
    broadsheetRunId: string;
  }
}

/** True under CI (`CI=1` or `CI=true`): there, missing prerequisites fail instead of skipping. */
export const isCI = (): boolean => !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/** Dialects asked for by $DIALECTS (comma-separated), default both. */
export function requestedDialects(): DialectName[] {
  const raw = process.env.DIALECTS?.trim();
  if (!raw) return ['sqlite', 'postgres'];
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => n !== 'sqlite' && n !== 'postgres');
  if (bad.length > 0) throw new Error(`DIALECTS: unknown dialect(s) ${bad.join(', ')} (use sqlite, postgres)`);
  return names as DialectName[];
}

/** One external program the tests need, and whether this machine has it. */
export interface Prerequisite {
  name: 'chromium' | 'java' | 'postgresql' | 'nginx';
  /** Debian package that provides it. */
  aptPackage: string;
  /** What is skipped without it. */
  suites: string;
  ok: boolean;
  /** Why it is not needed or not usable. */
  note: string;
}

/** Checks the external prerequisites (cheap: file checks and `java -version`). */
export function prerequisites(): Prerequisite[] {
  const wantPg = requestedDialects().includes('postgres');
  const pgBins = findPgBinaries();
  return [
    {
      name: 'chromium',
      aptPackage: 'chromium',
      suites: 'browser tests (playwright, axe accessibility)',
      ok: browserAvailable(),
      note: `no executable at ${CHROMIUM_PATH}`,
    },
    {
      name: 'java',
      aptPackage: 'default-jre-headless',
      suites: 'HTML validity tests (vnu)',
      ok: javaAvailable(),
      note: 'no Java ≥ 11 runtime (`java`) on PATH',
    },
    {
      name: 'postgresql',
      aptPackage: 'postgresql',
      suites: 'every PostgreSQL variant of the database tests',
      // Not needed when an external server is given or the run is narrowed to SQLite.
      ok: !wantPg || !!process.env.TEST_DATABASE_URL || !!pgBins,
      note: 'no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin, and TEST_DATABASE_URL is unset',
    },
    {
      name: 'nginx',
      aptPackage: 'nginx',
      suites: 'the cluster test (three instances behind nginx on PostgreSQL)',
      // It runs its own PostgreSQL cluster, so it needs the server binaries too (checked above).
      ok: !wantPg || findNginx() !== undefined,
      note: 'no nginx binary (/usr/sbin/nginx or on PATH) or no openssl',
    },
  ];
}

/** Prints a framed, unmissable block to stderr. */
export function printBanner(title: string, lines: string[]): void {
  const width = Math.max(title.length, ...lines.map((l) => l.length)) + 4;
  const bar = '#'.repeat(width + 2);
  const row = (s: string): string => `# ${s.padEnd(width - 2)} #`;
  process.stderr.write(`\n${bar}\n${row(title)}\n${row('')}\n${lines.map(row).join('\n')}\n${bar}\n\n`);
}

/** What the run did about PostgreSQL, written for scripts/test.mjs ($BROADSHEET_TEST_REPORT). */
export interface SetupReport {
  postgres: { ok: boolean; detail: string };
  /** Set while a throwaway cluster runs, so the runner can stop it if vitest dies without teardown. */
  cluster: ClusterInfo | null;
}

function writeReport(report: SetupReport): void {
  const file = process.env.BROADSHEET_TEST_REPORT;
  if (file) fs.writeFileSync(file, JSON.stringify(report, null, 2));
}

async function checkServer(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('select 1');
  } finally {
    await client.end();
  }
}

/** Drops databases of this run that a crashed test file did not drop (external servers only). */
async function dropLeftovers(adminUrl: string, runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`bs_test_${runId}_%`]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
}

const serverLabel = (cluster: PgCluster | undefined): string => (cluster ? `throwaway cluster on 127.0.0.1:${cluster.port}` : 'TEST_DATABASE_URL');
const clusterInfo = ({ dir, pgCtl, runAs, port, adminUrl }: PgCluster): ClusterInfo => ({ dir, pgCtl, runAs, port, adminUrl });

interface PostgresOutcome {
  adminUrl: string | null;
  cluster?: PgCluster;
  /** Why PostgreSQL is unavailable although it was asked for. */
  problem?: string;
}

/** Finds the run's PostgreSQL server: $TEST_DATABASE_URL if set, else a throwaway cluster. */
async function providePostgres(): Promise<PostgresOutcome> {
  const external = process.env.TEST_DATABASE_URL;
  try {
    if (external) {
      await checkServer(external);
      return { adminUrl: external };
    }
    const bins = findPgBinaries();
    if (!bins) throw new Error('no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin');
    const cluster = await startCluster(bins);
    // Recorded at once, so that scripts/test.mjs can stop the cluster should vitest die early.
    writeReport({ postgres: { ok: true, detail: serverLabel(cluster) }, cluster: clusterInfo(cluster) });
    return { adminUrl: cluster.adminUrl, cluster };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { adminUrl: null, problem: external ? `TEST_DATABASE_URL unusable: ${message}` : message };
  }
}

/** vitest globalSetup entry: returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(3).toString('hex');
  const dialects = requestedDialects();
  const pgWanted = dialects.includes('postgres');
  // The demo images are drawn while PostgreSQL starts (see warmDemoMedia); imported here, not at
  // the top, because scripts/test.mjs imports this module for its prerequisite checks alone.
  const warming = import('./demo-media.js').then((m) => m.warmDemoMedia());
  warming.catch(() => {}); // awaited below; this only keeps an early PostgreSQL failure the one reported
  const { adminUrl, cluster, problem } = pgWanted ? await providePostgres() : { adminUrl: null, cluster: undefined, problem: undefined };
  await warming.catch((err: unknown) => {
    cluster?.stop();
    throw err;
  });
  const notRequested = 'not requested (DIALECTS)';

  const skipped = prerequisites()
    .filter((p) => !p.ok && p.name !== 'postgresql')
    .map((p) => `${p.suites}: ${p.note}`);
  if (problem) skipped.push(`PostgreSQL variants of the database tests: ${problem.split('\n')[0]}`);

  writeReport({
    postgres: adminUrl ? { ok: true, detail: serverLabel(cluster) } : { ok: false, detail: problem ?? notRequested },
    cluster: cluster ? clusterInfo(cluster) : null,
  });

  if (skipped.length > 0) {
    if (isCI()) {
      cluster?.stop();
      throw new Error(`CI: missing test prerequisites (they may not be skipped in CI):\n- ${skipped.join('\n- ')}${problem ? `\n${problem}` : ''}`);
    }
    // scripts/test.mjs prints its own banners; a bare `vitest` run gets this one.
    if (!process.env.BROADSHEET_TEST_REPORT) printBanner('SKIPPING TEST SUITES', skipped);
  }

  project.provide(
    'broadsheetDialects',
    dialects.filter((d) => d !== 'postgres' || adminUrl),
  );
  project.provide('broadsheetPgAdminUrl', adminUrl);
  project.provide('broadsheetRunId', runId);

  return async () => {
    if (adminUrl && !cluster) await dropLeftovers(adminUrl, runId).catch(() => {});
    cluster?.stop();
    writeReport({
      postgres: adminUrl
        ? { ok: true, detail: cluster ? `${serverLabel(cluster)}, stopped and deleted` : serverLabel(cluster) }
        : { ok: false, detail: problem ?? notRequested },
      cluster: null,
    });
    if (skipped.length > 0 && !process.env.BROADSHEET_TEST_REPORT) printBanner('SKIPPED TEST SUITES', skipped);
  };
}
