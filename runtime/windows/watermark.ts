/**
 * Event-time watermarks. Each stream's watermark is the maximum event time it delivered; the rule's watermark is the
 * minimum over its streams minus the late tolerance, and stays 0 until every stream delivered an event. Events below
 * the current watermark are late: dropped and counted. Buffered events are released in event-time order (stable for
 * equal times) once their time is at or below the watermark.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html#event-time
 */
import type { Row } from '../model/row';

/** Watermark generator and reorder buffer of one rule. */
export class Watermark {
  private readonly maxByStream = new Map<string, number>();
  private pending: Row[] = [];
  private current = 0;
  /** Events dropped because they arrived below the watermark. */
  lateDropped = 0;

  /**
   * @param streams names of the rule's streams (tables excluded)
   * @param lateTolerance allowed lateness, ms
   */
  constructor(private readonly streams: readonly string[], private readonly lateTolerance: number) {}

  /** The current watermark, ms (0 until every stream delivered an event; +∞ after {@link finish}). */
  get value(): number {
    return this.current;
  }

  /**
   * Buffers an event and raises the watermark.
   * @returns false when the event is late (dropped)
   */
  accept(row: Row): boolean {
    if (row.timestamp < this.current) {
      this.lateDropped++;
      return false;
    }
    let lo = 0;
    let hi = this.pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pending[mid].timestamp <= row.timestamp) lo = mid + 1;
      else hi = mid;
    }
    this.pending.splice(lo, 0, row);
    const prev = this.maxByStream.get(row.emitter);
    if (prev === undefined || row.timestamp > prev) this.maxByStream.set(row.emitter, row.timestamp);
    if (this.streams.every((s) => this.maxByStream.has(s))) {
      let min = Infinity;
      for (const s of this.streams) min = Math.min(min, this.maxByStream.get(s)!);
      const wm = min - this.lateTolerance;
      if (wm > this.current) this.current = wm;
    }
    return true;
  }

  /** Removes and returns, in event-time order, the buffered events at or below the watermark. */
  release(): Row[] {
    let n = 0;
    while (n < this.pending.length && this.pending[n].timestamp <= this.current) n++;
    if (n === 0) return [];
    const out = this.pending.slice(0, n);
    this.pending = this.pending.slice(n);
    return out;
  }

  /** End of input: the watermark becomes +∞. */
  finish(): void {
    this.current = Infinity;
  }

  /** Events buffered. */
  bufferLength(): number {
    return this.pending.length;
  }
}
