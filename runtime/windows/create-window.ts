/**
 * Builds the window operator of a validated {@link WindowExpr}.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
import type { WindowExpr } from '../sql/ast';
import { PlanError } from '../engine/errors';
import type { WindowOperator } from './window';
import { TumblingWindow } from './tumbling';
import { HoppingWindow } from './hopping';
import { SlidingWindow, type TriggerCondition } from './sliding';
import { SessionWindow } from './session';
import { CountWindow } from './count';
import { StateWindow } from './state';

/**
 * Creates a window operator.
 * @param w validated window expression
 * @param trigger compiled `OVER (WHEN ..)` of a sliding window
 * @param conditions compiled begin and emit conditions of a STATEWINDOW
 * @param eventTime whether the rule runs on event time (sliding triggers wait for the watermark) @default false
 * @throws PlanError for a STATEWINDOW without conditions, or an unknown window type
 */
export function createWindow(
  w: WindowExpr,
  trigger?: TriggerCondition,
  eventTime = false,
  conditions?: { readonly begin: TriggerCondition; readonly emit?: TriggerCondition },
): WindowOperator {
  switch (w.windowType) {
    case 'tumbling': return new TumblingWindow(w.unit!, w.length);
    case 'hopping': return new HoppingWindow(w.unit!, w.length, w.interval!);
    case 'sliding': return new SlidingWindow(w.unit!, w.length, w.interval ?? 0, trigger, eventTime);
    case 'session': return new SessionWindow(w.unit!, w.length, w.interval!);
    case 'count': return new CountWindow(w.length, w.interval);
    case 'state':
      if (!conditions) throw new PlanError('bad_window', 'STATEWINDOW needs compiled begin and emit conditions');
      return new StateWindow(conditions.begin, conditions.emit);
    default: throw new PlanError('unsupported', `window type ${w.windowType} is not supported`);
  }
}
