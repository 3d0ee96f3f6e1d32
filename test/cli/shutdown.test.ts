/**
 * A rolling restart's one step, on the real process: on SIGTERM the server stops accepting
 * connections, finishes the request in flight (here a form whose body is still arriving), waits
 * for its background jobs, and exits with status 0.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/broadsheet.mjs', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Connects; resolves with the socket, or with the error code when nobody listens. */
function connect(port: number): Promise<net.Socket | string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

describe('shutting down on SIGTERM', () => {
  it('stops accepting, answers the request in flight, then exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-shutdown-'));
    dirs.push(dataDir);
    const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'warn' };
    expect(spawnSync(process.execPath, [BIN, 'migrate'], { env, encoding: 'utf8' }).status).toBe(0);
    const port = 40000 + Math.floor(Math.random() * 20000);
    const server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      let ready: Response | undefined;
      for (let i = 0; i < 200 && ready?.status !== 200; i++) {
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
        if (ready?.status !== 200) await sleep(50);
      }
      expect(ready?.status).toBe(200);

      // A request in flight: its head and half its body sent.
      const body = 'post_id=1&token=x&name=Reader&body=Still+typing+when+the+restart+came';
      const inFlight = await connect(port);
      if (typeof inFlight === 'string') throw new Error(inFlight);
      const answer = new Promise<string>((resolve) => {
        let got = '';
        inFlight.on('data', (d) => {
          got += d.toString();
        });
        inFlight.on('close', () => resolve(got));
        inFlight.on('error', () => resolve(got));
      });
      inFlight.write(
        `POST /comments/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
      );
      await sleep(200);

      server.kill('SIGTERM');
      // New connections are refused once the listener is closed.
      let refused: net.Socket | string = '';
      for (let i = 0; i < 100; i++) {
        refused = await connect(port);
        if (typeof refused === 'string') break;
        refused.destroy();
        await sleep(20);
      }
      expect(refused).toBe('ECONNREFUSED');

      // The request in flight still gets its whole answer (the form's own refusal: a 4xx page).
      inFlight.end(body.slice(20));
      const text = await answer;
      expect(text).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(text).toContain('</html>');
      expect(await exited).toBe(0);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  }, 30_000);
});
