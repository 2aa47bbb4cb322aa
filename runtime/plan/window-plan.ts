/**
 * The GROUP BY window (eKuiper `WindowPlan`), with its `FILTER (WHERE ..)` applied before rows enter it.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
import type { WindowExpr } from '../sql/ast';
import { show } from '../sql';
import type { LogicalPlan } from './logical-plan';

/** A time or count window. */
export class WindowPlan implements LogicalPlan {
  readonly kind = 'WindowPlan';
  readonly opName = 'window';

  /**
   * @param window the window expression
   * @param eventTime whether the rule runs on event time
   */
  constructor(readonly window: WindowExpr, readonly eventTime: boolean) {}

  info(): string {
    return `${show(this.window)} time=${this.eventTime ? 'event' : 'processing'}`;
  }
}
