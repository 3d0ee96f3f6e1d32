/**
 * @module jobs/periodic
 * A job run on a timer in every instance: once at start, then every `intervalMs`, never two
 * passes at once (a pass asked for while one runs returns `idle()`). The timer does not keep the
 * process alive. `stop()` ends the timer and resolves once the pass under way, if any, is done
 * (a shutdown does not cut a publication in half).
 */
export interface Periodic<T> {
  /** Runs one pass now (also what the timer calls). */
  tick(): Promise<T>;
  stop(): Promise<void>;
}

export function periodic<T>(
  pass: () => Promise<T>,
  o: { intervalMs: number; idle: () => T; onError?: ((err: unknown) => void) | undefined; start?: boolean },
): Periodic<T> {
  let current: Promise<T> | undefined;
  const tick = async (): Promise<T> => {
    if (current) return o.idle();
    current = pass();
    try {
      return await current;
    } finally {
      current = undefined;
    }
  };
  const settled = async (): Promise<void> => {
    await current?.then(
      () => {},
      () => {},
    );
  };
  if (o.start === false) return { tick, stop: settled };
  const run = (): void => {
    tick().catch((err) => o.onError?.(err));
  };
  const timer = setInterval(run, o.intervalMs);
  timer.unref();
  run();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await settled();
    },
  };
}
