/**
 * ORDER BY (eKuiper `OrderOp`): a stable sort of a batch's rows (or groups, by their first row in group mode).
 * Nulls (missing values) sort last in both ascending and descending order (as eKuiper's sorter); numbers numerically, strings by code unit, booleans false before
 * true; values of different types raise `incompatible types for comparison: int and string`.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#order-by
 */
import type { Value } from '../functions/types';
import { compareValues } from '../functions/values';
import type { Row } from '../model/row';
import type { EvalContext } from '../expr/eval-context';
import type { Evaluator } from '../expr/scope';
import { EvalError } from '../engine/errors';

/** One compiled sort key. */
export interface SortKey {
  readonly fn: Evaluator;
  readonly descending: boolean;
}

function kindName(v: Value): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'string' ? 'string' : Array.isArray(v) ? 'array' : 'struct';
}

function isNull(v: Value | undefined): boolean {
  return v === null || v === undefined;
}

/** Compares two non-null sort values; throws on incompatible types. */
function cmp(a: Value, b: Value): number {
  const c = compareValues(a, b);
  if (c === undefined) throw new EvalError(`incompatible types for comparison: ${kindName(a)} and ${kindName(b)}`);
  return c;
}

/** Sorts rows or groups. */
export class OrderOperator {
  /** @param keys compiled ORDER BY items */
  constructor(private readonly keys: readonly SortKey[]) {}

  /**
   * Sorts rows (row mode).
   * @throws EvalError `incompatible types for comparison: ...`
   */
  sortRows(rows: Row[], ctx: EvalContext): Row[] {
    const keyed = rows.map((r) => ({ r, k: this.keys.map((k) => k.fn(r, ctx)) }));
    keyed.sort((a, b) => this.compareKeys(a.k, b.k));
    return keyed.map((x) => x.r);
  }

  /**
   * Sorts groups, evaluating the keys in group mode.
   * @throws EvalError `incompatible types for comparison: ...`
   */
  sortGroups(groups: Row[][], ctx: EvalContext): Row[][] {
    const keyed = groups.map((g) => {
      ctx.group = g;
      try {
        return { g, k: this.keys.map((k) => k.fn(g[0], ctx)) };
      } finally {
        ctx.group = undefined;
      }
    });
    keyed.sort((a, b) => this.compareKeys(a.k, b.k));
    return keyed.map((x) => x.g);
  }

  private compareKeys(a: Value[], b: Value[]): number {
    for (let i = 0; i < this.keys.length; i++) {
      const an = isNull(a[i]);
      const bn = isNull(b[i]);
      // eKuiper: a null key is never less than another key, whatever the direction, so nulls end up last.
      if (an || bn) {
        if (an && bn) continue;
        return an ? 1 : -1;
      }
      const c = cmp(a[i], b[i]);
      if (c !== 0) return this.keys[i].descending ? -c : c;
    }
    return 0;
  }
}
