/**
 * `ORDER BY` (eKuiper `OrderPlan`): a stable sort of a batch's rows or groups.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#order-by
 */
import type { SortField } from '../sql/ast';
import { show } from '../sql';
import type { LogicalPlan } from './logical-plan';

/** Sorts a batch. */
export class OrderPlan implements LogicalPlan {
  readonly kind = 'OrderPlan';
  readonly opName = 'order';

  /** @param sortFields ORDER BY items */
  constructor(readonly sortFields: readonly SortField[]) {}

  info(): string {
    return `sort=[${this.sortFields.map((s) => `${show(s.expr)} ${s.direction.toUpperCase()}`).join(', ')}]`;
  }
}
