/**
 * The scale-out, for real: three `broadsheet serve` processes on one PostgreSQL database (a
 * throwaway cluster of this file's own, so that it can be restarted) and one shared data directory,
 * behind Debian's nginx configured with docs/deploy/nginx.conf (only its EDIT lines replaced).
 * Everything goes through nginx as a browser would (HTTPS, round robin), and each instance is then
 * asked directly what it serves: a session works everywhere, a write reaches every instance's
 * page cache, uploads are served by all, a scheduled article goes live once. Then the faults: an
 * instance killed under load, PostgreSQL restarted under load, a rolling restart.
 */
import fs from 'node:fs';
import http2 from 'node:http2';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/database.js';
import { Agent } from '../helpers/agent.js';
import { Cluster } from '../helpers/cluster.js';
import { DIALECTS } from '../helpers/db.js';
import { fieldValue, formFields } from '../helpers/form.js';
import { httpInjector, type Injector } from '../helpers/http-client.js';
import { findNginx, startNginx, type Nginx } from '../helpers/nginx.js';
import { findPgBinaries, startCluster, type PgCluster } from '../helpers/postgres.js';
import { jpegWithGps, upload } from '../web/admin/media/media-helpers.js';

const nginxBin = findNginx();
const pgBins = findPgBinaries();
const N = 3;
const EMAIL = 'owner@cluster.example';
const PASSWORD = 'a cluster owner password';
const METRICS_TOKEN = 'cluster-metrics-token-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns true, up to `ms`; returns how long it took (throws on timeout). */
async function within(ms: number, what: string, fn: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await fn()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(25);
  }
}

interface LoadResult {
  total: number;
  byStatus: Record<string, number>;
  /** Requests that failed without an HTTP answer (connection errors, timeouts). */
  errors: string[];
  /** One body per non-200 status, to see what readers saw. */
  sample: Record<string, string>;
}

/**
 * `concurrency` readers looping over `urls` through `client` until `stop()` says so. Statuses are
 * counted per `kind` of URL ("page 200", "search 503").
 */
function load(
  client: Injector,
  urls: () => string,
  concurrency: number,
  stop: () => boolean,
  kind: (url: string) => string = () => 'all',
): Promise<LoadResult> {
  const r: LoadResult = { total: 0, byStatus: {}, errors: [], sample: {} };
  const worker = async (): Promise<void> => {
    while (!stop()) {
      const url = urls();
      try {
        const res = await client.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
        const key = `${kind(url)} ${res.statusCode}`;
        r.byStatus[key] = (r.byStatus[key] ?? 0) + 1;
        if (res.statusCode !== 200 && !(key in r.sample)) r.sample[key] = `${url} ${res.headers['retry-after'] ?? ''} ${res.body.slice(0, 2000)}`;
      } catch (err) {
        r.errors.push(`${url}: ${(err as Error).message}`);
      }
      r.total++;
    }
  };
  return Promise.all(Array.from({ length: concurrency }, worker)).then(() => r);
}

describe.runIf(nginxBin !== undefined && pgBins !== undefined && DIALECTS.includes('postgres'))('three instances behind nginx on one PostgreSQL', () => {
  let pg: PgCluster;
  let nginx: Nginx;
  let cluster: Cluster;
  let db: DbHandle;
  let web: ReturnType<typeof httpInjector>;
  let editor: Agent;
  let dir: string;
  let direct: ReturnType<typeof httpInjector>[] = [];
  let stories: { id: number; slug: string }[] = [];

  /** Asks every instance itself for `url`; the bodies, in instance order. */
  const everyInstance = async (url: string, headers: Record<string, string> = {}) => Promise.all(direct.map((d) => d.inject({ method: 'GET', url, headers })));
  /** The same editor on instance `i` directly (its cookies copied). */
  const editorOn = (i: number): Agent => {
    const a = new Agent(direct[i]!);
    a.cookies = new Map(editor.cookies);
    return a;
  };
  /** The index of the instance that logged `method url` last. */
  const servedBy = (method: string, url: string): number => {
    let found = -1;
    let at = '';
    cluster.instances.forEach((_, i) => {
      for (const l of cluster.logLines(i))
        if (l.method === method && l.url === url && String(l.time) >= at) {
          found = i;
          at = String(l.time);
        }
    });
    return found;
  };

  beforeAll(async () => {
    pg = await startCluster(pgBins!);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cluster-'));
    for (const d of ['data', 'logs']) fs.mkdirSync(path.join(dir, d));
    // Ports first: nginx's file names the instances, the instances name nginx's URL (SITE_URL).
    cluster = await Cluster.plan(
      { databaseUrl: pg.adminUrl, dataDir: path.join(dir, 'data'), logDir: path.join(dir, 'logs'), env: { SCHEDULE_CHECK_SECONDS: '1', METRICS_TOKEN } },
      N,
    );
    nginx = await startNginx(nginxBin!, [...cluster.portList]);
    cluster.siteUrl = nginx.url;
    cluster.cli(['user', 'create', '--email', EMAIL, '--name', 'Cluster Owner', '--role', 'owner', '--password-stdin'], `${PASSWORD}\n`);
    // All three at once on a database with no content: they race for the demo seed.
    await cluster.startAll();
    db = openDb({ databaseUrl: pg.adminUrl, dataDir: path.join(dir, 'data') });
    web = httpInjector(nginx.url, { ca: nginx.ca });
    direct = cluster.instances.map((inst) => httpInjector(inst.url));
    editor = new Agent(web);
    stories = await db.db
      .selectFrom('posts')
      .select(['id', 'slug'])
      .where('status', '=', 'published')
      .where('type', '=', 'post')
      .orderBy('published_at', 'desc')
      .execute();
  }, 240_000);

  afterAll(async () => {
    web?.close();
    for (const d of direct) d.close();
    await db?.close();
    await cluster?.stopAll();
    await nginx?.stop();
    pg?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('seeds the demo once although three instances started together, and nginx spreads requests over all three', async () => {
    const { n } = await db.db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('slug', '=', stories[0]!.slug)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
    const slugs = await db.db.selectFrom('posts').select('slug').execute();
    expect(new Set(slugs.map((r) => r.slug)).size).toBe(slugs.length);
    for (let i = 0; i < 3 * N; i++) expect((await web.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const upstreams = new Set(
      fs
        .readFileSync(nginx.accessLog, 'utf8')
        .split('\n')
        .filter((l) => l.includes('GET /readyz'))
        .map((l) => /upstream=(\S+)/.exec(l)?.[1]),
    );
    expect(upstreams).toEqual(new Set(cluster.instances.map((inst) => `127.0.0.1:${inst.port}`)));
    // Plain HTTP moves to HTTPS (on 443: $host has no port); HTTP/2 over TLS.
    const plain = await httpInjector(`http://127.0.0.1:${nginx.httpPort}`).inject({ method: 'GET', url: '/' });
    expect(plain.statusCode).toBe(301);
    expect(plain.headers.location).toBe('https://127.0.0.1/');
    const h2 = http2.connect(nginx.url, { ca: nginx.ca });
    const status = await new Promise<number>((resolve, reject) => {
      const req = h2.request({ ':path': '/healthz' });
      req.on('response', (h) => resolve(Number(h[':status'])));
      req.on('error', reject);
      req.end();
    });
    h2.close();
    expect(status).toBe(200);
  });

  it('a session made through one instance works on every instance', async () => {
    const res = await editor.login(EMAIL, PASSWORD);
    expect(res.statusCode).toBe(303);
    for (let i = 0; i < N; i++) {
      const dash = await editorOn(i).get('/admin');
      expect(dash.statusCode, `instance ${i}`).toBe(200);
      expect(dash.body).toContain('Cluster Owner');
    }
    for (let i = 0; i < 2 * N; i++) expect((await editor.get('/admin')).statusCode).toBe(200);
  });

  it('an edit through nginx reaches every instance: no page cache keeps the old version', async () => {
    const story = stories[0]!;
    const pages = [`/${story.slug}/`, '/', '/feed/', `/search?q=${encodeURIComponent(story.slug.split('-')[0]!)}`];
    // Every instance holds every page (two reads: the second a hit).
    for (const url of pages) {
      await everyInstance(url);
      for (const r of await everyInstance(url)) expect(r.headers['x-cache'], url).toBe('HIT');
    }
    const before = Object.fromEntries(await Promise.all(pages.map(async (u) => [u, (await everyInstance(u))[0]!.body] as const)));
    const form = await editor.get(`/admin/articles/${story.id}`);
    const intent = /name="intent" value="([a-z]+)"/.exec(form.body)![1]!;
    const fields = formFields(form.body, `/admin/articles/${story.id}`, { name: 'intent', value: intent });
    const headline = `Cluster edit ${Date.now()}`;
    fields.title = headline;
    const saved = await editor.postRaw(`/admin/articles/${story.id}`, fields);
    expect(saved.statusCode).toBe(303);
    // Where the old headline was shown, every instance shows the new one.
    for (const url of pages) {
      if (!before[url]!.includes(story.slug)) continue;
      await within(2000, `${url} on every instance`, async () => (await everyInstance(url)).every((r) => r.body.includes(headline)));
    }
    expect((await everyInstance(`/${story.slug}/`)).every((r) => r.statusCode === 200)).toBe(true);
  });

  it('a comment posted through one instance and approved through another appears on all', async () => {
    const story = stories[1]!;
    const reader = new Agent(web);
    const page = await reader.get(`/${story.slug}/`);
    const body = `Seen from the cluster ${Date.now()}`;
    const form = new URLSearchParams({
      post_id: fieldValue(page.body, 'post_id')!,
      token: fieldValue(page.body, 'token')!,
      name: 'Cluster Reader',
      email: 'reader@cluster.example',
      body,
    });
    await sleep(3200); // the form's minimum fill time
    const posted = await reader.request('POST', '/comments/', {
      payload: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: nginx.url },
    });
    expect(posted.statusCode).toBe(303);
    const row = await db.db.selectFrom('comments').select(['id', 'status']).where('body', '=', body).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    const took = servedBy('POST', '/comments/');
    expect(took).toBeGreaterThanOrEqual(0);
    const other = (took + 1) % N;
    const approved = await editorOn(other).post('/admin/comments/moderate', { one: `approve:${row.id}`, back: '/admin/comments' }, '/admin/comments');
    expect(approved.statusCode).toBe(303);
    await within(2000, 'the comment on every instance', async () => (await everyInstance(`/${story.slug}/`)).every((r) => r.body.includes(body)));
  });

  it('an image uploaded through one instance is served by all, derivatives included', async () => {
    const res = await upload(web, editor, [{ name: 'cluster-harbour.jpg', type: 'image/jpeg', bytes: await jpegWithGps(1700, 1000) }], {
      fields: { alt: 'A harbour' },
    });
    expect(res.statusCode).toBe(303);
    const id = Number(/\/admin\/media\/(\d+)/.exec(String(res.headers.location))![1]);
    // AVIF derivatives come from a background queue on the instance that took the upload.
    const row = await (async () => {
      for (let i = 0; i < 600; i++) {
        const r = await db.db.selectFrom('media').select(['path', 'derivatives']).where('id', '=', id).executeTakeFirstOrThrow();
        if (r.derivatives.includes('"avif"')) return r;
        await sleep(100);
      }
      throw new Error('no AVIF derivatives after 60 s');
    })();
    const files = [row.path, ...(JSON.parse(row.derivatives) as { path: string }[]).map((d) => d.path)];
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) {
      const onDisk = fs.readFileSync(path.join(dir, 'data', 'media', f));
      for (const r of await everyInstance(`/media/${f}`)) {
        expect(r.statusCode, f).toBe(200);
        expect(r.rawPayload.equals(onDisk)).toBe(true);
      }
      const viaNginx = await web.inject({ method: 'GET', url: `/media/${f}` });
      expect(viaNginx.statusCode).toBe(200);
      expect(viaNginx.headers['cache-control']).toContain('immutable');
    }
    // nginx keeps media: the second read is its own hit.
    expect((await web.inject({ method: 'GET', url: `/media/${files[1]}` })).headers['x-proxy-cache']).toBe('HIT');
  });

  it('a scheduled article goes live exactly once: one revision, one audit entry, one purge, one related-list refresh', async () => {
    const slug = `cluster-scheduled-${Date.now()}`;
    const at = new Date(Date.now() + 4000);
    const wall = at.toISOString().slice(0, 19); // the site's zone is UTC
    const created = await editor.post('/admin/articles', {
      title: 'Scheduled across the cluster',
      slug,
      excerpt: 'Goes live once.',
      body_text: 'Scheduled on one instance, published by whichever instance looks first.',
      language: 'en',
      comment_status: 'open',
      intent: 'schedule',
      publish_at: wall,
    });
    expect(created.statusCode).toBe(303);
    const { id } = await db.db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    // Warm every instance's home page while the article is not live yet.
    for (const r of await everyInstance('/')) expect(r.body).not.toContain(slug);
    await within(
      15_000,
      'published',
      async () => (await db.db.selectFrom('posts').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === 'published',
    );
    await sleep(2500); // every instance's scheduler has looked at least twice since
    const revs = await db.db.selectFrom('revisions').select(['status', 'user_label']).where('post_id', '=', id).where('kind', '=', 'save').execute();
    expect(revs.filter((r) => r.status === 'published')).toEqual([{ status: 'published', user_label: 'Scheduled publishing' }]);
    const audits = await db.db.selectFrom('audit_log').select('id').where('action', '=', 'article.scheduled_published').where('target_id', '=', id).execute();
    expect(audits).toHaveLength(1);
    // The save that scheduled it purged too (before its time); going live is one more.
    const since = new Date(at.getTime() - 1000).toISOString(); // the time typed has whole seconds
    const purges = await db.db.selectFrom('purge_log').select('tags').where('created_at', '>=', since).execute();
    expect(purges.filter((r) => r.tags.split(' ').includes(`post:${id}`))).toHaveLength(1);
    const logged = cluster.instances.flatMap((_, i) =>
      cluster.logLines(i).filter((l) => l.msg === 'scheduled posts published' && (l.ids as number[]).includes(id)),
    );
    expect(logged).toHaveLength(1);
    const related = await db.db.selectFrom('related_posts').select('related_id').where('post_id', '=', id).execute();
    expect(related.length).toBeGreaterThan(0);
    await within(2000, 'the new article on every home page', async () => (await everyInstance('/')).every((r) => r.body.includes(slug)));
    for (const r of await everyInstance(`/${slug}/`)) expect(r.statusCode).toBe(200);
  });
  describe('faults under load', () => {
    const pages = (): string[] => [...stories.slice(0, 8).map((s) => `/${s.slug}/`), '/', '/feed/'];
    const kind = (url: string): string => (url.startsWith('/search') ? 'search' : 'page');
    /** Cached pages, and searches no one made before (each one needs the database). */
    const mixed = (): (() => string) => {
      let n = 0;
      const list = pages();
      return () => (n++ % 3 === 2 ? `/search?q=harbour+${n}` : list[n % list.length]!);
    };
    const warm = async (): Promise<void> => {
      for (const url of pages()) {
        await everyInstance(url);
        await everyInstance(url);
      }
    };

    it('kill -9 of one instance under load: nginx routes around it and no request fails', async () => {
      await warm();
      let stop = false;
      const running = load(web, mixed(), 8, () => stop, kind);
      await sleep(800);
      cluster.instances[2]!.child.kill('SIGKILL');
      expect(await cluster.instances[2]!.exited).toBe(null);
      await sleep(1500);
      stop = true;
      const r = await running;
      expect(r.errors).toEqual([]);
      expect(Object.keys(r.byStatus).sort()).toEqual(['page 200', 'search 200']);
      expect(r.total).toBeGreaterThan(100);
      await cluster.start(2);
    });

    it('PostgreSQL restarted under load: cached pages still served, the rest 503 with a clear page, recovery without a restart', async () => {
      await warm();
      const pids = cluster.instances.map((inst) => inst.child.pid);
      let stop = false;
      const running = load(web, mixed(), 6, () => stop, kind);
      await sleep(500);
      await pg.pause();
      await sleep(1500);
      await pg.resume();
      // Every instance answers what needs the database again, by itself.
      const took = await within(15_000, 'every instance back', async () =>
        (await Promise.all(direct.map((d, i) => d.inject({ method: 'GET', url: `/search?q=recovered+${i}+${Date.now()}` })))).every(
          (r) => r.statusCode === 200,
        ),
      );
      await sleep(500);
      stop = true;
      const r = await running;
      expect(r.errors).toEqual([]);
      expect(r.byStatus['page 503'] ?? 0).toBe(0);
      expect(r.byStatus['search 503']).toBeGreaterThan(0);
      expect(r.byStatus['search 200']).toBeGreaterThan(0);
      expect(Object.keys(r.byStatus).sort()).toEqual(['page 200', 'search 200', 'search 503']);
      expect(r.sample['search 503']).toMatch(/ 5 /); // Retry-After: 5
      expect(r.sample['search 503']).toContain('<html');
      expect(r.total).toBeGreaterThan(100);
      expect(cluster.instances.map((inst) => inst.child.pid)).toEqual(pids);
      expect(cluster.instances.every((inst) => inst.child.exitCode === null)).toBe(true);
      expect(took).toBeLessThan(15_000);
      // Purges flow again after the reconnection: an edit reaches every instance.
      const story = stories[2]!;
      await everyInstance(`/${story.slug}/`);
      const form = await editor.get(`/admin/articles/${story.id}`);
      const intent = /name="intent" value="([a-z]+)"/.exec(form.body)![1]!;
      const fields = formFields(form.body, `/admin/articles/${story.id}`, { name: 'intent', value: intent });
      const headline = `After the restart ${Date.now()}`;
      fields.title = headline;
      expect((await editor.postRaw(`/admin/articles/${story.id}`, fields)).statusCode).toBe(303);
      await within(2000, 'the edit on every instance', async () => (await everyInstance(`/${story.slug}/`)).every((res) => res.body.includes(headline)));
    });

    it('a rolling restart under load (SIGTERM each instance in turn) completes with zero failed requests', async () => {
      await warm();
      let stop = false;
      const running = load(web, mixed(), 6, () => stop, kind);
      await sleep(500);
      for (let i = 0; i < N; i++) {
        expect(await cluster.stop(i, 'SIGTERM'), `instance ${i} exit code`).toBe(0);
        const started = new Date().toISOString();
        await cluster.start(i);
        // As docs/deploy says: the next instance goes only once nginx sends this one readers again
        // (it keeps a failed instance aside for fail_timeout), or two of three would be out at once.
        await within(30_000, `nginx routes to instance ${i} again`, async () =>
          cluster.logLines(i).some((l) => l.msg === 'request' && l.route !== '/readyz' && new Date(Number(l.time)).toISOString() > started),
        );
      }
      stop = true;
      const r = await running;
      const why = () => fs.readFileSync(nginx.errorLog, 'utf8').split('\n').slice(-30).join('\n');
      expect(r.errors, why()).toEqual([]);
      expect(r.sample, why()).toEqual({});
      expect(r.total).toBeGreaterThan(500);
      expect(Object.keys(r.byStatus).sort()).toEqual(['page 200', 'search 200']);
    }, 180_000);
  });
});
