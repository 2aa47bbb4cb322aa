/**
 * GROUP BY dimensions (eKuiper `AggregatePlan`): groups a window's rows by key, in first-appearance order.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#group-by
 */
import type { Expr } from '../sql/ast';
import { show } from '../sql';
import type { LogicalPlan } from './logical-plan';

/** Groups rows by the dimension expressions (none: the whole window is one group). */
export class AggregatePlan implements LogicalPlan {
  readonly kind = 'AggregatePlan';
  readonly opName = 'aggregate';

  /** @param dimensions GROUP BY expressions other than the window */
  constructor(readonly dimensions: readonly Expr[]) {}

  info(): string {
    return `dimensions=[${this.dimensions.map((d) => show(d)).join(', ')}]`;
  }
}
