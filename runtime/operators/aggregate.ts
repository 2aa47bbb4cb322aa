/**
 * GROUP BY (eKuiper `AggregateOp`): splits a window's rows into groups by the dimension values, in order of first
 * appearance. With no dimensions the whole window is one group (none when the window is empty).
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#group-by
 */
import type { Value } from '../functions/types';
import type { Row } from '../model/row';
import type { EvalContext } from '../expr/eval-context';
import type { Evaluator } from '../expr/scope';
import { stageError } from './filter';

/** Groups rows by key. */
export class AggregateOperator {
  /** @param dimensions compiled GROUP BY expressions (window excluded) */
  constructor(private readonly dimensions: readonly Evaluator[]) {}

  /**
   * Groups rows.
   * @throws EvalError `run Group error: ...` when a dimension fails to evaluate
   */
  group(rows: readonly Row[], ctx: EvalContext): Row[][] {
    if (rows.length === 0) return [];
    const dims = this.dimensions;
    if (dims.length === 0) return [rows as Row[]];
    const groups = new Map<unknown, Row[]>();
    try {
      for (const r of rows) {
        let key: unknown;
        if (dims.length === 1) {
          const v = dims[0](r, ctx);
          key = typeof v === 'object' && v !== null ? 'j' + JSON.stringify(v) : v;
        } else {
          const vals: Value[] = [];
          for (const d of dims) vals.push(d(r, ctx));
          key = 'j' + JSON.stringify(vals);
        }
        const g = groups.get(key);
        if (g) g.push(r);
        else groups.set(key, [r]);
      }
    } catch (e) {
      throw stageError('Group', e);
    }
    return [...groups.values()];
  }
}
