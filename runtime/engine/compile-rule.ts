/**
 * Compiles a planned rule into its operators: every expression is compiled once here, at rule creation.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
import type { SelectField, SelectStatement } from '../sql/ast';
import type { RulePlan } from '../plan/planner';
import type { FilterPlan } from '../plan/filter-plan';
import { CompileScope, type Evaluator, type SourceSchema } from '../expr/scope';
import type { Row } from '../model/row';
import { compileExpr } from '../expr/compile';
import { EvalContext } from '../expr/eval-context';
import { kindOfType } from './catalog';
import { lookupFunction } from '../functions/registry';
import type { ResolvedRuleOptions } from './rule-options';
import { Decoder } from '../operators/decode';
import { FilterOperator } from '../operators/filter';
import { AnalyticOperator } from '../operators/analytic';
import { JoinOperator } from '../operators/join';
import { AggregateOperator } from '../operators/aggregate';
import { HavingOperator } from '../operators/having';
import { OrderOperator } from '../operators/order';
import { ProjectOperator, type ProjectField } from '../operators/project';
import { TableStore } from '../operators/table-store';
import { createWindow } from '../windows/create-window';
import type { WindowOperator } from '../windows/window';
import { Watermark } from '../windows/watermark';
import { IncrementalTumblingWindow } from '../windows/incremental-tumbling';

/** The operators of one rule. */
export interface CompiledRule {
  readonly ctx: EvalContext;
  readonly decoders: ReadonlyMap<string, Decoder>;
  /** TIMESTAMP column per stream (event time). */
  readonly timestampField: ReadonlyMap<string, string | undefined>;
  readonly tables: ReadonlyMap<string, TableStore>;
  readonly watermark?: Watermark;
  readonly analytic?: AnalyticOperator;
  /** WHERE before the window (pushed down). */
  readonly preFilter?: FilterOperator;
  /** Window `FILTER (WHERE ..)`. */
  readonly windowFilter?: FilterOperator;
  readonly window?: WindowOperator;
  readonly join?: JoinOperator;
  /** WHERE after the window / join, or of a windowless rule. */
  readonly postFilter?: FilterOperator;
  readonly aggregate?: AggregateOperator;
  readonly having?: HavingOperator;
  readonly order?: OrderOperator;
  readonly project: ProjectOperator;
  readonly limit?: number;
}

/** Output name of an unaliased SELECT item (`kuiper_field_<n>` for expressions). */
function outputName(f: SelectField, counter: { n: number }): string {
  if (f.alias) return f.alias;
  if (f.expr.type === 'field_ref') return f.expr.name;
  if (f.expr.type === 'call_expr') return f.expr.name.toLowerCase();
  return `kuiper_field_${counter.n++}`;
}

/**
 * Compiles the operators of a planned rule.
 * @param ruleId rule id (`rule_id()`)
 * @param stmt the rule's SELECT
 * @param plan its logical plan
 * @param options resolved rule options
 * @param now processing-time clock
 * @param random random source in [0, 1)
 * @throws PlanError from expression compilation
 */
export function compileRule(
  ruleId: string,
  stmt: SelectStatement,
  plan: RulePlan,
  options: ResolvedRuleOptions,
  now: () => number,
  random: () => number,
): CompiledRule {
  const schemas: SourceSchema[] = plan.sources.map((s) => ({
    name: s.def.name,
    alias: s.alias,
    kind: s.def.kind,
    columns: s.def.columns.length > 0 ? new Map(s.def.columns.map((c) => [c.name, kindOfType(c.type)])) : undefined,
  }));
  const scope = new CompileScope(schemas, now, random);
  const sharedCtx = new EvalContext(ruleId, now, random);
  for (const f of stmt.fields) if (f.alias) scope.aliases.set(f.alias, f.expr);

  // SELECT first, so analytic slots follow the SELECT list.
  scope.clause = 'select';
  const counter = { n: 0 };
  const fields: ProjectField[] = stmt.fields.map((f) => {
    if (f.expr.type === 'wildcard') {
      const w = f.expr;
      const src = w.stream !== undefined ? scope.findSource(w.stream) : undefined;
      for (const s of schemas) if (!src || s === src) scope.reference(s.name, '*');
      return {
        kind: 'wildcard',
        source: src?.name,
        except: new Set(w.except),
        replace: w.replace.map((r) => ({ name: r.alias, fn: compileExpr(r.expr, scope).fn })),
      };
    }
    const name = outputName(f, counter);
    let c;
    if (f.alias) {
      scope.aliasCompiling.add(f.alias);
      try {
        c = compileExpr(f.expr, scope);
      } finally {
        scope.aliasCompiling.delete(f.alias);
      }
      scope.aliasCompiled.set(f.alias, c);
    } else c = compileExpr(f.expr, scope);
    const def = f.expr.type === 'call_expr' ? lookupFunction(f.expr.name) : undefined;
    const srf = def?.type === 'srf';
    const multi = def?.multiColumn === true;
    return { kind: 'expr', name, alias: f.alias, invisible: f.invisible, fn: c.fn, srf, multi };
  });

  const filterPlans = plan.chain.filter((p): p is FilterPlan => p.kind === 'FilterPlan');
  const windowIdx = plan.chain.findIndex((p) => p.kind === 'WindowPlan');
  const filterIdx = plan.chain.findIndex((p) => p.kind === 'FilterPlan');
  let preFilter: FilterOperator | undefined;
  let postFilter: FilterOperator | undefined;
  if (filterPlans.length > 0) {
    scope.clause = 'where';
    const f = new FilterOperator(compileExpr(filterPlans[0].condition, scope).fn);
    if (windowIdx >= 0 && filterIdx < windowIdx) preFilter = f;
    else postFilter = f;
  }

  let window: WindowOperator | undefined;
  let windowTrigger: ReturnType<typeof compileExpr>['fn'] | undefined;
  let stateConditions: Parameters<typeof createWindow>[3];
  let windowFilter: FilterOperator | undefined;
  if (plan.window) {
    scope.clause = 'window';
    let trigger: ReturnType<typeof compileExpr>['fn'] | undefined;
    if (plan.window.trigger) {
      scope.inTrigger = true;
      try {
        trigger = compileExpr(plan.window.trigger, scope).fn;
      } finally {
        scope.inTrigger = false;
      }
    }
    windowTrigger = trigger;
    if (plan.window.begin) {
      const b = compileExpr(plan.window.begin, scope).fn;
      const e = plan.window.emit ? compileExpr(plan.window.emit, scope).fn : undefined;
      stateConditions = {
        begin: (row) => b(row, sharedCtx) === true,
        emit: e === undefined ? undefined : (row) => e(row, sharedCtx) === true,
      };
    }
    if (plan.window.filter) windowFilter = new FilterOperator(compileExpr(plan.window.filter, scope).fn, 'Window Filter');
  }

  let join: JoinOperator | undefined;
  if (stmt.joins.length > 0) {
    scope.clause = 'join';
    join = new JoinOperator(stmt.from.name, stmt.joins.map((j) => ({
      joinType: j.joinType,
      source: j.source.name,
      on: j.on ? compileExpr(j.on, scope).fn : undefined,
    })));
  }

  let aggregate: AggregateOperator | undefined;
  let dimensions: Array<ReturnType<typeof compileExpr>['fn']> = [];
  if (plan.aggregate) {
    scope.clause = 'group';
    dimensions = plan.dimensions.map((d) => compileExpr(d, scope).fn);
    aggregate = new AggregateOperator(dimensions);
  }
  let having: HavingOperator | undefined;
  if (stmt.having) {
    scope.clause = 'having';
    having = new HavingOperator(compileExpr(stmt.having, scope).fn);
  }
  let order: OrderOperator | undefined;
  if (stmt.orderBy.length > 0) {
    scope.clause = 'order';
    order = new OrderOperator(stmt.orderBy.map((s) => ({ fn: compileExpr(s.expr, scope).fn, descending: s.direction === 'desc' })));
  }

  if (plan.window) {
    const incremental = plan.window.windowType === 'tumbling' && plan.aggregate && scope.allIncremental && !join && !postFilter && scope.analytic.length === 0;
    window = incremental
      ? new IncrementalTumblingWindow(plan.window.unit!, plan.window.length, dimensions, scope.incremental, sharedCtx)
      : createWindow(plan.window, windowTrigger ? (row) => matchTrigger(windowTrigger!, row, sharedCtx) : undefined, options.isEventTime, stateConditions);
  }

  const decoders = new Map<string, Decoder>();
  const timestampField = new Map<string, string | undefined>();
  const tables = new Map<string, TableStore>();
  for (const s of plan.sources) {
    const ref = scope.referenced.get(s.def.name);
    const ts = s.def.options.TIMESTAMP;
    decoders.set(s.def.name, new Decoder(s.def, ts && ref instanceof Set ? new Set([...ref, ts]) : ref));
    timestampField.set(s.def.name, ts);
    if (s.def.kind === 'table') tables.set(s.def.name, new TableStore(Number(s.def.options.RETAIN_SIZE ?? 0) || 0));
  }
  const streams = plan.sources.filter((s) => s.def.kind === 'stream').map((s) => s.def.name);
  return {
    ctx: sharedCtx,
    decoders,
    timestampField,
    tables,
    watermark: options.isEventTime ? new Watermark(streams, options.lateTolerance) : undefined,
    analytic: scope.analytic.length > 0 ? new AnalyticOperator(scope.analytic) : undefined,
    preFilter,
    windowFilter,
    window,
    join,
    postFilter,
    aggregate,
    having,
    order,
    project: new ProjectOperator(fields, options.sendNilField),
    limit: stmt.limit,
  };
}

/**
 * Evaluates a sliding window's `OVER (WHEN ..)` condition for one row. On a match the trigger's hit state
 * (`last_hit_time()`/`last_hit_count()` inside the condition) moves to this row, as eKuiper updates its window state
 * functions only when the condition holds.
 */
function matchTrigger(cond: Evaluator, row: Row, ctx: EvalContext): boolean {
  const hit = cond(row, ctx) === true;
  if (hit) {
    ctx.triggerHitTime = row.timestamp;
    ctx.triggerHitCount++;
  }
  return hit;
}
