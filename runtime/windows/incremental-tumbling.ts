/**
 * A TUMBLINGWINDOW that aggregates as rows arrive: each row goes to its GROUP BY group and feeds that group's
 * accumulators; only the first row of each group is kept. Used when every aggregate of the rule is incremental
 * (`count(*)`, or one-argument `avg`/`sum`/`min`/`max`/`count`) and nothing runs between the window and the
 * aggregation (no join, no WHERE after the window). Same windows, bounds and results as {@link TumblingWindow}.
 * An error while adding a row (GROUP BY dimension or aggregate argument) does not surface at that row: like eKuiper,
 * which evaluates them when the window fires, the window then fires as one {@link FailedWindowBatch}.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html#tumbling-window
 */
import type { TimeUnit } from '../sql/ast';
import type { Value } from '../functions/types';
import type { Row } from '../model/row';
import type { GroupState } from '../model/group-state';
import type { EvalContext } from '../expr/eval-context';
import type { Evaluator, IncrementalAggregate } from '../expr/scope';
import { UNIT_MS } from '../plan/validate-window';
import { alignedEnd } from './align';
import type { EmitWindow, FailedWindowBatch, WindowOperator } from './window';

/** Incremental tumbling window state. */
export class IncrementalTumblingWindow implements WindowOperator {
  private groups = new Map<unknown, GroupState>();
  private rowCount = 0;
  private winStart = 0;
  private end: number | undefined = undefined;
  private readonly lengthMs: number;
  /** First error met while adding a row to the current window; the window then fires as this error. */
  private error: string | undefined = undefined;

  /**
   * @param unit time unit
   * @param length window length in units
   * @param dimensions compiled GROUP BY expressions
   * @param aggregates the rule's incremental aggregate call sites
   * @param ctx the rule's evaluation context (row mode while adding)
   */
  constructor(
    private readonly unit: TimeUnit,
    private readonly length: number,
    private readonly dimensions: readonly Evaluator[],
    private readonly aggregates: readonly IncrementalAggregate[],
    private readonly ctx: EvalContext,
  ) {
    this.lengthMs = length * UNIT_MS[unit];
  }

  start(time: number): void {
    this.winStart = time;
    this.end = alignedEnd(time, this.length, this.unit);
  }

  add(row: Row, emit: EmitWindow): void {
    if (this.end === undefined) {
      this.end = alignedEnd(row.timestamp, this.length, this.unit);
      this.winStart = row.timestamp;
    } else if (row.timestamp >= this.end) this.advance(row.timestamp, emit);
    this.rowCount++;
    if (this.error !== undefined) return;
    try {
      this.accumulate(row);
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private accumulate(row: Row): void {
    const ctx = this.ctx;
    const dims = this.dimensions;
    let key: unknown = '';
    if (dims.length === 1) {
      const v = dims[0](row, ctx);
      key = typeof v === 'object' && v !== null ? 'j' + JSON.stringify(v) : v;
    } else if (dims.length > 1) {
      const vals: Value[] = [];
      for (const d of dims) vals.push(d(row, ctx));
      key = 'j' + JSON.stringify(vals);
    }
    let g = this.groups.get(key);
    if (g === undefined) {
      g = { rows: [row], count: 0, accs: this.aggregates.map((a) => a.create?.()) };
      this.groups.set(key, g);
    }
    g.count++;
    const aggs = this.aggregates;
    for (let i = 0; i < aggs.length; i++) {
      const a = aggs[i];
      if (a.arg !== undefined) g.accs[i]!.add(a.arg(row, ctx));
    }
  }

  advance(time: number, emit: EmitWindow): void {
    while (this.end !== undefined && this.end <= time) {
      if (this.rowCount === 0 && time - this.end > this.lengthMs * 100_000) {
        this.end += Math.floor((time - this.end) / this.lengthMs) * this.lengthMs;
        this.winStart = this.end - this.lengthMs;
      }
      this.fire(emit);
    }
  }

  nextDeadline(): number | undefined {
    return this.end;
  }

  flush(emit: EmitWindow): void {
    if (this.rowCount > 0 && this.end !== undefined) this.fire(emit);
  }

  bufferLength(): number {
    return this.rowCount;
  }

  private fire(emit: EmitWindow): void {
    const end = this.end!;
    const groups = [...this.groups.values()];
    this.groups = new Map();
    this.rowCount = 0;
    const start = this.winStart;
    this.winStart = end;
    this.end = end + this.lengthMs;
    const error = this.error;
    if (error !== undefined) {
      this.error = undefined;
      const failed: FailedWindowBatch = { start, end, rows: [], groups: [], error };
      emit(failed);
      return;
    }
    emit({ start, end, rows: groups.map((g) => g.rows[0]), groups });
  }
}
