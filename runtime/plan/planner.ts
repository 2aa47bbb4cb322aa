/**
 * Builds a rule's logical plan from its SELECT statement (eKuiper `planner.go:createLogicalPlan`): a linear chain
 * DataSource → [Watermark] → [AnalyticFuncs] → [Window] → [Join] → [Filter] → [Aggregate] → [Having] → [Order] →
 * Project. The optimizer then moves the filter where eKuiper runs it.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 */
import type { SelectStatement, WindowExpr, Expr } from '../sql/ast';
import type { StreamDefinition } from '../engine/contract';
import { PlanError } from '../engine/errors';
import type { LogicalPlan } from './logical-plan';
import { DataSourcePlan } from './data-source-plan';
import { WatermarkPlan } from './watermark-plan';
import { AnalyticPlan } from './analytic-plan';
import { WindowPlan } from './window-plan';
import { JoinPlan } from './join-plan';
import { FilterPlan } from './filter-plan';
import { AggregatePlan } from './aggregate-plan';
import { HavingPlan } from './having-plan';
import { OrderPlan } from './order-plan';
import { ProjectPlan } from './project-plan';
import { collectCalls, fieldExprs, isAggregateCall, isAnalyticCall } from './ast-walk';
import { validateWindow } from './validate-window';
import { optimize } from './optimizer';

/** Inputs the planner needs besides the statement. */
export interface PlannerInput {
  readonly stmt: SelectStatement;
  /** Looks a stream or table up by name. */
  readonly lookup: (name: string) => StreamDefinition | undefined;
  readonly isEventTime: boolean;
  readonly lateTolerance: number;
}

/** A planned rule: the optimized chain (sources first) and facts the runtime needs. */
export interface RulePlan {
  readonly chain: readonly LogicalPlan[];
  readonly sources: ReadonlyArray<{ readonly def: StreamDefinition; readonly alias?: string }>;
  readonly window: WindowExpr | undefined;
  readonly dimensions: readonly Expr[];
  readonly aggregate: boolean;
}

/**
 * Plans a SELECT statement.
 * @throws PlanError unknown stream/table, no stream in FROM, bad window, stream-stream join without a window
 */
export function createLogicalPlan(input: PlannerInput): RulePlan {
  const { stmt } = input;
  const refs = [stmt.from, ...stmt.joins.map((j) => j.source)];
  const sources = refs.map((r) => {
    const def = input.lookup(r.name);
    if (!def) {
      throw new PlanError('unknown_stream', `stream ${r.name} not found; create it with CREATE STREAM ${r.name} (...) WITH (...) before the rule`);
    }
    return { def, alias: r.alias };
  });
  if (sources[0].def.kind !== 'stream') {
    throw new PlanError('bad_rule', `FROM ${sources[0].def.name} names a table; a rule reads at least one stream, put the stream in FROM and JOIN the table`);
  }
  const windows = stmt.groupBy.filter((g): g is WindowExpr => g.type === 'window_expr');
  if (windows.length > 1) throw new PlanError('bad_window', 'a rule may have only one window in GROUP BY');
  const window = windows[0];
  if (window) validateWindow(window);
  const streamCount = sources.filter((s) => s.def.kind === 'stream').length;
  if (streamCount > 1 && !window) {
    throw new PlanError('bad_rule', 'a join of two streams needs a window: add GROUP BY TUMBLINGWINDOW(ss, 10) (or another window)');
  }
  const dimensions = stmt.groupBy.filter((g): g is Expr => g.type !== 'window_expr');
  const selectExprs = fieldExprs(stmt.fields);
  const calls = collectCalls([...selectExprs, ...(stmt.having ? [stmt.having] : [])]);
  const aggregate = dimensions.length > 0 || calls.some(isAggregateCall);
  const analyticCalls = collectCalls([...selectExprs, ...(stmt.where ? [stmt.where] : []), ...(stmt.having ? [stmt.having] : [])]).filter(isAnalyticCall);

  const chain: LogicalPlan[] = [new DataSourcePlan(sources)];
  if (input.isEventTime) {
    chain.push(new WatermarkPlan(sources.filter((s) => s.def.kind === 'stream').map((s) => s.def.name), input.lateTolerance));
  }
  if (analyticCalls.length > 0) chain.push(new AnalyticPlan(analyticCalls));
  if (window) chain.push(new WindowPlan(window, input.isEventTime));
  if (stmt.joins.length > 0) chain.push(new JoinPlan(stmt.from.name, stmt.joins));
  if (stmt.where) chain.push(new FilterPlan(stmt.where));
  if (aggregate) chain.push(new AggregatePlan(dimensions));
  if (stmt.having) chain.push(new HavingPlan(stmt.having));
  if (stmt.orderBy.length > 0) chain.push(new OrderPlan(stmt.orderBy));
  chain.push(new ProjectPlan(stmt.fields, aggregate, stmt.limit));
  return { chain: optimize(chain), sources, window, dimensions, aggregate };
}
