import type { Expr, TimeUnit, WindowExpr, WindowType } from './ast';
import { parseExpression, parseFilter, parseOver, span } from './expr-parser';
import type { TokenCursor } from './token-cursor';

/** SQL window function names (upper case) to their {@link WindowType}. */
export const WINDOW_NAMES: Readonly<Record<string, WindowType>> = {
  TUMBLINGWINDOW: 'tumbling',
  HOPPINGWINDOW: 'hopping',
  SLIDINGWINDOW: 'sliding',
  SESSIONWINDOW: 'session',
  COUNTWINDOW: 'count',
  STATEWINDOW: 'state',
};

/** Allowed window time units. */
export const TIME_UNITS: readonly TimeUnit[] = ['dd', 'hh', 'mi', 'ss', 'ms'];

/** True when a window (`TUMBLINGWINDOW(` etc., any case, not backquoted) starts at the cursor. */
export function isWindowAhead(c: TokenCursor): boolean {
  const t = c.peek();
  return t.kind === 'word' && WINDOW_NAMES[t.upper] !== undefined && c.isOp('(', 1);
}

/**
 * Parses one GROUP BY window with its optional `OVER (WHEN cond)` (sliding only) and `FILTER (WHERE cond)`,
 * in either order.
 * Lengths and intervals must be positive integer literals; semantic checks (count interval vs length, for example)
 * belong to the planner.
 *
 * @throws SqlSyntaxError on a wrong unit (naming it and the allowed ones), a non-positive or non-integer length,
 *   or a wrong number of arguments
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
export function parseWindow(c: TokenCursor): WindowExpr {
  const nameToken = c.next();
  const windowType = WINDOW_NAMES[nameToken.upper] as WindowType;
  const fn = nameToken.upper;
  c.expectOp('(');
  let unit: TimeUnit | undefined;
  let length = 0;
  let interval: number | undefined;
  let begin: Expr | undefined;
  let emit: Expr | undefined;
  switch (windowType) {
    case 'state':
      // STATEWINDOW(begin, emit), or STATEWINDOW(cond) (eKuiper v2): one condition both begins and emits.
      begin = parseExpression(c);
      if (c.acceptOp(',')) emit = parseExpression(c);
      break;
    case 'count':
      length = parsePositiveInteger(c, fn, 'count');
      if (c.acceptOp(',')) interval = parsePositiveInteger(c, fn, 'interval');
      break;
    default:
      unit = parseUnit(c, fn);
      c.expectOp(',');
      length = parsePositiveInteger(c, fn, 'length');
      if (windowType === 'hopping' || windowType === 'session') {
        c.expectOp(',');
        interval = parsePositiveInteger(c, fn, windowType === 'hopping' ? 'hop interval' : 'timeout');
      } else if (windowType === 'sliding' && c.acceptOp(',')) {
        interval = parsePositiveInteger(c, fn, 'delay');
      }
  }
  c.expectOp(')');
  // eKuiper accepts the optional clauses in either order: `OVER (WHEN ..) FILTER (WHERE ..)` or
  // `FILTER (WHERE ..) OVER (WHEN ..)`, each at most once.
  let trigger: Expr | undefined;
  let filter: Expr | undefined;
  for (;;) {
    if (trigger === undefined && windowType === 'sliding' && c.isWord('OVER') && c.isOp('(', 1)) {
      const over = parseOver(c, false);
      if (over.when === undefined) c.failWith(`${fn} OVER needs a WHEN condition`, ['OVER (WHEN cond)'], c.peek());
      trigger = over.when;
    } else if (filter === undefined && c.isWord('FILTER') && c.isOp('(', 1)) {
      filter = parseFilter(c);
    } else {
      break;
    }
  }
  return {
    type: 'window_expr',
    windowType,
    ...(unit && { unit }),
    length,
    ...(interval !== undefined && { interval }),
    ...(trigger && { trigger }),
    ...(begin && { begin }),
    ...(emit && { emit }),
    ...(filter && { filter }),
    range: span(c, nameToken.start),
  };
}

function parseUnit(c: TokenCursor, fn: string): TimeUnit {
  const t = c.peek();
  const unit = t.kind === 'word' ? (t.value.toLowerCase() as TimeUnit) : undefined;
  if (unit === undefined || !TIME_UNITS.includes(unit)) {
    const what = t.kind === 'eof' ? 'end of input' : JSON.stringify(t.text);
    c.failWith(`Invalid time unit ${what} in ${fn}`, [`one of ${TIME_UNITS.join(', ')}`]);
  }
  c.next();
  return unit;
}

function parsePositiveInteger(c: TokenCursor, fn: string, what: string): number {
  const t = c.peek();
  const expected = [`a positive integer ${what}`];
  if (t.kind === 'number' && /^\d+$/.test(t.value) && Number(t.value) > 0 && Number.isSafeInteger(Number(t.value))) {
    c.next();
    return Number(t.value);
  }
  if (t.kind === 'number' || (t.kind === 'op' && t.value === '-' && c.peek(1).kind === 'number')) {
    const text = t.kind === 'number' ? t.text : `-${c.peek(1).text}`;
    c.failWith(`Invalid ${what} ${text} in ${fn}: must be a positive integer`, expected);
  }
  return c.fail(expected);
}
