/**
 * @module test/helpers/postgres
 * A throwaway PostgreSQL cluster for the test run: initdb + pg_ctl in a temp dir, on 127.0.0.1 and a
 * free port, trust auth, durability off (fsync etc.) because the data dies with the run anyway.
 *
 * PostgreSQL refuses to run as root, so when we are root every initdb/pg_ctl call runs as the
 * `postgres` system user (created if missing) in a temp dir that user owns.
 *
 * Used by the vitest globalSetup (main process) and by scripts/test.mjs (prerequisite check and a
 * last-resort cleanup); never imported by test workers.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Absolute paths of the two binaries the cluster needs. */
export interface PgBinaries {
  initdb: string;
  pgCtl: string;
}

/** Everything needed to stop and delete a cluster, even from another process (it is JSON-safe). */
export interface ClusterInfo {
  /** Temp dir holding `data/`, the log and the unix socket; deleted on stop. */
  dir: string;
  pgCtl: string;
  /** OS user that owns and runs the cluster, when it is not the current user (we are root). */
  runAs: string | null;
  port: number;
  /** Superuser URL (database `postgres`), used to create and drop per-file test databases. */
  adminUrl: string;
}

/** A running cluster. */
export interface PgCluster extends ClusterInfo {
  /** Stops the server and deletes its dir. Idempotent. */
  stop(): void;
  /** Stops the server but keeps its data (a database restart's first half); the event loop keeps running. */
  pause(): Promise<void>;
  /** Starts it again on the same port. */
  resume(): Promise<void>;
}

const SYSTEM_USER = 'postgres';
/** Signals after which the cluster must not outlive us. */
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const isRoot = (): boolean => process.getuid?.() === 0;

function executableAt(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Debian keeps the server binaries off PATH, under /usr/lib/postgresql/<major>/bin. Highest major first. */
function debianBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  let majors: string[];
  try {
    majors = fs.readdirSync(root);
  } catch {
    return [];
  }
  return majors
    .filter((m) => /^\d+(\.\d+)?$/.test(m))
    .sort((a, b) => Number(b) - Number(a))
    .map((m) => path.join(root, m, 'bin'));
}

/**
 * Finds initdb and pg_ctl: first a directory on PATH that has both, then the highest
 * /usr/lib/postgresql/<major>/bin. Both come from the same directory so their versions match.
 */
export function findPgBinaries(): PgBinaries | undefined {
  const pathDirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of [...pathDirs, ...debianBinDirs()]) {
    const initdb = path.join(dir, 'initdb');
    const pgCtl = path.join(dir, 'pg_ctl');
    if (executableAt(initdb) && executableAt(pgCtl)) return { initdb, pgCtl };
  }
  return undefined;
}

/** The program and arguments that run `cmd` as `runAs` (runuser, else su), or as we are. */
function asUser(runAs: string | null, cmd: string, args: string[]): { file: string; argv: string[] } {
  let file = cmd;
  let argv = args;
  if (runAs) {
    // runuser runs the program directly (no shell, no quoting); su is the fallback where it is missing.
    if (executableAt('/usr/sbin/runuser') || executableAt('/sbin/runuser')) {
      file = 'runuser';
      argv = ['-u', runAs, '--', cmd, ...args];
    } else {
      const quoted = [cmd, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
      file = 'su';
      argv = [runAs, '-s', '/bin/sh', '-c', quoted];
    }
  }
  return { file, argv };
}

/** Runs a command, as `runAs` when given; throws with the command's output on failure. */
function run(runAs: string | null, cmd: string, args: string[], cwd: string): string {
  const { file, argv } = asUser(runAs, cmd, args);
  const r = spawnSync(file, argv, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (r.error || r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})\n${output}`);
  }
  return r.stdout;
}

/** `run` without blocking the event loop (a test keeps serving load meanwhile). */
function runAsync(runAs: string | null, cmd: string, args: string[], cwd: string): Promise<void> {
  const { file, argv } = asUser(runAs, cmd, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { cwd, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed (${err.message})\n${stdout}${stderr}`));
      else resolve();
    });
  });
}

/** Makes sure the `postgres` system user exists (we are root); returns its uid/gid. */
function ensureSystemUser(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(execFileSync('id', [flag, SYSTEM_USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // No such user: create a system account without a home or login shell. -U fails when a
    // `postgres` group already exists, so retry joining that group.
    const base = ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin'];
    const tries = [
      [...base, '--user-group', SYSTEM_USER],
      [...base, '--gid', SYSTEM_USER, SYSTEM_USER],
    ];
    const ok = tries.some((args) => spawnSync('useradd', args, { stdio: 'ignore' }).status === 0);
    if (!ok) throw new Error(`could not create the "${SYSTEM_USER}" system user (useradd failed)`);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Stops a cluster and deletes its dir. Synchronous so that it can run in an `exit` handler. */
export function stopClusterSync(info: ClusterInfo): void {
  const dataDir = path.join(info.dir, 'data');
  if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
    try {
      run(info.runAs, info.pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '20', 'stop'], info.dir);
    } catch {
      try {
        run(info.runAs, info.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop'], info.dir);
      } catch {
        /* already gone, or unkillable: deleting the dir below is still right */
      }
    }
  }
  fs.rmSync(info.dir, { recursive: true, force: true });
}

/**
 * Creates and starts a throwaway cluster. It is also stopped on process exit, SIGINT and SIGTERM,
 * so an interrupted run leaves no server behind.
 */
export async function startCluster(bins: PgBinaries): Promise<PgCluster> {
  const runAs = isRoot() ? SYSTEM_USER : null;
  // As root, TMPDIR may point somewhere the postgres user cannot reach; /tmp is world-traversable.
  const base = runAs ? '/tmp' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, 'broadsheet-pg-'));
  const dataDir = path.join(dir, 'data');
  let info: ClusterInfo | undefined;
  try {
    if (runAs) {
      const { uid, gid } = ensureSystemUser();
      fs.chownSync(dir, uid, gid);
    }
    // --no-sync: initdb skips its fsyncs (seconds on slow disks); -U postgres names the superuser;
    // C.UTF-8 so that full-text search lowercases every script, as a production cluster would.
    run(runAs, bins.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'], dir);
    const settings = [
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'max_connections = 200',
    ];
    // Appended by the file owner's rules: as root we may write the postgres-owned file.
    fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), `\n# broadsheet test cluster\n${settings.join('\n')}\n`);

    // The port is free when we ask but could be taken before the server binds it: retry a few times.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      try {
        run(runAs, bins.pgCtl, ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', `-p ${port}`, '-w', '-t', '30', 'start'], dir);
        info = { dir, pgCtl: bins.pgCtl, runAs, port, adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres` };
        break;
      } catch (err) {
        lastError = err;
      }
    }
    if (!info) {
      const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
      throw new Error(`pg_ctl start failed: ${String(lastError)}\n${log}`);
    }
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const started = info;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    for (const sig of SIGNALS) process.off(sig, onSignal);
    stopClusterSync(started);
  };
  // On a signal: clean up, then re-raise it if nobody else handles it, so the process still dies.
  const onSignal = (sig: NodeJS.Signals): void => {
    stop();
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  process.once('exit', stop);
  for (const sig of SIGNALS) process.once(sig, onSignal);
  const pause = (): Promise<void> => runAsync(started.runAs, started.pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '20', 'stop'], started.dir);
  const resume = (): Promise<void> =>
    runAsync(
      started.runAs,
      started.pgCtl,
      ['-D', dataDir, '-l', path.join(started.dir, 'server.log'), '-o', `-p ${started.port}`, '-w', '-t', '30', 'start'],
      started.dir,
    );
  return { ...started, stop, pause, resume };
}
