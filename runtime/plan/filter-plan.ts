/**
 * `WHERE` (eKuiper `FilterPlan`). The optimizer moves it below processing-time tumbling, hopping and session windows.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#where
 */
import type { Expr } from '../sql/ast';
import { show } from '../sql';
import type { LogicalPlan } from './logical-plan';

/** Keeps rows whose condition is true. */
export class FilterPlan implements LogicalPlan {
  readonly kind = 'FilterPlan';
  readonly opName = 'filter';

  /** @param condition the WHERE expression */
  constructor(readonly condition: Expr) {}

  info(): string {
    return `condition=${show(this.condition)}`;
  }
}
