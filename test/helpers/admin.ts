/**
 * @module test/helpers/admin
 * Helpers for the admin HTTP tests: an app with a movable clock (./clock) and a cheap scrypt
 * cost, users made through the real service, and an agent (./agent) signed in as one.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { ScryptParams } from '../../src/modules/user/password.js';
import type { ThrottlePolicy } from '../../src/modules/user/throttle.js';
import type { RouteEntry } from '../../src/web/route-inventory.js';
import { createUser } from '../../src/modules/user/user.service.js';
import { cliActor, type Role, type User } from '../../src/modules/user/user.js';
import { Agent, PASSWORD } from './agent.js';
import type { ImageGate } from '../../src/modules/media/image-gate.js';
import { Clock } from './clock.js';
import type { TestDb } from './db.js';

/** Tests only: about 1 ms a hash instead of 0.3 s. The production default is never changed. */
export const TEST_SCRYPT: ScryptParams = { ln: 10, r: 8, p: 1 };

export async function adminApp(
  t: TestDb,
  o: {
    clock?: Clock;
    env?: Record<string, string>;
    throttle?: ThrottlePolicy;
    routes?: RouteEntry[];
    sleep?: (ms: number) => Promise<void>;
    imageGate?: ImageGate;
  } = {},
): Promise<FastifyInstance> {
  const config = loadConfig({ DATA_DIR: t.dataDir, DEMO: '0', SITE_URL: 'https://news.example', ...o.env });
  const clock = o.clock ?? new Clock();
  return buildApp({
    config,
    handle: t.handle,
    now: clock.now,
    logger: false,
    ...(o.routes ? { routes: o.routes } : {}),
    admin: {
      scrypt: TEST_SCRYPT,
      // A slowed login (modules/user/throttle) does not wait in tests; a test that looks at the waits records them.
      sleep: o.sleep ?? (async () => {}),
      ...(o.throttle ? { throttle: o.throttle } : {}),
      ...(o.imageGate ? { imageGate: o.imageGate } : {}),
    },
  });
}

let seq = 0;

/** Makes a user directly through the service (fast: low scrypt cost). */
export async function makeUser(t: TestDb, role: Role, email = `${role}-${++seq}@example.com`, password = PASSWORD): Promise<User> {
  return createUser(t.handle.db, { email, name: `${role[0]!.toUpperCase()}${role.slice(1)} ${seq}`, role, password }, cliActor, {
    now: new Date('2026-11-20T11:00:00Z'),
    scrypt: TEST_SCRYPT,
  });
}

/** A role, or nobody logged in. */
export type Who = Role | 'anonymous';

/** An agent signed in as a new user of that role (a new user each time, so logouts do not interfere). */
export async function signedIn(app: FastifyInstance, t: TestDb, who: Who): Promise<Agent> {
  const a = new Agent(app);
  if (who === 'anonymous') return a;
  const u = await makeUser(t, who);
  const res = await a.login(u.email);
  if (res.statusCode !== 303) throw new Error(`login as ${who} failed: ${res.statusCode}`);
  return a;
}
