/**
 * ORDER BY (eKuiper `OrderOp`): a stable sort of a batch's rows (or groups, by their first row in group mode).
 * Nulls sort first in ascending order; numbers numerically, strings by code unit, booleans false before true.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#order-by
 */
import type { Value } from '../functions/types';
import { compareValues } from '../functions/values';
import type { Row } from '../model/row';
import type { EvalContext } from '../expr/eval-context';
import type { Evaluator } from '../expr/scope';

/** One compiled sort key. */
export interface SortKey {
  readonly fn: Evaluator;
  readonly descending: boolean;
}

function cmp(a: Value, b: Value): number {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  return compareValues(a, b) ?? 0;
}

/** Sorts rows or groups. */
export class OrderOperator {
  /** @param keys compiled ORDER BY items */
  constructor(private readonly keys: readonly SortKey[]) {}

  /** Sorts rows (row mode). */
  sortRows(rows: Row[], ctx: EvalContext): Row[] {
    const keyed = rows.map((r) => ({ r, k: this.keys.map((k) => k.fn(r, ctx)) }));
    keyed.sort((a, b) => this.compareKeys(a.k, b.k));
    return keyed.map((x) => x.r);
  }

  /** Sorts groups, evaluating the keys in group mode. */
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
      const c = cmp(a[i], b[i]);
      if (c !== 0) return this.keys[i].descending ? -c : c;
    }
    return 0;
  }
}
