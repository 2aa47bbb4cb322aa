/**
 * SESSIONWINDOW(unit, maxDuration, timeout): a session opens with its first row and closes when no row arrives for
 * `timeout`, or at an aligned tick (every `maxDuration`, natural time) at least `maxDuration` after its first row.
 * `window_start` is the first row's time, or the closing tick of the previous session when a tick closed it.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html#session-window
 */
import type { TimeUnit } from '../sql/ast';
import type { Row } from '../model/row';
import { UNIT_MS } from '../plan/validate-window';
import { alignedAtOrAfter } from './align';
import type { EmitWindow, WindowOperator } from './window';

/** Session window state. */
export class SessionWindow implements WindowOperator {
  private rows: Row[] = [];
  private first = 0;
  private last = 0;
  private tick = 0;
  private startOverride: number | undefined = undefined;
  private readonly maxMs: number;
  private readonly timeoutMs: number;

  /**
   * @param unit time unit
   * @param maxDuration maximum session duration in units (also the tick period)
   * @param timeout idle timeout in units
   */
  constructor(private readonly unit: TimeUnit, private readonly maxDuration: number, timeout: number) {
    this.maxMs = maxDuration * UNIT_MS[unit];
    this.timeoutMs = timeout * UNIT_MS[unit];
  }

  start(): void {
    // Sessions open with their first row.
  }

  add(row: Row): void {
    if (this.rows.length === 0) {
      this.first = row.timestamp;
      this.tick = alignedAtOrAfter(this.first + this.maxMs, this.maxDuration, this.unit);
    }
    this.last = row.timestamp;
    this.rows.push(row);
  }

  advance(time: number, emit: EmitWindow): void {
    const d = this.nextDeadline();
    if (d !== undefined && d <= time) this.close(emit);
  }

  nextDeadline(): number | undefined {
    if (this.rows.length === 0) return undefined;
    return Math.min(this.last + this.timeoutMs, this.tick);
  }

  flush(emit: EmitWindow): void {
    if (this.rows.length > 0) this.close(emit);
  }

  bufferLength(): number {
    return this.rows.length;
  }

  private close(emit: EmitWindow): void {
    const timeout = this.last + this.timeoutMs;
    const byTick = this.tick < timeout;
    const end = byTick ? this.tick : timeout;
    const start = this.startOverride ?? this.first;
    const rows = this.rows;
    this.rows = [];
    this.startOverride = byTick ? end : undefined;
    emit({ start, end, rows });
  }
}
