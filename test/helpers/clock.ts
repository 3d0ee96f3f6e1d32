/**
 * @module test/helpers/clock
 * Time in tests: `NOW`, the fixed moment every test starts at, and a `Clock` the test moves by
 * hand (handed to the app as its `now`), so nothing ever sleeps to let time pass.
 */

/** The moment tests happen at, unless they say otherwise. */
export const NOW = new Date('2026-11-20T12:00:00Z');

/** A clock the test moves by hand. */
export class Clock {
  constructor(public t = NOW.getTime()) {}
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}
