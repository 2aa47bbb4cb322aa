/**
 * TUMBLINGWINDOW(unit, length): consecutive, non-overlapping `[start, end)` windows with ends aligned to natural time.
 * Under processing time the first window runs from rule start to the first aligned end; under event time it is the
 * aligned window holding the first row. Empty windows fire too.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html#tumbling-window
 */
import type { TimeUnit } from '../sql/ast';
import type { Row } from '../model/row';
import { UNIT_MS } from '../plan/validate-window';
import { alignedEnd } from './align';
import { AlignedTimeWindow } from './aligned-time-window';
import type { EmitWindow } from './window';

/** Tumbling window state. */
export class TumblingWindow extends AlignedTimeWindow {
  private winStart = 0;
  private readonly lengthMs: number;

  /**
   * @param unit time unit
   * @param length window length in units
   */
  constructor(private readonly unit: TimeUnit, private readonly length: number) {
    super(length * UNIT_MS[unit]);
    this.lengthMs = length * UNIT_MS[unit];
  }

  start(time: number): void {
    this.winStart = time;
    this.end = alignedEnd(time, this.length, this.unit);
  }

  add(row: Row): void {
    if (this.end === undefined) {
      this.end = alignedEnd(row.timestamp, this.length, this.unit);
      // Event time: eKuiper's first window starts at the first event.
      this.winStart = row.timestamp;
    }
    this.rows.push(row);
  }

  protected override skipped(): void {
    this.winStart = this.end! - this.lengthMs;
  }

  protected fire(emit: EmitWindow): void {
    const end = this.end!;
    let n = 0;
    while (n < this.rows.length && this.rows[n].timestamp < end) n++;
    const rows = n === this.rows.length ? this.rows : this.rows.slice(0, n);
    this.rows = n === this.rows.length ? [] : this.rows.slice(n);
    const start = this.winStart;
    this.winStart = end;
    this.end = end + this.lengthMs;
    emit({ start, end, rows });
  }
}
