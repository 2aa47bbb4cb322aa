/**
 * Logical plan nodes of a rule, one kind per file (eKuiper `internal/topo/planner/*Plan.go`). The planner builds a
 * linear chain from the sources to the projection; the optimizer reorders it; `explain()` renders it.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */

/** Kinds of plan nodes, named as eKuiper's explain output. */
export type PlanKind =
  | 'DataSourcePlan'
  | 'WatermarkPlan'
  | 'AnalyticFuncsPlan'
  | 'FilterPlan'
  | 'WindowPlan'
  | 'JoinPlan'
  | 'AggregatePlan'
  | 'HavingPlan'
  | 'OrderPlan'
  | 'ProjectPlan';

/** One node of the logical plan. */
export interface LogicalPlan {
  readonly kind: PlanKind;
  /** Runtime node name used in metrics (`filter`, `window`, `project`, ...); `''` for sources. */
  readonly opName: string;
  /** One-line description of the node's arguments, stable for tests and `/rules/{id}/explain`. */
  info(): string;
}
