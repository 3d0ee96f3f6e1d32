/**
 * `broadsheet user create|reset-password` as an operator runs it (a real process, password on
 * stdin), then logging in over HTTP with what it made.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { adminApp } from '../../helpers/admin.js';
import { Agent } from '../../helpers/agent.js';

const BIN = path.resolve('bin/broadsheet.mjs');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('broadsheet user: usage', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-user-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints help and refuses bad input with exit code 2 and a clear message', async () => {
    const env = { DATA_DIR: dir, LOG_LEVEL: 'warn' };
    const help = await run(['user', '--help'], env);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: broadsheet user create --email E --name N --role ROLE \[--password-stdin\]/);
    expect(help.stdout).toContain('reset-password');
    const results = await Promise.all([
      run(['user', 'create', '--email', 'a@example.com', '--name', 'A', '--role', 'boss', '--password-stdin'], env, 'long enough password\n'),
      run(['user', 'create', '--email', 'a@example.com', '--name', 'A', '--role', 'owner', '--password-stdin'], env, 'short\n'),
      run(['user', 'create', '--name', 'A', '--role', 'owner', '--password-stdin'], env, 'long enough password\n'),
      run(['user', 'frobnicate'], env),
      run(['user', 'create', '--email', 'a@example.com', '--name', 'A', '--role', 'owner'], env),
      run(['user', 'create', '--email', 'not-an-email', '--name', '<script>', '--role', 'owner', '--password-stdin'], env, 'long enough password\n'),
    ]);
    const [role, short, noEmail, sub, noTty, fields] = results;
    for (const r of results) expect(r.status, r.stderr).toBe(2);
    expect(role!.stderr).toContain('--role must be one of owner, editor, author, contributor, not "boss"');
    expect(short!.stderr).toContain('Use at least 10 characters for the password (this one has 5).');
    expect(noEmail!.stderr).toContain('--email is required');
    expect(sub!.stderr).toContain('unknown sub-command "frobnicate"');
    expect(noTty!.stderr).toContain('pipe it in with --password-stdin');
    expect(fields!.stderr).toContain('--name: A name cannot contain < or >');
    expect(fields!.stderr).toContain('--email: Enter an email address like name@example.com.');
    const check = await run(['user', 'reset-password', '--email', 'a@example.com', '--password-stdin'], env, 'long enough password\n');
    expect(check.stderr).toContain('There is no user with the email address a@example.com.');
  });
});

for (const dialect of DIALECTS) {
  describe(`broadsheet user (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let env: Record<string, string>;
    beforeAll(async () => {
      t = await freshDb(dialect);
      env = { DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}), LOG_LEVEL: 'warn' };
      app = await adminApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('creates an owner from stdin who can then log in over HTTP; reset-password ends their sessions', async () => {
      const created = await run(
        ['user', 'create', '--email', 'Chief@Example.com', '--name', 'Chief Editor', '--role', 'owner', '--password-stdin'],
        env,
        'the chief passphrase\n',
      );
      expect(created.status, created.stderr).toBe(0);
      expect(created.stdout).toContain('Created owner chief@example.com');
      expect(created.stdout + created.stderr).not.toContain('the chief passphrase');
      const row = await t.handle.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
      expect(row.password_hash).not.toContain('the chief passphrase');
      // Setup is closed now that an account exists.
      expect((await new Agent(app).get('/admin/setup')).statusCode).toBe(404);
      const browser = new Agent(app);
      expect((await browser.login('chief@example.com', 'the chief passphrase')).statusCode).toBe(303);
      expect((await browser.get('/admin/users')).statusCode).toBe(200);

      const dup = await run(
        ['user', 'create', '--email', 'chief@example.com', '--name', 'Again', '--role', 'author', '--password-stdin'],
        env,
        'another passphrase\n',
      );
      expect(dup.status).toBe(2);
      expect(dup.stderr).toContain('There is already a user with that email address.');

      const reset = await run(['user', 'reset-password', '--email', 'chief@example.com', '--password-stdin'], env, 'a brand new passphrase\r\n');
      expect(reset.status, reset.stderr).toBe(0);
      expect(reset.stdout).toContain('Password changed for chief@example.com; 1 session ended.');
      expect((await browser.get('/admin')).statusCode).toBe(303);
      expect((await new Agent(app).login('chief@example.com', 'the chief passphrase')).statusCode).toBe(401);
      expect((await new Agent(app).login('chief@example.com', 'a brand new passphrase')).statusCode).toBe(303);
      const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'actor_label']).where('actor_label', '=', 'cli').execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['user.created', 'user.password_reset']);

      const unknown = await run(['user', 'reset-password', '--email', 'nobody@example.com', '--password-stdin'], env, 'a brand new passphrase\n');
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('There is no user with the email address nobody@example.com.');
    });
  });
}
