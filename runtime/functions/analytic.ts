/**
 * Analytic functions: stateful per call site and partition, evaluated per row before windowing and WHERE.
 *
 * `OVER (PARTITION BY k WHEN cond)`: the engine keeps one {@link CallContext.state} per partition key and sets
 * {@link CallContext.whenMatched} to `cond` for the row. When `whenMatched` is false, "the event is ignored and
 * the saved state is reused": no state is updated, and
 * - `lag` returns the value it would return for a matching row (the lagged value), without recording the row;
 * - `latest` returns the saved latest value (or the default);
 * - `changed_col` returns null and `had_changed` returns false;
 * - `acc_*` return the current accumulated result.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/analytic_functions.html
 */
import { scalar } from './define';
import { argError, funcError } from './errors';
import type { ArgShape, CallContext, FunctionDef, Value } from './types';
import { requireBool, requireString, shapeKind } from './validators';
import { bool, deepEqual, describe } from './values';
import { accFunctions } from './analytic-acc';

/** lag state: the last `offset` recorded values, oldest first. */
interface LagState {
  history: Value[];
}

function lagValidate(args: readonly ArgShape[]): void {
  const off = args[1];
  if (off) {
    const k = shapeKind(off);
    if (k !== 'int' && k !== 'unknown') throw argError('lag', `argument 2 (offset) must be an integer but is ${k}`, 2);
    if (off.kind === 'literal' && typeof off.value === 'number' && off.value < 0) {
      throw argError('lag', `argument 2 (offset) must not be negative but is ${off.value}`, 2);
    }
  }
  requireBool('lag', args, 3);
}

function lag(args: Value[], ctx: CallContext): Value {
  const v = args[0] ?? null;
  let offset = 1;
  if (args.length > 1 && args[1] !== null) {
    const o = args[1];
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0) throw funcError('lag', `expects a non-negative integer offset but found ${describe(o)}`);
    offset = o;
  }
  const def = args.length > 2 ? (args[2] ?? null) : null;
  const ignoreNull = args.length > 3 ? bool('lag', args[3], 4) : true;
  const st = ((ctx.state.lag as LagState | undefined) ??= { history: [] });
  const h = st.history;
  const result = offset === 0 ? v : h.length >= offset ? h[h.length - offset] : def;
  if (ctx.whenMatched && !(ignoreNull && v === null) && offset > 0) {
    h.push(v);
    if (h.length > offset) h.shift();
  }
  return result;
}

function latest(args: Value[], ctx: CallContext): Value {
  const v = args[0] ?? null;
  if (ctx.whenMatched && v !== null) {
    ctx.state.latest = v;
    return v;
  }
  const saved = ctx.state.latest as Value | undefined;
  if (saved !== undefined) return saved;
  return args.length > 1 ? (args[1] ?? null) : null;
}

function changedCol(args: Value[], ctx: CallContext): Value {
  const ignoreNull = bool('changed_col', args[0], 1);
  const v = args[1] ?? null;
  if (ignoreNull && v === null) return null;
  if (!ctx.whenMatched) return null;
  const has = 'last' in ctx.state;
  const last = (ctx.state.last ?? null) as Value;
  if (has ? deepEqual(v, last) : v === null) return null;
  ctx.state.last = v;
  return v;
}

function hadChanged(args: Value[], ctx: CallContext): Value {
  const ignoreNull = bool('had_changed', args[0], 1);
  if (!ctx.whenMatched) return false;
  const last = ((ctx.state.last as Value[] | undefined) ??= []);
  let changed = false;
  for (let i = 1; i < args.length; i++) {
    const v = args[i] ?? null;
    if (ignoreNull && v === null) continue;
    const prev = i - 1 < last.length ? last[i - 1] : null;
    if (!deepEqual(v, prev ?? null)) {
      changed = true;
      last[i - 1] = v;
    }
  }
  return changed;
}

/**
 * Helper for the engine's `changed_cols(prefix, ignoreNull, expr...)`: compares each named value with the
 * previous emitted one and returns the changed columns (prefixed), updating `state`.
 * @param state per call site (and partition) state object, as in {@link CallContext.state}
 * @param prefix output name prefix (`""` keeps the names)
 * @param ignoreNull when true a null value never counts as a change
 * @param columns the selected columns of this row, by output name (expanded `*` included), in order
 * @returns the changed columns, possibly empty
 */
export function changedCols(state: Record<string, unknown>, prefix: string, ignoreNull: boolean, columns: Readonly<Record<string, Value>>): Record<string, Value> {
  const last = ((state.changedCols as Record<string, Value> | undefined) ??= {});
  const out: Record<string, Value> = {};
  for (const [name, v] of Object.entries(columns)) {
    if (ignoreNull && v === null) continue;
    if (name in last ? deepEqual(last[name], v) : v === null) continue;
    last[name] = v;
    out[prefix + name] = v;
  }
  return out;
}

/**
 * `changed_cols(prefix, ignoreNull, col...)`: the columns whose value changed since the previous matching row,
 * named `prefix + column` (a `*` argument stands for every column of the row). Multi-column: the result struct's
 * keys become output columns. When OVER (WHEN) does not match, no column is returned and no state is updated.
 */
function changedColsFn(args: Value[], ctx: CallContext): Value {
  const prefix = args[0] ?? '';
  if (typeof prefix !== 'string') throw funcError('changed_cols', `expects a string prefix as argument 1 but found ${describe(prefix)}`);
  const ignoreNull = bool('changed_cols', args[1], 2);
  if (!ctx.whenMatched) return {};
  const names = ctx.argNames ?? [];
  const columns: Record<string, Value> = {};
  for (let i = 2; i < args.length; i++) {
    const v = args[i] ?? null;
    const name = names[i] ?? `col${i - 1}`;
    if (name === '*' && v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)) Object.assign(columns, v);
    else columns[name] = v;
  }
  return changedCols(ctx.state, prefix, ignoreNull, columns);
}

/** Analytic functions. */
export const analyticFunctions: readonly FunctionDef[] = [
  scalar('lag', 1, 4, lag, {
    type: 'analytic',
    nilIfAnyNil: false,
    validate: lagValidate,
    result: (k) => k[0] ?? 'unknown',
    doc: 'lag(expr[, offset=1[, default=null[, ignoreNull=true]]]): the value of expr `offset` matching rows before.',
  }),
  scalar('latest', 1, 2, latest, { type: 'analytic', nilIfAnyNil: false, result: (k) => k[0] ?? 'unknown', doc: 'latest(expr[, default]): the latest non-null value of expr.' }),
  scalar('changed_col', 2, 2, changedCol, {
    type: 'analytic',
    nilIfAnyNil: false,
    validate: (args) => requireBool('changed_col', args, 0),
    result: (k) => k[1] ?? 'unknown',
    doc: 'changed_col(ignoreNull, expr): expr if it changed since the last recorded value, else null.',
  }),
  scalar('had_changed', 2, Infinity, hadChanged, {
    type: 'analytic',
    nilIfAnyNil: false,
    validate: (args) => requireBool('had_changed', args, 0),
    result: 'bool',
    doc: 'had_changed(ignoreNull, expr...): whether any expr changed since its last recorded value.',
  }),
  {
    ...scalar('changed_cols', 3, Infinity, changedColsFn, {
      type: 'analytic',
      nilIfAnyNil: false,
      validate: (args) => {
        requireString('changed_cols', args, 0);
        requireBool('changed_cols', args, 1);
      },
      result: 'struct',
      doc: 'changed_cols(prefix, ignoreNull, col...): the changed columns, each as its own output column prefix + name.',
    }),
    multiColumn: true,
  },
  ...accFunctions,
];
