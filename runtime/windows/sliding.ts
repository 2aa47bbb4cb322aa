/**
 * SLIDINGWINDOW(unit, length[, delay]) [OVER (WHEN cond)]: every row (or every row matching the WHEN condition)
 * triggers a window. Without delay, a trigger at `t` emits the rows of `[t - length, t]` at once; with a delay `d`
 * it emits the rows of `[t - length, t + d)` when time reaches `t + d`.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html#sliding-window
 */
import type { TimeUnit } from '../sql/ast';
import type { Row } from '../model/row';
import { UNIT_MS } from '../plan/validate-window';
import type { EmitWindow, WindowOperator } from './window';

/** Decides whether a row triggers the window (`OVER (WHEN ..)`). */
export type TriggerCondition = (row: Row) => boolean;

/** Sliding window state. */
export class SlidingWindow implements WindowOperator {
  private rows: Row[] = [];
  private pending: number[] = [];
  private readonly lengthMs: number;
  private readonly delayMs: number;

  /**
   * @param unit time unit
   * @param length window length in units
   * @param delay delay in units @default 0
   * @param trigger `OVER (WHEN ..)` condition; every row triggers when absent
   * @param deferred event time: even without delay, a trigger at `t` fires from {@link advance} once the watermark
   *   reaches `t`, after every row released with it was added @default false
   */
  constructor(unit: TimeUnit, length: number, delay = 0, private readonly trigger?: TriggerCondition, private readonly deferred = false) {
    this.lengthMs = length * UNIT_MS[unit];
    this.delayMs = delay * UNIT_MS[unit];
  }

  start(): void {
    // Sliding windows are driven by rows only.
  }

  add(row: Row, emit: EmitWindow): void {
    this.rows.push(row);
    const t = row.timestamp;
    if (this.trigger === undefined || this.trigger(row)) {
      if (this.delayMs === 0 && !this.deferred) {
        const from = t - this.lengthMs;
        emit({ start: from, end: t, rows: this.rows.filter((r) => r.timestamp >= from && r.timestamp <= t) });
      } else {
        this.pending.push(t);
      }
    }
    this.prune(t);
  }

  advance(time: number, emit: EmitWindow): void {
    while (this.pending.length > 0 && this.pending[0] + this.delayMs <= time) this.fireFirst(emit);
  }

  nextDeadline(): number | undefined {
    return this.pending.length > 0 ? this.pending[0] + this.delayMs : undefined;
  }

  flush(emit: EmitWindow): void {
    while (this.pending.length > 0) this.fireFirst(emit);
  }

  bufferLength(): number {
    return this.rows.length;
  }

  private fireFirst(emit: EmitWindow): void {
    const t = this.pending.shift()!;
    const from = t - this.lengthMs;
    const to = t + this.delayMs;
    const rows = this.delayMs === 0
      ? this.rows.filter((r) => r.timestamp >= from && r.timestamp <= t)
      : this.rows.filter((r) => r.timestamp >= from && r.timestamp < to);
    emit({ start: from, end: to, rows });
    this.prune(t);
  }

  private prune(latest: number): void {
    const oldest = (this.pending.length > 0 ? Math.min(this.pending[0], latest) : latest) - this.lengthMs;
    let drop = 0;
    while (drop < this.rows.length && this.rows[drop].timestamp < oldest) drop++;
    // Amortized: compact only when the dead prefix is large.
    if (drop > 0 && (drop > 1024 || drop * 2 > this.rows.length)) this.rows = this.rows.slice(drop);
    else if (drop > 0) this.rows.splice(0, drop);
  }
}
