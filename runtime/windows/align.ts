/**
 * Natural-time alignment of window ends, as eKuiper's `getAlignedWindowEndTime`: the next multiple of the interval
 * inside the enclosing unit (seconds inside the minute, minutes inside the hour, hours inside the day, milliseconds
 * inside the second; days count from today's midnight). Times are UTC.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
import type { TimeUnit } from '../sql/ast';
import { UNIT_MS } from '../plan/validate-window';

const ENCLOSING_MS: Readonly<Record<TimeUnit, number>> = { ms: 1000, ss: 60_000, mi: 3_600_000, hh: 86_400_000, dd: 86_400_000 };

/**
 * The first aligned window end strictly after `t`.
 * @param t time, ms since epoch
 * @param interval window length or hop, in `unit`s
 * @param unit time unit
 */
export function alignedEnd(t: number, interval: number, unit: TimeUnit): number {
  const unitMs = UNIT_MS[unit];
  const enclosing = ENCLOSING_MS[unit];
  const base = t - (((t % enclosing) + enclosing) % enclosing);
  if (unit === 'dd') return base + interval * unitMs;
  const x = Math.floor((t - base) / unitMs);
  return base + interval * (Math.floor(x / interval) + 1) * unitMs;
}

/** The first aligned tick at or after `t` (`alignedEnd(t - 1)`). */
export function alignedAtOrAfter(t: number, interval: number, unit: TimeUnit): number {
  return alignedEnd(t - 1, interval, unit);
}
