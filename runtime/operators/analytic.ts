/**
 * Analytic functions (eKuiper `AnalyticFuncsOp`): every analytic call site is evaluated once per row, before WHERE and
 * the window, so `lag()`, `latest()`, `changed_col()`, `acc_*()` see every event in arrival (or event-time) order.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/analytic_functions.html
 */
import type { Row } from '../model/row';
import type { EvalContext } from '../expr/eval-context';
import type { AnalyticSite } from '../expr/scope';
import { computeAnalytic } from '../expr/compile-call';
import { stageError } from './filter';

/** Evaluates the analytic call sites of a rule for each row. */
export class AnalyticOperator {
  /** @param sites the rule's analytic call sites */
  constructor(private readonly sites: readonly AnalyticSite[]) {}

  /**
   * Computes every site not yet computed for `row` (results are kept in `row.analytic`).
   * @throws EvalError `run Analytic error: ...`
   */
  apply(row: Row, ctx: EvalContext): void {
    const a = row.analytic ?? (row.analytic = []);
    try {
      for (const s of this.sites) if (a[s.slot] === undefined) a[s.slot] = computeAnalytic(s, row, ctx);
    } catch (e) {
      throw stageError('Analytic', e);
    }
  }
}
