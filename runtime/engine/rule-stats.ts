/**
 * The metric nodes of one rule's topology, named as eKuiper's rule status (`source_<stream>`, `op_<n>_<operator>`),
 * and the topology graph built from them.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html#view-rule-status
 */
import type { RulePlan } from '../plan/planner';
import { operatorNames } from '../plan/explain';
import type { PlanKind } from '../plan/logical-plan';
import type { CompiledRule } from './compile-rule';
import { NodeStats } from './node-stats';

/** Counters of every node of a rule: its sources and its operators in plan order. */
export class RuleStats {
  /** Source nodes by stream or table name. */
  readonly sources = new Map<string, NodeStats>();
  /** Operator nodes in plan order (the data source plan excluded). */
  private readonly ops: NodeStats[] = [];
  private readonly byKind = new Map<PlanKind, NodeStats>();

  /** @param plan the rule's logical plan; one node per source and per operator of its chain */
  constructor(plan: RulePlan) {
    for (const s of plan.sources) this.sources.set(s.def.name, new NodeStats(`source_${s.def.name}`));
    const names = operatorNames(plan.chain);
    let i = 0;
    for (const p of plan.chain) {
      if (p.kind === 'DataSourcePlan') continue;
      const st = new NodeStats(names[i++]);
      this.ops.push(st);
      this.byKind.set(p.kind, st);
    }
  }

  /**
   * The node of operator `kind`.
   * @throws TypeError (undefined access) when the plan has no such operator: callers only ask for planned operators
   */
  of(kind: PlanKind): NodeStats {
    return this.byKind.get(kind)!;
  }

  /** All metrics as `<node>_0_<metric>`, with the current buffer lengths of the watermark and window operators. */
  report(op: CompiledRule): Record<string, number | string> {
    const out: Record<string, number | string> = {};
    for (const s of this.sources.values()) s.report(out);
    const wmStats = this.byKind.get('WatermarkPlan');
    if (wmStats && op.watermark) {
      wmStats.buffer_length = op.watermark.bufferLength();
      wmStats.extra.late_events_dropped_total = op.watermark.lateDropped;
    }
    const winStats = this.byKind.get('WindowPlan');
    if (winStats && op.window) winStats.buffer_length = op.window.bufferLength();
    for (const s of this.ops) s.report(out);
    return out;
  }

  /**
   * The topology graph: every source feeds the first operator, operators form a chain, the last feeds the sinks.
   * @param sinkNodeNames names of the sink nodes
   */
  topo(sinkNodeNames: readonly string[]): { sources: string[]; edges: Record<string, string[]> } {
    const sources = [...this.sources.values()].map((s) => s.name);
    const ops = this.ops.map((s) => s.name);
    const edges: Record<string, string[]> = {};
    for (const s of sources) edges[s] = [ops[0]];
    for (let i = 0; i < ops.length; i++) edges[ops[i]] = i + 1 < ops.length ? [ops[i + 1]] : [...sinkNodeNames];
    return { sources, edges };
  }
}
