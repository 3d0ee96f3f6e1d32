/**
 * @module db/dialects/postgres-signals
 * LISTEN/NOTIFY on a dedicated connection (a pooled one would be handed to other queries).
 * Reconnects with backoff (0.25 s doubling to 5 s) after errors or a server restart and calls
 * onReady after each connection, so the listener can catch up on what it missed.
 */
import pg from 'pg';
import { sql } from 'kysely';
import type { Listener, Signals } from './dialect.js';

/** Channel names are identifiers; ours are fixed lower-case words. */
const CHANNEL = /^[a-z_][a-z0-9_]*$/;

export function postgresSignals(connectionString: string): Signals {
  return {
    notify: async (db, channel, payload) => {
      await sql`select pg_notify(${channel}, ${payload})`.execute(db);
    },
    listen(channel, h): Listener {
      if (!CHANNEL.test(channel)) throw new Error(`bad channel name "${channel}"`);
      let closed = false;
      let client: pg.Client | undefined;
      let delay = 250;
      let timer: NodeJS.Timeout | undefined;
      const retry = (err: unknown): void => {
        if (closed) return;
        h.onError?.(err);
        const c = client;
        client = undefined;
        c?.removeAllListeners();
        c?.on('error', () => {});
        c?.end().catch(() => {});
        timer = setTimeout(connect, delay);
        timer.unref();
        delay = Math.min(delay * 2, 5000);
      };
      const connect = (): void => {
        if (closed) return;
        const c = new pg.Client({ connectionString });
        client = c;
        c.on('notification', (m) => {
          if (m.channel === channel) h.onMessage(m.payload ?? '');
        });
        c.on('error', retry);
        c.on('end', () => {
          if (client === c) retry(new Error('LISTEN connection ended'));
        });
        c.connect()
          .then(() => c.query(`listen ${channel}`))
          .then(() => {
            if (closed || client !== c) return;
            delay = 250;
            h.onReady();
          }, retry);
      };
      connect();
      return {
        close: async () => {
          closed = true;
          clearTimeout(timer);
          const c = client;
          client = undefined;
          if (c) {
            c.removeAllListeners();
            c.on('error', () => {});
            await c.end().catch(() => {});
          }
        },
      };
    },
  };
}
