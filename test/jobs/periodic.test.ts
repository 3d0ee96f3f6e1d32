/**
 * A periodic job's stop() waits for the pass under way: a shutdown never cuts a pass in half.
 */
import { describe, expect, it } from 'vitest';
import { periodic } from '../../src/jobs/periodic.js';

describe('periodic jobs', () => {
  it('stop() ends the timer and resolves only once the pass under way is done', async () => {
    let release!: () => void;
    const events: string[] = [];
    const job = periodic(
      async () => {
        events.push('pass started');
        await new Promise<void>((r) => {
          release = r;
        });
        events.push('pass done');
        return 1;
      },
      { intervalMs: 60_000, idle: () => 0 },
    );
    // The first pass runs at once; a second asked for meanwhile is idle.
    expect(await job.tick()).toBe(0);
    const stopped = job.stop().then(() => events.push('stopped'));
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['pass started']);
    release();
    await stopped;
    expect(events).toEqual(['pass started', 'pass done', 'stopped']);
  });

  it('stop() with nothing under way resolves at once, and a failed pass does not make it throw', async () => {
    const job = periodic(
      async () => {
        throw new Error('database away');
      },
      { intervalMs: 60_000, idle: () => undefined, onError: () => {} },
    );
    await expect(job.stop()).resolves.toBeUndefined();
    const idle = periodic(async () => 1, { intervalMs: 60_000, idle: () => 0, start: false });
    await expect(idle.stop()).resolves.toBeUndefined();
  });
});
