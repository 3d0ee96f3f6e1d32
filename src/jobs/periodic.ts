/**
 * @module jobs/periodic
 * A job run on a timer in every instance: once at start, then every `intervalMs`, never two
 * passes at once (a pass asked for while one runs returns `idle()`). The timer does not keep the
 * process alive.
 */
export interface Periodic<T> {
  /** Runs one pass now (also what the timer calls). */
  tick(): Promise<T>;
  stop(): void;
}

export function periodic<T>(
  pass: () => Promise<T>,
  o: { intervalMs: number; idle: () => T; onError?: ((err: unknown) => void) | undefined; start?: boolean },
): Periodic<T> {
  let busy = false;
  const tick = async (): Promise<T> => {
    if (busy) return o.idle();
    busy = true;
    try {
      return await pass();
    } finally {
      busy = false;
    }
  };
  if (o.start === false) return { tick, stop: () => {} };
  const run = (): void => {
    tick().catch((err) => o.onError?.(err));
  };
  const timer = setInterval(run, o.intervalMs);
  timer.unref();
  run();
  return { tick, stop: () => clearInterval(timer) };
}
