/**
 * HAVING (eKuiper `HavingOp`): keeps the groups whose condition is true, evaluated in group mode (aggregates over the
 * group, other columns from its first row). Each passing group updates `last_agg_hit_time()`/`last_agg_hit_count()`.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#having
 */
import type { Row } from '../model/row';
import type { EvalContext } from '../expr/eval-context';
import { FilterOperator } from './filter';
import type { Evaluator } from '../expr/scope';

/** Filters groups. */
export class HavingOperator {
  private readonly filter: FilterOperator;

  /** @param condition compiled HAVING condition */
  constructor(condition: Evaluator) {
    this.filter = new FilterOperator(condition, 'Having');
  }

  /**
   * Tests one group.
   * @throws EvalError `run Having error: ...`
   */
  test(group: Row[], ctx: EvalContext): boolean {
    ctx.group = group;
    try {
      return this.filter.test(group[0] ?? null, ctx);
    } finally {
      ctx.group = undefined;
    }
  }
}
