/**
 * Compiles function calls: engine-owned context functions (`window_start()`, `event_time()`, `meta()`, ...),
 * aggregates over the current group, analytic calls (one state per call site and `PARTITION BY` key, computed once per
 * row before the window) and plain scalar calls from the function library.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/overview.html
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/analytic_functions.html
 */
import type { CallExpr, Expr } from '../sql/ast';
import type { ArgShape, CallContext, FunctionDef, Value, ValueKind } from '../functions/types';
import { validateCall, resultKindOf, createCallContext } from '../functions/registry';
import { FunctionArgError } from '../functions/errors';
import { PlanError } from '../engine/errors';
import { show } from '../sql/printer';
import type { Row } from '../model/row';
import type { EvalContext } from './eval-context';
import type { AnalyticSite, Compiled, CompileScope, Evaluator } from './scope';
import { compileExpr, compiled } from './compile';
import { CONTEXT_FUNCTIONS, compileContextCall } from './context-calls';

/** The struct value of a row as `*` sees it: merged columns of a joined row (FROM/JOIN order wins), else the message. */
export function rowStruct(row: Row): Record<string, Value> {
  if (row.sources === undefined) return row.message;
  const out: Record<string, Value> = {};
  for (const msg of row.sources.values()) {
    for (const k in msg) if (!(k in out)) out[k] = msg[k];
  }
  return out;
}

/** Describes an argument for {@link validateCall}. */
function shapeOf(arg: Expr, c: Compiled | undefined): ArgShape {
  switch (arg.type) {
    case 'number_literal':
    case 'string_literal':
    case 'boolean_literal':
      return { kind: 'literal', value: arg.value };
    case 'null_literal':
      return { kind: 'literal', value: null };
    case 'wildcard':
      return { kind: 'wildcard' };
    case 'field_ref':
      return { kind: 'field', name: arg.name, valueKind: c?.kind ?? 'unknown' };
    default:
      return { kind: 'expr', valueKind: c?.kind ?? 'unknown' };
  }
}

/** Maps a function-library argument error to a plan error with the right code. */
export function toPlanError(e: unknown): never {
  if (e instanceof FunctionArgError) {
    const code = / not found/.test(e.message) ? 'unknown_function' : /: expects .* but found \d+$/.test(e.message) ? 'wrong_arity' : 'bad_argument';
    throw new PlanError(code, e.message);
  }
  throw e;
}

/**
 * Compiles a call expression.
 * @throws PlanError unknown function, wrong arity, bad literal argument, aggregate in WHERE, nested aggregates
 */
export function compileCall(call: CallExpr, scope: CompileScope): Compiled {
  const lname = call.name.toLowerCase();
  if (CONTEXT_FUNCTIONS.has(lname)) {
    try {
      validateCall(lname, call.args.map((a) => shapeOf(a, undefined)));
    } catch (e) {
      toPlanError(e);
    }
    return compileContextCall(lname, call, scope);
  }
  let def;
  try {
    def = validateCall(lname, call.args.map((a) => shapeOf(a, undefined)));
  } catch (e) {
    toPlanError(e);
  }
  if (def.type === 'aggregate') return compileAggregate(call, lname, scope);
  if (def.type === 'analytic' || call.over) return compileAnalytic(call, lname, scope);
  const args = call.args.map((a) => (a.type === 'wildcard' ? compiled((row) => rowStruct(row), 'struct') : compileExpr(a, scope)));
  const kinds = args.map((a) => a.kind);
  try {
    def = validateCall(lname, call.args.map((a, i) => shapeOf(a, args[i])));
  } catch (e) {
    toPlanError(e);
  }
  const ctxCall = createCallContext(kinds, scope.now, scope.random);
  const exec = def.exec;
  const fns = args.map((a) => a.fn);
  const agg = args.some((a) => a.aggregate);
  const kind = resultKindOf(def, kinds);
  if (fns.length === 1) {
    const f0 = fns[0];
    return compiled((row, ctx) => exec([f0(row, ctx)], ctxCall), kind, agg);
  }
  return compiled((row, ctx) => {
    const vals = new Array(fns.length);
    for (let i = 0; i < fns.length; i++) vals[i] = fns[i](row, ctx);
    return exec(vals, ctxCall);
  }, kind, agg);
}

function compileAggregate(call: CallExpr, lname: string, scope: CompileScope): Compiled {
  if (scope.clause === 'where' || scope.clause === 'join' || scope.clause === 'window' || scope.clause === 'partition') {
    throw new PlanError('aggregate_misuse', `aggregate function ${lname} is not allowed in ${scope.clause === 'join' ? 'JOIN ON' : scope.clause.toUpperCase()}; use it in SELECT or HAVING`);
  }
  if (scope.clause === 'group') {
    throw new PlanError('aggregate_misuse', `aggregate function ${lname} is not allowed in GROUP BY`);
  }
  if (scope.inAggregate) {
    throw new PlanError('aggregate_misuse', `aggregate function ${lname} cannot be nested inside another aggregate function`);
  }
  scope.inAggregate = true;
  let args: (Compiled | undefined)[];
  let filter: Evaluator | undefined;
  try {
    args = call.args.map((a) => (a.type === 'wildcard' ? undefined : compileExpr(a, scope)));
    filter = call.filter ? compileExpr(call.filter, scope).fn : undefined;
  } finally {
    scope.inAggregate = false;
  }
  let def;
  try {
    def = validateCall(lname, call.args.map((a, i) => shapeOf(a, args[i])));
  } catch (e) {
    toPlanError(e);
  }
  const kinds: ValueKind[] = args.map((a) => (a ? a.kind : 'struct'));
  const callCtx = createCallContext(kinds, scope.now, scope.random);
  const fns = args.map((a) => a?.fn);
  const needsRows = def.needsRows === true;
  const exec = def.exec;
  const fast = fastAggregate(lname, def, callCtx, fns, filter, scope);
  if (fast) return compiled(fast, resultKindOf(def, kinds), true);
  scope.allIncremental = false;
  return compiled((row: Row, ctx: EvalContext) => {
    const savedGroup = ctx.group;
    const savedAlias = ctx.groupAlias;
    let rows = savedGroup ?? [row];
    ctx.group = undefined;
    ctx.groupAlias = undefined;
    try {
      if (filter) rows = rows.filter((r) => filter!(r, ctx) === true);
      const arrays = new Array(fns.length);
      for (let i = 0; i < fns.length; i++) {
        const f = fns[i];
        const vals = new Array(rows.length);
        if (f === undefined) for (let j = 0; j < rows.length; j++) vals[j] = rowStruct(rows[j]);
        else for (let j = 0; j < rows.length; j++) vals[j] = f(rows[j], ctx);
        arrays[i] = vals;
      }
      if (needsRows) callCtx.groupRows = rows.map(rowStruct);
      return exec(arrays, callCtx);
    } finally {
      ctx.group = savedGroup;
      ctx.groupAlias = savedAlias;
    }
  }, resultKindOf(def, kinds), true);
}

/**
 * Fast paths that avoid building per-argument arrays: `count(*)` counts rows, and one-argument aggregates with an
 * incremental accumulator (`avg`, `sum`, `min`, `max`, `count`) are fed row by row.
 */
function fastAggregate(
  lname: string,
  def: FunctionDef,
  callCtx: CallContext,
  fns: ReadonlyArray<Evaluator | undefined>,
  filter: Evaluator | undefined,
  scope: CompileScope,
): Evaluator | undefined {
  if (filter || def.needsRows || fns.length !== 1) return undefined;
  const f = fns[0];
  if (f === undefined && lname !== 'count') return undefined;
  if (f !== undefined && !def.createAccumulator) return undefined;
  const slot = scope.incremental.length;
  scope.incremental.push({ slot, arg: f, create: f === undefined ? undefined : () => def.createAccumulator!(callCtx) });
  if (f === undefined) {
    return (row, ctx) => {
      const g = ctx.group;
      const gs = g !== undefined ? ctx.groupStates?.get(g) : undefined;
      return gs !== undefined ? gs.count : (g ?? [row]).length;
    };
  }
  const acc = def.createAccumulator!(callCtx);
  return (row, ctx) => {
    const savedGroup = ctx.group;
    if (savedGroup !== undefined && ctx.groupStates !== undefined) {
      const gs = ctx.groupStates.get(savedGroup);
      if (gs !== undefined) return gs.accs[slot]!.result();
    }
    const savedAlias = ctx.groupAlias;
    const rows = savedGroup ?? [row];
    ctx.group = undefined;
    ctx.groupAlias = undefined;
    try {
      acc.reset();
      for (let j = 0; j < rows.length; j++) acc.add(f(rows[j], ctx));
      return acc.result();
    } finally {
      ctx.group = savedGroup;
      ctx.groupAlias = savedAlias;
    }
  };
}

function compileAnalytic(call: CallExpr, lname: string, scope: CompileScope): Compiled {
  const clause = scope.clause;
  const args = call.args.map((a) => (a.type === 'wildcard' ? compiled((row) => rowStruct(row), 'struct') : compileExpr(a, scope)));
  scope.clause = 'partition';
  let partitionBy: Evaluator[];
  let when: Evaluator | undefined;
  try {
    partitionBy = (call.over?.partitionBy ?? []).map((p) => compileExpr(p, scope).fn);
    when = call.over?.when ? compileExpr(call.over.when, scope).fn : undefined;
  } finally {
    scope.clause = clause;
  }
  let def;
  try {
    def = validateCall(lname, call.args.map((a, i) => shapeOf(a, args[i])));
  } catch (e) {
    toPlanError(e);
  }
  if (def.multiColumn && clause !== 'select') {
    throw new PlanError('bad_rule', `multi-column function ${lname} is only allowed as a SELECT item; remove it from ${clause.toUpperCase()}`);
  }
  const kinds = args.map((a) => a.kind);
  const callContext = createCallContext(kinds, scope.now, scope.random);
  if (def.multiColumn) callContext.argNames = call.args.map((a) => (a.type === 'wildcard' ? '*' : a.type === 'field_ref' ? a.name : show(a)));
  const site: AnalyticSite = {
    slot: scope.analytic.length,
    def,
    args: args.map((a) => a.fn),
    partitionBy,
    when,
    callContext,
    states: new Map(),
  };
  scope.analytic.push(site);
  const slot = site.slot;
  return compiled((row, ctx) => {
    let a = row.analytic;
    if (a === undefined) a = row.analytic = [];
    const v = a[slot];
    if (v !== undefined) return v;
    const r = computeAnalytic(site, row, ctx);
    a[slot] = r;
    return r;
  }, resultKindOf(def, kinds), false);
}

/** Evaluates one analytic call site for a row, swapping in the state of the row's partition. */
export function computeAnalytic(site: AnalyticSite, row: Row, ctx: EvalContext): Value {
  let key = '';
  if (site.partitionBy.length > 0) key = JSON.stringify(site.partitionBy.map((p) => p(row, ctx)));
  let state = site.states.get(key);
  if (state === undefined) {
    state = {};
    site.states.set(key, state);
  }
  const cc = site.callContext;
  cc.state = state;
  cc.whenMatched = site.when ? site.when(row, ctx) === true : true;
  const vals = site.args.map((f) => f(row, ctx));
  const v = site.def.exec(vals, cc);
  return v === undefined ? null : v;
}
