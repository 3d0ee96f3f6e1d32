/**
 * @module modules/media/image-gate
 * A bound on image decoding in this process. Decoding and resizing an image holds its pixels in
 * memory (four bytes each), so six concurrent uploads of a 100-megapixel PNG once took the server
 * from 216 MB to 666 MB. Every sharp job (uploads, imports, AVIF) runs through the gate: at most
 * `maxImages` at once and at most `maxPixels` decoded pixels in flight; the others wait in order.
 * Uploads wait in a bounded line: when `maxWaiting` are already waiting, the upload is refused
 * with MEDIA_BUSY (503, Retry-After) instead of piling up. Background work always waits.
 */
import os from 'node:os';
import sharp from 'sharp';
import { MediaError } from './media.js';

export interface GateLimits {
  /** Images decoded at once. */
  maxImages: number;
  /** Decoded pixels in flight, summed over the images being processed. */
  maxPixels: number;
  /** Uploads that may wait for their turn before further ones are refused. */
  maxWaiting: number;
}

/** Two images (or one of 100 megapixels) at a time, four waiting. */
export const DEFAULT_GATE_LIMITS: GateLimits = Object.freeze({ maxImages: 2, maxPixels: 100_000_000, maxWaiting: 4 });

/** Seconds a refused upload is told to wait before trying again. */
export const BUSY_RETRY_SECONDS = 10;

interface Waiter {
  cost: number;
  start: () => void;
}

export class ImageGate {
  private active = 0;
  private pixels = 0;
  private readonly line: Waiter[] = [];
  /** The most images and pixels ever in flight at once (tests, metrics). */
  readonly peak = { images: 0, pixels: 0 };

  constructor(readonly limits: GateLimits = DEFAULT_GATE_LIMITS) {}

  /**
   * Runs `job` when the image's pixels fit. `bounded`: refuse with MEDIA_BUSY when the line is
   * full (requests someone waits on); otherwise wait however long it takes (background jobs).
   */
  async run<T>(pixels: number, job: () => Promise<T>, o: { bounded: boolean }): Promise<T> {
    // An image bigger than the whole budget still runs, alone.
    const cost = Math.max(1, Math.min(pixels, this.limits.maxPixels));
    if (this.line.length === 0 && this.fits(cost)) this.take(cost);
    else {
      if (o.bounded && this.line.length >= this.limits.maxWaiting) throw busy();
      await new Promise<void>((start) => this.line.push({ cost, start }));
    }
    try {
      return await job();
    } finally {
      this.active--;
      this.pixels -= cost;
      this.drain();
    }
  }

  /** Images being processed and waiting now. */
  get load(): { active: number; waiting: number; pixels: number } {
    return { active: this.active, waiting: this.line.length, pixels: this.pixels };
  }

  private fits(cost: number): boolean {
    return this.active === 0 || (this.active < this.limits.maxImages && this.pixels + cost <= this.limits.maxPixels);
  }

  private take(cost: number): void {
    this.active++;
    this.pixels += cost;
    this.peak.images = Math.max(this.peak.images, this.active);
    this.peak.pixels = Math.max(this.peak.pixels, this.pixels);
  }

  private drain(): void {
    // First come, first served: a big image at the head is not overtaken by small ones behind it.
    while (this.line.length > 0 && this.fits(this.line[0]!.cost)) {
      const next = this.line.shift()!;
      this.take(next.cost);
      next.start();
    }
  }
}

function busy(): MediaError {
  const err = new MediaError('MEDIA_BUSY', `The server is processing other images right now; nothing was saved. Try again in ${BUSY_RETRY_SECONDS} seconds.`);
  err.retryAfterSeconds = BUSY_RETRY_SECONDS;
  return err;
}

/** The process's gate: every image job in this process shares it. */
export const processImageGate = new ImageGate();

// libvips' own worker threads per image: half the cores, so two images in flight use them all.
sharp.concurrency(Math.max(1, Math.floor(os.availableParallelism() / 2)));
