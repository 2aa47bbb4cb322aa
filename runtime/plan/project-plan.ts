/**
 * The SELECT list (eKuiper `ProjectPlan`): output names, `*` expansion, INVISIBLE fields, LIMIT.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html#select
 */
import type { SelectField } from '../sql/ast';
import { show } from '../sql';
import type { LogicalPlan } from './logical-plan';

/** Projects rows or groups to output rows. */
export class ProjectPlan implements LogicalPlan {
  readonly kind = 'ProjectPlan';
  readonly opName = 'project';

  /**
   * @param fields SELECT items
   * @param aggregate whether the query aggregates (groups project to one row each)
   * @param limit LIMIT, if any
   */
  constructor(readonly fields: readonly SelectField[], readonly aggregate: boolean, readonly limit?: number) {}

  info(): string {
    const f = this.fields.map((x) => show(x)).join(', ');
    return `fields=[${f}]${this.aggregate ? ' aggregate' : ''}${this.limit !== undefined ? ` limit=${this.limit}` : ''}`;
  }
}
