/**
 * The image decoding bound (modules/media/image-gate): images and pixels in flight, first come
 * first served, and a bounded line for uploads (MEDIA_BUSY with a retry time when it is full).
 */
import { describe, expect, it } from 'vitest';
import { ImageGate } from '../../../src/modules/media/image-gate.js';
import { MediaError } from '../../../src/modules/media/media.js';

/** A job that runs until released, recording when it started. */
function held(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => {
    release = r;
  });
  return {
    job: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    release: () => release(),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('ImageGate', () => {
  it('runs at most maxImages at once and at most maxPixels in flight, in arrival order', async () => {
    const gate = new ImageGate({ maxImages: 2, maxPixels: 100, maxWaiting: 10 });
    const log: string[] = [];
    const a = held(log, 'a');
    const b = held(log, 'b');
    const c = held(log, 'c');
    const d = held(log, 'd');
    const runs = [
      gate.run(60, a.job, { bounded: true }),
      gate.run(60, b.job, { bounded: true }), // 120 > 100: waits for a
      gate.run(10, c.job, { bounded: true }), // would fit beside a, but does not overtake b
      gate.run(10, d.job, { bounded: true }),
    ];
    await tick();
    expect(log).toEqual(['start a']);
    expect(gate.load).toEqual({ active: 1, waiting: 3, pixels: 60 });
    a.release();
    await tick();
    expect(log).toEqual(['start a', 'end a', 'start b', 'start c']);
    b.release();
    c.release();
    await tick();
    expect(log.slice(-1)).toEqual(['start d']);
    d.release();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.peak).toEqual({ images: 2, pixels: 70 });
    expect(gate.load).toEqual({ active: 0, waiting: 0, pixels: 0 });
  });

  it('lets an image larger than the whole budget run, alone', async () => {
    const gate = new ImageGate({ maxImages: 2, maxPixels: 100, maxWaiting: 10 });
    const log: string[] = [];
    const big = held(log, 'big');
    const small = held(log, 'small');
    const runs = [gate.run(500, big.job, { bounded: false }), gate.run(1, small.job, { bounded: false })];
    await tick();
    expect(log).toEqual(['start big']);
    big.release();
    small.release();
    await Promise.all(runs);
    expect(gate.peak.images).toBe(1);
  });

  it('refuses an upload with MEDIA_BUSY and a retry time when the line is full; background work still waits', async () => {
    const gate = new ImageGate({ maxImages: 1, maxPixels: 100, maxWaiting: 1 });
    const log: string[] = [];
    const a = held(log, 'a');
    const b = held(log, 'b');
    const bg = held(log, 'bg');
    const first = gate.run(50, a.job, { bounded: true });
    const second = gate.run(50, b.job, { bounded: true });
    const refused = await gate.run(50, async () => 'never', { bounded: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MediaError);
    expect((refused as MediaError).code).toBe('MEDIA_BUSY');
    expect((refused as MediaError).retryAfterSeconds).toBeGreaterThan(0);
    const background = gate.run(50, bg.job, { bounded: false });
    a.release();
    b.release();
    bg.release();
    expect(await Promise.all([first, second, background])).toEqual(['a', 'b', 'bg']);
    expect(log).not.toContain('start never');
  });

  it('frees its place when a job fails', async () => {
    const gate = new ImageGate({ maxImages: 1, maxPixels: 100, maxWaiting: 1 });
    await expect(gate.run(10, async () => Promise.reject(new Error('decode failed')), { bounded: true })).rejects.toThrow('decode failed');
    expect(gate.load).toEqual({ active: 0, waiting: 0, pixels: 0 });
    expect(await gate.run(10, async () => 'ok', { bounded: true })).toBe('ok');
  });
});
