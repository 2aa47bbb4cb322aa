/**
 * Accumulating analytic functions `acc_*(expr[, onBegin, onReset])`, accumulating over the rule's lifetime
 * (per partition). With `onBegin`/`onReset`, accumulation starts on the first row where onBegin is true (the
 * state is reset while not begun) and stops after a row where onReset is true. acc_count returns an integer,
 * acc_sum/min/max/avg floats; acc_sum and acc_count skip nulls; acc_min/max/avg fail on a non-number
 * (like eKuiper, including null).
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/analytic_functions.html#acc-functions
 */
import { scalar } from './define';
import { argError, funcError } from './errors';
import type { ArgShape, CallContext, FunctionDef, Value } from './types';
import { requireBool } from './validators';
import { bool, deepEqual, describe } from './values';

/** One accumulator kind. */
interface AccKind<S> {
  init(): S;
  add(fn: string, s: S, v: Value): S;
  result(s: S): Value;
}

interface AccState<S> {
  value: S;
  begun: boolean;
}

const numberOf = (fn: string, v: Value): number => {
  if (typeof v !== 'number') throw funcError(fn, `the value should be a number but found ${describe(v)}`);
  return v;
};

function accDef<S>(name: string, kind: AccKind<S>, result: 'int' | 'float' | 'array', doc: string): FunctionDef {
  const validate = (args: readonly ArgShape[]): void => {
    if (args.length === 2) throw argError(name, 'expects 1 or 3 arguments (expr[, onBegin, onReset]) but found 2');
    requireBool(name, args, 1);
    requireBool(name, args, 2);
  };
  const exec = (args: Value[], ctx: CallContext): Value => {
    const st = ((ctx.state.acc as AccState<S> | undefined) ??= { value: kind.init(), begun: false });
    if (args.length < 3) {
      if (ctx.whenMatched) st.value = kind.add(name, st.value, args[0] ?? null);
      return kind.result(st.value);
    }
    const onBegin = bool(name, args[1], 2);
    const onReset = bool(name, args[2], 3);
    if (!st.begun) st.value = kind.init();
    if (onBegin && !st.begun) st.begun = true;
    if (st.begun && ctx.whenMatched) st.value = kind.add(name, st.value, args[0] ?? null);
    const r = kind.result(st.value);
    if (onReset) st.begun = false;
    return r;
  };
  return scalar(name, 1, 3, exec, { type: 'analytic', nilIfAnyNil: false, validate, result, doc });
}

/** The acc_* functions. */
export const accFunctions: readonly FunctionDef[] = [
  accDef<number>('acc_sum', { init: () => 0, add: (fn, s, v) => (v === null ? s : s + numberOf(fn, v)), result: (s) => s }, 'float', 'Running sum; nulls skipped.'),
  accDef<number>('acc_count', { init: () => 0, add: (_fn, s, v) => (v === null ? s : s + 1), result: (s) => s }, 'int', 'Running count of non-null values.'),
  accDef<number | null>(
    'acc_max',
    { init: () => null, add: (fn, s, v) => Math.max(s ?? -Infinity, numberOf(fn, v)), result: (s) => s ?? 0 },
    'float',
    'Running maximum (0 before the first value).',
  ),
  accDef<number | null>(
    'acc_min',
    { init: () => null, add: (fn, s, v) => Math.min(s ?? Infinity, numberOf(fn, v)), result: (s) => s ?? 0 },
    'float',
    'Running minimum (0 before the first value).',
  ),
  accDef<{ sum: number; n: number }>(
    'acc_avg',
    { init: () => ({ sum: 0, n: 0 }), add: (fn, s, v) => ({ sum: s.sum + numberOf(fn, v), n: s.n + 1 }), result: (s) => (s.n ? s.sum / s.n : 0) },
    'float',
    'Running average (0 before the first value).',
  ),
  accDef<Value[]>('acc_collect', { init: () => [], add: (_fn, s, v) => (v === null ? s : (s.push(v), s)), result: (s) => s.slice() }, 'array', 'Running array of non-null values.'),
  accDef<Value[]>(
    'acc_distinct_collect',
    { init: () => [], add: (_fn, s, v) => (v === null || s.some((x) => deepEqual(x, v)) ? s : (s.push(v), s)), result: (s) => s.slice() },
    'array',
    'Running array of distinct non-null values.',
  ),
];
