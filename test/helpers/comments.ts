/**
 * @module test/helpers/comments
 * Helpers for the comment tests: an app with a movable clock, and a reader who loads an article,
 * waits like a person, and posts its comment form (an ./agent keeps the cookies; Origin set).
 */
import type { AppDeps } from '../../src/app.js';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Agent } from './agent.js';
import { testApp } from './app.js';
import { Clock } from './clock.js';
import type { TestDb } from './db.js';
import { buildFixture, type Fixture } from './fixture.js';
import { fieldValue } from './form.js';
import type { Db } from '../../src/db/database.js';
import type { CommentStatus } from '../../src/db/schema.js';
import { pathSegment } from '../../src/modules/comment/thread.js';

export const ORIGIN = 'https://news.example';

export interface CommentsCtx {
  app: FastifyInstance;
  clock: Clock;
  fx: Fixture;
}

export async function commentsApp(t: TestDb, env: Record<string, string> = {}, count = 4, deps: Pick<AppDeps, 'purgePollMs'> = {}): Promise<CommentsCtx> {
  const fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), count, t.handle.dialect.fullText);
  const clock = new Clock();
  const app = await testApp(t, env, clock.now, deps);
  return { app, clock, fx };
}

export class Reader {
  origin = ORIGIN;
  private agent: Agent;
  constructor(
    private c: CommentsCtx,
    ip = '203.0.113.7',
  ) {
    this.agent = new Agent(c.app, ip);
  }

  /** The reader's cookies (the agent's). */
  get cookies(): Map<string, string> {
    return this.agent.cookies;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.agent.get(url);
  }

  /** The form fields of an article's comment form (token, post_id, parent_id). */
  async form(url: string): Promise<Record<string, string>> {
    const html = (await this.get(url)).body;
    const out: Record<string, string> = { post_id: fieldValue(html, 'post_id')!, token: fieldValue(html, 'token')! };
    const parent = fieldValue(html, 'parent_id');
    if (parent) out.parent_id = parent;
    return out;
  }

  async postRaw(payload: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.agent.request('POST', '/comments/', {
      payload,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin, ...headers },
    });
  }

  async post(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.postRaw(new URLSearchParams(fields).toString(), headers);
  }

  /**
   * Loads the form, starts writing (the form's script then fetches a token of this reader's own,
   * as a cached page's token is shared), "types" for 20 seconds, posts.
   */
  async comment(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const form = await this.form(url);
    const fresh = await this.agent.get(`/comments/form-token?post=${form.post_id}`);
    if (fresh.statusCode === 200) form.token = (fresh.json() as { token: string }).token;
    this.c.clock.advance(20_000);
    return this.post({ ...form, name: 'Reader', ...fields });
  }
}

/** The comment id in a 303 Location (…#comment-ID). */
export const idFrom = (res: LightMyRequestResponse): number => Number(/#comment-(\d+)$/.exec(String(res.headers.location))?.[1]);

/** Stores a comment straight in the database (threads for pagination tests); returns its id. */
export async function addComment(
  db: TestDb['handle']['db'],
  postId: number,
  o: { status?: 'approved' | 'pending' | 'spam' | 'trash'; parentId?: number; body?: string; email?: string; notify?: boolean; name?: string } = {},
): Promise<number> {
  const iso = '2026-11-20T11:30:00.000Z';
  const parent =
    o.parentId !== undefined ? await db.selectFrom('comments').select(['path', 'depth']).where('id', '=', o.parentId).executeTakeFirstOrThrow() : undefined;
  const body = o.body ?? 'A comment';
  const { id } = await db
    .insertInto('comments')
    .values({
      post_id: postId,
      parent_id: o.parentId ?? null,
      path: '',
      depth: parent ? parent.depth + 1 : 0,
      author_name: o.name ?? 'Reader',
      author_email: o.email ?? '',
      author_url: '',
      user_id: null,
      body,
      body_html: `<p>${body}</p>`,
      status: o.status ?? 'approved',
      ip_hash: 'b'.repeat(64),
      spam_score: 0,
      spam_reasons: '',
      created_at: iso,
      updated_at: iso,
      notify_replies: o.notify ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const seg = String(id).padStart(10, '0');
  await db
    .updateTable('comments')
    .set({ path: parent ? `${parent.path}/${seg}` : seg })
    .where('id', '=', id)
    .execute();
  return id;
}

export const postIdOf = async (db: TestDb['handle']['db'], slug: string): Promise<number> =>
  (await db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

/**
 * A top-level comment written straight into the table (its path set from its id), for tests that
 * need comments in a given state without going through the form. Returns its id.
 */
export async function insertComment(
  db: Db,
  c: {
    postId: number;
    body: string;
    status: CommentStatus;
    name?: string;
    email?: string;
    ipHash?: string;
    at?: string;
    spamScore?: number;
    spamReasons?: string;
  },
): Promise<number> {
  const at = c.at ?? '2026-11-20T11:30:00.000Z';
  const { id } = await db
    .insertInto('comments')
    .values({
      post_id: c.postId,
      parent_id: null,
      path: '',
      depth: 0,
      author_name: c.name ?? 'Reader',
      author_email: c.email ?? 'reader@example.com',
      author_url: '',
      user_id: null,
      body: c.body,
      body_html: `<p>${c.body}</p>`,
      status: c.status,
      ip_hash: c.ipHash ?? 'a'.repeat(64),
      spam_score: c.spamScore ?? 0,
      spam_reasons: c.spamReasons ?? '',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('comments')
    .set({ path: pathSegment(id) })
    .where('id', '=', id)
    .execute();
  return id;
}
