/**
 * COUNTWINDOW(count[, interval]): without interval, emits every `count` rows; with interval, emits the last `count`
 * rows every `interval` rows once `count` rows have arrived. Count windows ignore time; `window_start`/`window_end`
 * are the first and last row times.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html#count-window
 */
import type { Row } from '../model/row';
import type { EmitWindow, WindowOperator } from './window';

/** Count window state. */
export class CountWindow implements WindowOperator {
  private rows: Row[] = [];
  private seen = 0;

  /**
   * @param count rows per window
   * @param interval rows between emissions @default count
   */
  constructor(private readonly count: number, private readonly interval?: number) {}

  start(): void {
    // Count windows ignore time.
  }

  add(row: Row, emit: EmitWindow): void {
    this.rows.push(row);
    this.seen++;
    if (this.interval === undefined) {
      if (this.rows.length >= this.count) {
        const rows = this.rows;
        this.rows = [];
        emit({ start: rows[0].timestamp, end: rows[rows.length - 1].timestamp, rows });
      }
      return;
    }
    if (this.rows.length > this.count) this.rows.shift();
    if (this.seen >= this.count && this.seen % this.interval === 0) {
      const rows = this.rows.slice();
      emit({ start: rows[0].timestamp, end: rows[rows.length - 1].timestamp, rows });
    }
  }

  advance(): void {
    // Count windows fire on rows only.
  }

  nextDeadline(): number | undefined {
    return undefined;
  }

  flush(): void {
    // An incomplete count window never fires.
  }

  bufferLength(): number {
    return this.rows.length;
  }
}
