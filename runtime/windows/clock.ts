/**
 * Clocks for processing time. The engine reads time only through a {@link Clock}, so tests and replay are
 * deterministic.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
import type { Clock } from '../engine/contract';

/** The system clock (`Date.now()`), for the service. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/** A clock moved by hand (tests, replay, conformance). */
export class ManualClock implements Clock {
  /** @param time initial time, ms since epoch @default 0 */
  constructor(private time = 0) {}

  now(): number {
    return this.time;
  }

  /**
   * Moves the clock to `time` (ms). Time never goes backwards.
   * @throws Error if `time` is before the current time
   */
  set(time: number): void {
    if (time < this.time) throw new Error(`ManualClock: cannot move time back from ${this.time} to ${time}`);
    this.time = time;
  }
}
