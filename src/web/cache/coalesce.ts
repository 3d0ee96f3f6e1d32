/**
 * @module web/cache/coalesce
 * Request coalescing: when fifty readers miss the same page (or fragment) at once, after a purge
 * or a restart, one of them renders it and the others wait for that render instead of repeating it.
 *
 * A waiter may only share a render that started at the purge clock it sees itself: a purge after
 * the render began may be a write whose answer the waiter has already seen, so the render could
 * show what that write replaced. Such a waiter starts a render of its own (which later arrivals,
 * at the new clock, share).
 */

interface Flight<T> {
  clock: number;
  promise: Promise<T>;
}

export class Coalescer<T> {
  private readonly flights = new Map<string, Flight<T>>();
  /** Calls that shared another's work (tests, the benchmark). */
  joined = 0;

  /** The work under way for `key` begun at `clock`, if any. */
  inFlight(key: string, clock: number): Promise<T> | undefined {
    const f = this.flights.get(key);
    return f && f.clock === clock ? f.promise : undefined;
  }

  /**
   * `work()`'s result, or that of the same key's work begun at the same clock and not finished yet.
   * A failure reaches every caller that shared the work, as it would have reached each alone.
   */
  run(key: string, clock: number, work: () => Promise<T>): Promise<T> {
    const shared = this.inFlight(key, clock);
    if (shared) {
      this.joined++;
      return shared;
    }
    const promise = work();
    const flight = { clock, promise };
    this.flights.set(key, flight);
    const settle = () => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    };
    promise.then(settle, settle);
    return promise;
  }

  get size(): number {
    return this.flights.size;
  }
}
