/**
 * The tail of a rule's dataflow: [aggregate] → [having] → [order] → [limit] → project → emit, applied to the rows
 * of one event (rules without a window) or of one fired window. It also keeps the `last_hit_*` and
 * `last_agg_hit_*` state that eKuiper updates after a result was projected.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/query_language_elements.html
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/other_functions.html
 */
import type { Row, WindowBatch } from '../model/row';
import type { OutputRow } from '../operators/project';
import type { CompiledRule } from './compile-rule';
import type { NodeStats } from './node-stats';
import type { RuleOutput } from './rule-output';
import type { RuleStats } from './rule-stats';

/** A projected batch before emission. */
interface Projected {
  /** The output rows: one sink write. */
  readonly batch: OutputRow[];
  /** How many aggregate results it holds (groups, or 1 for a HAVING without GROUP BY): `last_agg_hit_count` steps. */
  readonly aggHits: number;
  /** The input rows that reached the sink: `last_hit_count` steps. */
  readonly hitRows: readonly Row[];
}

/** Aggregates, filters groups, orders, projects and emits one batch of rows. */
export class ResultStage {
  private readonly ps: NodeStats;

  /**
   * @param op the rule's compiled operators
   * @param stats the rule's metric nodes (`ProjectPlan` must exist)
   * @param output where batches and errors go
   */
  constructor(
    private readonly op: CompiledRule,
    private readonly stats: RuleStats,
    private readonly output: RuleOutput,
  ) {
    this.ps = stats.of('ProjectPlan');
  }

  /**
   * Runs the stage on `rows` and emits the result batch (or nothing when HAVING or an error removes it).
   * @param b the fired window, or undefined for a rule without a window
   * @param now the rule's current time, epoch ms: the error time, and `last_agg_hit_time` without a window
   */
  run(rows: Row[], b: WindowBatch | undefined, now: number): void {
    const out = this.op.aggregate ? this.projectGroups(rows, b, now) : this.projectRows(rows, now);
    if (out === undefined) return;
    const ctx = this.op.ctx;
    // last_hit_*: rows reaching the sink (after ORDER BY / LIMIT) update the state after they were projected.
    const hit = out.hitRows;
    const last = hit[hit.length - 1];
    if (last) {
      ctx.lastHitTime = last.timestamp;
      ctx.lastHitCount += hit.length;
    }
    ctx.rowIndex = 0;
    this.ps.records_out_total++;
    // last_agg_hit_*: updated after the result was projected, so SELECT and HAVING see the previous hit.
    for (let i = 0; i < out.aggHits; i++) {
      ctx.lastAggHitTime = b ? b.end : now;
      ctx.lastAggHitCount++;
    }
    this.output.emit(out.batch);
  }

  /** GROUP BY path: one output row per kept group; undefined when nothing is emitted. */
  private projectGroups(rows: Row[], b: WindowBatch | undefined, now: number): Projected | undefined {
    const op = this.op;
    const ctx = op.ctx;
    const ag = this.stats.of('AggregatePlan');
    ag.records_in_total++;
    let groups: Row[][];
    if (b?.groups !== undefined) {
      groups = b.groups.map((g) => g.rows);
      ctx.groupStates = new Map(b.groups.map((g) => [g.rows, g]));
    } else {
      try {
        groups = op.aggregate!.group(rows, ctx);
      } catch (e) {
        this.output.fail(ag, (e as Error).message, now);
        return undefined;
      }
    }
    ag.records_out_total++;
    if (op.having) {
      const hs = this.stats.of('HavingPlan');
      hs.records_in_total++;
      const kept: Row[][] = [];
      for (const g of groups) {
        try {
          if (!op.having.test(g, ctx)) continue;
        } catch (e) {
          // As eKuiper: a HAVING error fails the whole window.
          this.output.fail(hs, (e as Error).message, now);
          return undefined;
        }
        kept.push(g);
      }
      if (kept.length === 0) return undefined;
      hs.records_out_total++;
      groups = kept;
    }
    if (op.order) {
      const s = this.sorted(() => op.order!.sortGroups(groups, ctx), now);
      if (s === undefined) return undefined;
      groups = s;
    }
    if (op.limit !== undefined) groups = groups.slice(0, op.limit);
    this.ps.records_in_total++;
    const out: OutputRow[] = [];
    for (let i = 0; i < groups.length; i++) {
      ctx.rowIndex = i;
      try {
        out.push(op.project.projectGroup(groups[i], ctx));
      } catch (e) {
        this.output.fail(this.ps, (e as Error).message, now);
        return undefined;
      }
    }
    return { batch: out, aggHits: groups.length, hitRows: rows };
  }

  /**
   * Row path: one output row per row (the whole batch is one group for a HAVING without GROUP BY); set-returning
   * functions emit each produced row as its own batch here and return undefined.
   */
  private projectRows(rows: Row[], now: number): Projected | undefined {
    const op = this.op;
    const ctx = op.ctx;
    const ps = this.ps;
    let aggHits = 0;
    if (op.having) {
      const hs = this.stats.of('HavingPlan');
      hs.records_in_total++;
      if (rows.length === 0) return undefined;
      try {
        if (!op.having.test(rows, ctx)) return undefined;
      } catch (e) {
        this.output.fail(hs, (e as Error).message, now);
        return undefined;
      }
      hs.records_out_total++;
      aggHits = 1;
    }
    if (op.order) {
      const s = this.sorted(() => op.order!.sortRows(rows, ctx), now);
      if (s === undefined) return undefined;
      rows = s;
    }
    if (op.limit !== undefined) rows = rows.slice(0, op.limit);
    ps.records_in_total++;
    ps.last_invocation = rows.length > 0 ? rows[0].timestamp : now;
    if (op.project.hasSrf) {
      for (const r of rows) {
        let produced: OutputRow[];
        try {
          produced = op.project.projectRows(r, ctx);
        } catch (e) {
          this.output.fail(ps, (e as Error).message, now);
          continue;
        }
        for (const o of produced) {
          ps.records_out_total++;
          this.output.emit([o]);
        }
      }
      return undefined;
    }
    const out: OutputRow[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      ctx.rowIndex = i;
      try {
        out[i] = op.project.projectRow(rows[i], ctx);
      } catch (e) {
        this.output.fail(ps, (e as Error).message, now);
        return undefined;
      }
    }
    return { batch: out, aggHits, hitRows: rows };
  }

  /** Runs ORDER BY, counting it on the order node; undefined (and an error) when sorting fails. */
  private sorted<T>(fn: () => T[], now: number): T[] | undefined {
    const st = this.stats.of('OrderPlan');
    st.records_in_total++;
    try {
      const r = fn();
      st.records_out_total++;
      return r;
    } catch (e) {
      this.output.fail(st, `run Order By error: ${(e as Error).message}`, now);
      return undefined;
    }
  }
}
