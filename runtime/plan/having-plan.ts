/**
 * `HAVING` (eKuiper `HavingPlan`): keeps groups whose condition is true.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#having
 */
import type { Expr } from '../sql/ast';
import { show } from '../sql';
import type { LogicalPlan } from './logical-plan';

/** Filters groups. */
export class HavingPlan implements LogicalPlan {
  readonly kind = 'HavingPlan';
  readonly opName = 'having';

  /** @param condition the HAVING expression */
  constructor(readonly condition: Expr) {}

  info(): string {
    return `condition=${show(this.condition)}`;
  }
}
