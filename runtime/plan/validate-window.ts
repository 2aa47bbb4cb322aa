/**
 * Rule-creation checks of window arguments, with messages naming the window and the fix.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
import type { WindowExpr } from '../sql/ast';
import { show } from '../sql';
import { PlanError } from '../engine/errors';

/** Milliseconds per window time unit. */
export const UNIT_MS: Readonly<Record<string, number>> = { dd: 86_400_000, hh: 3_600_000, mi: 60_000, ss: 1000, ms: 1 };

function positiveInt(v: number | undefined): boolean {
  return v !== undefined && Number.isInteger(v) && v > 0;
}

/**
 * Validates a window's arguments.
 * @throws PlanError `bad_window` naming the window, the argument and the fix
 */
export function validateWindow(w: WindowExpr): void {
  const text = show(w);
  const bad = (what: string): never => {
    throw new PlanError('bad_window', `bad window ${text}: ${what}`);
  };
  if (w.windowType === 'state') {
    if (!w.begin) bad('expects a condition: STATEWINDOW(cond) or STATEWINDOW(begin, emit)');
    return;
  }
  if (w.windowType === 'count') {
    if (!positiveInt(w.length)) bad(`the count must be a positive integer, got ${w.length}`);
    if (w.interval !== undefined && (!positiveInt(w.interval) || w.interval > w.length)) {
      bad(`the interval must be a positive integer not greater than the count ${w.length}, got ${w.interval}`);
    }
    return;
  }
  if (!w.unit || !(w.unit in UNIT_MS)) bad('the time unit must be one of dd, hh, mi, ss, ms');
  if (!positiveInt(w.length)) bad(`the length must be a positive integer, got ${w.length}`);
  switch (w.windowType) {
    case 'hopping':
      if (!positiveInt(w.interval)) bad(`the hop interval must be a positive integer, got ${w.interval}`);
      break;
    case 'session':
      if (!positiveInt(w.interval)) bad(`the timeout must be a positive integer, got ${w.interval}`);
      break;
    case 'sliding':
      if (w.interval !== undefined && !(Number.isInteger(w.interval) && w.interval >= 0)) bad(`the delay must be a non-negative integer, got ${w.interval}`);
      break;
    default:
      break;
  }
}
