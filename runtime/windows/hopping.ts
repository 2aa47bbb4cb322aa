/**
 * HOPPINGWINDOW(unit, length, hop): windows of `length` that fire every `hop`, ends aligned to multiples of the hop.
 * A row belongs to every window `[end - length, end)` that contains it. Under processing time the first window fires
 * at the first aligned hop after rule start.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html#hopping-window
 */
import type { TimeUnit } from '../sql/ast';
import type { Row } from '../model/row';
import { UNIT_MS } from '../plan/validate-window';
import { alignedEnd } from './align';
import { AlignedTimeWindow } from './aligned-time-window';
import type { EmitWindow } from './window';

/** Hopping window state. */
export class HoppingWindow extends AlignedTimeWindow {
  private firstStart: number | undefined = undefined;
  private readonly lengthMs: number;
  private readonly hopMs: number;

  /**
   * @param unit time unit
   * @param length window length in units
   * @param hop hop in units
   */
  constructor(private readonly unit: TimeUnit, length: number, private readonly hop: number) {
    super(hop * UNIT_MS[unit]);
    this.lengthMs = length * UNIT_MS[unit];
    this.hopMs = hop * UNIT_MS[unit];
  }

  start(time: number): void {
    this.end = alignedEnd(time, this.hop, this.unit);
  }

  add(row: Row): void {
    if (this.end === undefined) {
      // Event time: eKuiper starts the first window one hop before the first event.
      this.end = alignedEnd(row.timestamp, this.hop, this.unit);
      this.firstStart = row.timestamp - this.hopMs;
    }
    this.rows.push(row);
  }

  protected fire(emit: EmitWindow): void {
    const end = this.end!;
    const from = end - this.lengthMs;
    const start = this.firstStart ?? from;
    this.firstStart = undefined;
    const rows = this.rows.filter((r) => r.timestamp >= from && r.timestamp < end);
    const keepFrom = end + this.hopMs - this.lengthMs;
    let drop = 0;
    while (drop < this.rows.length && this.rows[drop].timestamp < keepFrom) drop++;
    if (drop > 0) this.rows = this.rows.slice(drop);
    this.end = end + this.hopMs;
    emit({ start, end, rows });
  }
}
