/**
 * Joins (eKuiper `JoinOp`): for stream-stream joins, the rows of a window are split by stream and joined left to right;
 * for stream-table joins, each stream row is joined with the table's current rows. Supports INNER, LEFT, RIGHT, FULL
 * and CROSS. A joined row keeps each stream's message apart (`row.sources`) so `demo.ts` and `table1.id` resolve.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#join
 */
import type { JoinType } from '../sql/ast';
import { Row, type Message } from '../model/row';
import type { EvalContext } from '../expr/eval-context';
import type { Evaluator } from '../expr/scope';
import { stageError } from './filter';

/** One compiled JOIN clause. */
export interface JoinStep {
  readonly joinType: JoinType;
  /** Stream or table name of the right side. */
  readonly source: string;
  readonly on: Evaluator | undefined;
}

/** Joins rows. */
export class JoinOperator {
  /**
   * @param from FROM stream name
   * @param steps JOIN clauses in order
   */
  constructor(private readonly from: string, private readonly steps: readonly JoinStep[]) {}

  /**
   * Joins the rows of one window (or one event), taking each side's rows from `rows` by stream, or from
   * `tableRows(name)` for tables.
   * @throws EvalError `run Join error: ...` when ON fails to evaluate
   */
  join(rows: readonly Row[], tableRows: (name: string) => readonly Row[] | undefined, ctx: EvalContext): Row[] {
    let left = rows.filter((r) => r.emitter === this.from).map((r) => this.lift(r));
    for (const step of this.steps) {
      const right = tableRows(step.source) ?? rows.filter((r) => r.emitter === step.source);
      left = this.joinStep(left, right, step, ctx);
    }
    return left;
  }

  private lift(r: Row): Row {
    if (r.sources !== undefined) return r;
    const j = new Row(r.emitter, r.message, r.timestamp, r.meta, r.seq);
    j.sources = new Map([[r.emitter, r.message]]);
    j.analytic = r.analytic;
    j.cache = r.cache;
    return j;
  }

  private combine(l: Row | undefined, r: Row | undefined, source: string): Row {
    const base = (l ?? r)!;
    const out = new Row(base.emitter, base.message, base.timestamp, base.meta, base.seq);
    const m = new Map<string, Message>(l?.sources ?? []);
    if (r) m.set(source, r.message);
    out.sources = m;
    out.analytic = l?.analytic;
    return out;
  }

  private matches(row: Row, step: JoinStep, ctx: EvalContext): boolean {
    if (!step.on) return true;
    try {
      return step.on(row, ctx) === true;
    } catch (e) {
      throw stageError('Join', e);
    }
  }

  private joinStep(left: Row[], right: readonly Row[], step: JoinStep, ctx: EvalContext): Row[] {
    const out: Row[] = [];
    const rightHit = new Array<boolean>(right.length).fill(false);
    for (const l of left) {
      let hit = false;
      for (let i = 0; i < right.length; i++) {
        const c = this.combine(l, right[i], step.source);
        if (step.joinType === 'cross' || this.matches(c, step, ctx)) {
          out.push(c);
          hit = true;
          rightHit[i] = true;
        }
      }
      if (!hit && (step.joinType === 'left' || step.joinType === 'full')) out.push(this.combine(l, undefined, step.source));
    }
    if (step.joinType === 'right' || step.joinType === 'full') {
      for (let i = 0; i < right.length; i++) {
        if (!rightHit[i]) {
          const r = right[i];
          const c = new Row(r.emitter, r.message, r.timestamp, r.meta, r.seq);
          c.sources = new Map([[step.source, r.message]]);
          out.push(c);
        }
      }
    }
    return out;
  }
}
