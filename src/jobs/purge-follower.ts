/**
 * @module jobs/purge-follower
 * Follows the purge log so this instance drops what other instances and CLI commands changed.
 * PostgreSQL: LISTEN wakes it on every append, a poll runs after each (re)connection (what was
 * sent while disconnected is lost) and every few seconds as a safety net. SQLite: it polls
 * (`id > last` on the primary key, a few microseconds) every few hundred milliseconds.
 *
 * Never lost: rows are read by id, so a slow or disconnected follower catches up. Two cases are
 * covered conservatively: an id can become visible after a higher one (two PostgreSQL
 * transactions committing out of order), so a hole below seen ids is re-read for GAP_MS before
 * being given up as a rollback; and a follower that could not read the log for longer than half
 * the retention may have missed pruned rows, so it empties its whole cache.
 */
import type { DbHandle } from '../db/database.js';
import type { Listener } from '../db/dialects/dialect.js';
import { lastPurgeId, PURGE_CHANNEL, prunePurgeLog, purgesAfter, type PurgeTags } from './purge-log.js';

const BATCH = 500;
const GAP_MS = 10_000;
const PRUNE_EVERY_MS = 60_000;

export interface PurgeFollowerOptions {
  handle: DbHandle;
  /** This instance's id in the log: its own rows are skipped (it purged before appending). */
  origin: string;
  /** Purges the local cache (without appending to the log again). */
  apply(tags: PurgeTags): void;
  /** Poll interval: default 300 ms without LISTEN/NOTIFY (SQLite), 5 s with it. */
  pollMs?: number;
  /** How long rows are kept (default one hour). */
  retentionMs?: number;
  onError?(err: unknown): void;
}

export class PurgeFollower {
  private floor = 0;
  /** Ids above `floor` already applied (a hole below them is still awaited). */
  private readonly seen = new Set<number>();
  private gapSince: number | undefined;
  private lastRead = 0;
  private lastPrune = 0;
  private running: Promise<number> | undefined;
  private rerun = false;
  private timer: NodeJS.Timeout | undefined;
  private listener: Listener | undefined;
  private stopped = false;
  private readonly retentionMs: number;

  constructor(private readonly o: PurgeFollowerOptions) {
    this.retentionMs = o.retentionMs ?? 3_600_000;
  }

  /** Starts after the newest row (a new instance's cache is empty) and begins following. */
  async start(): Promise<void> {
    this.floor = await lastPurgeId(this.o.handle.db);
    this.lastRead = Date.now();
    const signals = this.o.handle.dialect.signals;
    if (signals) {
      this.listener = signals.listen(PURGE_CHANNEL, {
        // Its own appends (the cache is purged already) wait for the next poll, which skips them.
        onMessage: (payload) => {
          if (payload.slice(payload.indexOf(' ') + 1) !== this.o.origin) this.kick();
        },
        onReady: () => this.kick(),
        onError: (err) => this.o.onError?.(err),
      });
    }
    const every = this.o.pollMs ?? (signals ? 5000 : 300);
    this.timer = setInterval(() => this.kick(), every);
    this.timer.unref();
  }

  /** Where this instance stands in the log: every row up to `applied` is applied; `readAt` its last read (ms). */
  get position(): { applied: number; readAt: number } {
    return { applied: this.floor, readAt: this.lastRead };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener?.close();
    await this.running?.catch(() => {});
  }

  private kick(): void {
    if (this.stopped) return;
    this.poll().catch((err) => this.o.onError?.(err));
  }

  /** Reads and applies what is new now; resolves with the number of rows applied. */
  poll(): Promise<number> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      let n = 0;
      do {
        this.rerun = false;
        n += await this.pollOnce();
      } while (this.rerun && !this.stopped);
      return n;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pollOnce(): Promise<number> {
    const { db } = this.o.handle;
    const t = Date.now();
    if (t - this.lastRead > this.retentionMs / 2) {
      // Rows this instance never read may have been pruned meanwhile: assume everything changed.
      this.floor = await lastPurgeId(db);
      this.seen.clear();
      this.gapSince = undefined;
      this.lastRead = t;
      this.o.apply('all');
      return 1;
    }
    const rows = await purgesAfter(db, this.floor, BATCH);
    this.lastRead = t;
    let all = false;
    let n = 0;
    const tags = new Set<string>();
    for (const r of rows) {
      if (this.seen.has(r.id)) continue;
      this.seen.add(r.id);
      if (r.origin === this.o.origin) continue;
      n++;
      if (r.tags === 'all') all = true;
      else for (const tag of r.tags.split(' ')) if (tag) tags.add(tag);
    }
    if (all) this.o.apply('all');
    else if (tags.size) this.o.apply([...tags]);
    this.advance(t);
    if (rows.length === BATCH) this.rerun = true;
    if (t - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = t;
      await prunePurgeLog(db, new Date(t - this.retentionMs));
    }
    return n;
  }

  /** Moves `floor` over the ids applied in a row; waits out a hole for GAP_MS, then skips it. */
  private advance(t: number): void {
    for (;;) {
      if (this.seen.delete(this.floor + 1)) {
        this.floor++;
        this.gapSince = undefined;
        continue;
      }
      if (this.seen.size === 0) return;
      this.gapSince ??= t;
      if (t - this.gapSince < GAP_MS) return;
      this.floor = Math.min(...this.seen) - 1;
      this.gapSince = undefined;
    }
  }
}
