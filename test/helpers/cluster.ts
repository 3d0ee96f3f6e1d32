/**
 * @module test/helpers/cluster
 * Several real `broadsheet serve` processes on one PostgreSQL database and one data directory
 * (media, secrets), each on its own port, started and stopped by PID: the scale-out an operator
 * runs, for the cluster test and `npm run bench -- --cluster N`. Each instance logs JSON at info to
 * its own file.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres.js';

const BIN = fileURLToPath(new URL('../../bin/broadsheet.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Instance {
  port: number;
  /** http://127.0.0.1:PORT, the instance itself (not through the proxy). */
  url: string;
  /** Its JSON log (stdout and stderr). */
  log: string;
  child: ChildProcess;
  /** Resolves with the exit code (null after a signal) once the process has exited. */
  exited: Promise<number | null>;
}

export interface ClusterOptions {
  databaseUrl: string;
  /** Shared by every instance: media, secrets. */
  dataDir: string;
  /** Where the logs go. */
  logDir: string;
  /** The public URL (the proxy's); may be set after `plan`, once the proxy knows the ports. */
  siteUrl?: string;
  /** Extra environment for every instance. */
  env?: Record<string, string>;
}

export class Cluster {
  readonly instances: Instance[] = [];
  siteUrl: string | undefined;

  private constructor(
    private readonly o: ClusterOptions,
    private readonly ports: number[],
  ) {
    this.siteUrl = o.siteUrl;
  }

  /** Picks `n` free ports (the proxy needs them before the instances start). */
  static async plan(o: ClusterOptions, n: number): Promise<Cluster> {
    const ports: number[] = [];
    while (ports.length < n) {
      const p = await freePort();
      if (!ports.includes(p)) ports.push(p);
    }
    return new Cluster(o, ports);
  }

  get portList(): readonly number[] {
    return this.ports;
  }

  env(port: number): NodeJS.ProcessEnv {
    return {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: this.o.databaseUrl,
      DATA_DIR: this.o.dataDir,
      ...(this.siteUrl ? { SITE_URL: this.siteUrl } : {}),
      TRUST_PROXY: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...this.o.env,
    };
  }

  /** Runs a CLI command against the cluster's database (e.g. `user create`); throws on failure. */
  cli(args: string[], input?: string): string {
    const r = spawnSync(process.execPath, [BIN, ...args], { env: this.env(0), encoding: 'utf8', input, timeout: 120_000 });
    if (r.status !== 0) throw new Error(`broadsheet ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  /** Starts instance `i` (again); resolves once its /readyz answers 200. */
  async start(i: number, timeoutMs = 120_000): Promise<Instance> {
    const port = this.ports[i]!;
    const log = path.join(this.o.logDir, `instance-${i}.log`);
    const fd = fs.openSync(log, 'a');
    const child = spawn(process.execPath, [BIN, 'serve'], { env: this.env(port), stdio: ['ignore', fd, fd] });
    fs.closeSync(fd);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const instance: Instance = { port, url: `http://127.0.0.1:${port}`, log, child, exited };
    this.instances[i] = instance;
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`instance ${i} exited ${child.exitCode}:\n${fs.readFileSync(log, 'utf8').slice(-3000)}`);
      const res = await fetch(`${instance.url}/readyz`).catch(() => undefined);
      if (res?.status === 200) return instance;
      await sleep(100);
    }
    throw new Error(`instance ${i} not ready after ${timeoutMs} ms:\n${fs.readFileSync(log, 'utf8').slice(-3000)}`);
  }

  /** Starts every instance at once (they race for the migrations and the demo seed). */
  async startAll(): Promise<void> {
    await Promise.all(this.ports.map((_, i) => this.start(i)));
  }

  /** Sends `signal` to instance `i` and waits for it to exit; resolves with its exit code. */
  async stop(i: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const inst = this.instances[i];
    if (!inst || inst.child.exitCode !== null || inst.child.signalCode !== null) return inst?.child.exitCode ?? null;
    inst.child.kill(signal);
    return inst.exited;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.instances.map((_, i) => this.stop(i, 'SIGTERM')));
  }

  /** Every JSON line instance `i` has logged so far. */
  logLines(i: number): Record<string, unknown>[] {
    const text = fs.existsSync(this.instances[i]?.log ?? '') ? fs.readFileSync(this.instances[i]!.log, 'utf8') : '';
    return text
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}
