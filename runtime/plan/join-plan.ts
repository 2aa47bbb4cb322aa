/**
 * Joins (eKuiper `JoinPlan`): stream-stream joins over a window's rows, stream-table joins per event.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#join
 */
import type { JoinClause } from '../sql/ast';
import { show } from '../sql';
import type { LogicalPlan } from './logical-plan';

/** The JOIN clauses, applied left to right. */
export class JoinPlan implements LogicalPlan {
  readonly kind = 'JoinPlan';
  readonly opName = 'join';

  /**
   * @param from the FROM source name
   * @param joins JOIN clauses in order
   */
  constructor(readonly from: string, readonly joins: readonly JoinClause[]) {}

  info(): string {
    return `from=${this.from} ` + this.joins.map((j) => `${j.joinType.toUpperCase()} JOIN ${j.source.name}${j.on ? ` ON ${show(j.on)}` : ''}`).join(' ');
  }
}
