/**
 * Analytic function calls evaluated per event before WHERE and the window (eKuiper `AnalyticFuncsPlan`).
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/analytic_functions.html
 */
import type { CallExpr } from '../sql/ast';
import { show } from '../sql';
import type { LogicalPlan } from './logical-plan';

/** The rule's analytic call sites. */
export class AnalyticPlan implements LogicalPlan {
  readonly kind = 'AnalyticFuncsPlan';
  readonly opName = 'analytic';

  /** @param calls analytic calls in SELECT-list order */
  constructor(readonly calls: readonly CallExpr[]) {}

  info(): string {
    return `funcs=[${this.calls.map((c) => show(c)).join(', ')}]`;
  }
}
