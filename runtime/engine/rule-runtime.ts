/**
 * A running rule: the pure dataflow source → [watermark] → [analytic] → [filter] → [window] → [join] → [filter] →
 * [aggregate] → [having] → [order] → project, driven by the host through `ingest`, `advance` and `flush`. It reads no
 * clock of its own (time comes from the arguments or the injected clock) and never throws on bad data: errors become
 * `{ error }` rows under `sendError` and are counted on the node where they happened.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
import { performance } from 'node:perf_hooks';
import type { Clock, MessageMeta, OutputBatch, RuleDefinition, RuleTopology, StreamDefinition } from './contract';
import type { RulePlan } from '../plan/planner';
import { explainPlan, operatorNames } from '../plan/explain';
import type { PlanKind } from '../plan/logical-plan';
import type { CompiledRule } from './compile-rule';
import type { ResolvedRuleOptions } from './rule-options';
import { NodeStats } from './node-stats';
import { Row, type WindowBatch } from '../model/row';
import { isFailedWindow } from '../windows/window';
import type { OutputRow } from '../operators/project';
import type { Decoder } from '../operators/decode';
import type { TableStore } from '../operators/table-store';

const LATENCY_SAMPLE_MASK = 127;

/** The runtime of one rule; implements the host contract {@link RuleTopology}. */
export class RuleRuntime implements RuleTopology {
  readonly sources: ReadonlyArray<StreamDefinition>;
  private readonly listeners: Array<(batch: OutputBatch) => void> = [];
  private readonly sourceStats = new Map<string, NodeStats>();
  private readonly sourceInfo = new Map<string, { stats: NodeStats; decoder: Decoder; table: TableStore | undefined; timestampField: string | undefined }>();
  private readonly opStats: NodeStats[] = [];
  private readonly statsByKind = new Map<PlanKind, NodeStats>();
  private readonly projectStats: NodeStats;
  private seq = 0;
  private now = 0;
  private readonly onWindow = (b: WindowBatch): void => this.processWindow(b);

  /**
   * @param definition the rule JSON
   * @param plan its logical plan
   * @param op its compiled operators
   * @param options resolved options
   * @param clock processing-time clock (the default arrival time)
   */
  constructor(
    readonly definition: RuleDefinition,
    private readonly plan: RulePlan,
    private readonly op: CompiledRule,
    private readonly options: ResolvedRuleOptions,
    private readonly clock: Clock,
  ) {
    this.sources = plan.sources.map((s) => s.def);
    for (const s of plan.sources) {
      const stats = new NodeStats(`source_${s.def.name}`);
      this.sourceStats.set(s.def.name, stats);
      const n = s.def.name;
      this.sourceInfo.set(n, { stats, decoder: op.decoders.get(n)!, table: op.tables.get(n), timestampField: op.timestampField.get(n) });
    }
    const names = operatorNames(plan.chain);
    let i = 0;
    for (const p of plan.chain) {
      if (p.kind === 'DataSourcePlan') continue;
      const st = new NodeStats(names[i++]);
      this.opStats.push(st);
      this.statsByKind.set(p.kind, st);
    }
    this.projectStats = this.statsByKind.get('ProjectPlan')!;
    this.start(clock.now());
  }

  get id(): string {
    return this.definition.id;
  }

  /** (Re)starts processing time at `now` ms: rule_start() and the first processing-time window begin here. */
  start(now: number = this.clock.now()): void {
    this.now = now;
    this.op.ctx.ruleStart = now;
    if (!this.options.isEventTime) this.op.window?.start(now);
  }

  onOutput(listener: (batch: OutputBatch) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  ingest(source: string, payload: Uint8Array | string | Readonly<Record<string, unknown>>, meta?: MessageMeta, arrivalTime?: number): void {
    const t = arrivalTime ?? this.clock.now();
    const src = this.sourceInfo.get(source);
    if (src === undefined) return;
    const st = src.stats;
    const sample = (this.seq & LATENCY_SAMPLE_MASK) === 0;
    const t0 = sample ? performance.now() : 0;
    if (!this.options.isEventTime && t > this.now) this.advance(t);
    st.records_in_total++;
    st.last_invocation = t;
    let messages;
    try {
      messages = src.decoder.decode(payload);
    } catch (e) {
      this.fail(st, (e as Error).message, t);
      return;
    }
    const table = src.table;
    for (let m = 0; m < messages.length; m++) {
      const msg = messages[m];
      let ts = t;
      if (this.options.isEventTime && !table) {
        const field = src.timestampField;
        const v = field !== undefined ? msg[field] : undefined;
        ts = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
        if (!Number.isFinite(ts)) {
          this.fail(st, `error in preprocessor: cannot find timestamp field ${field ?? '(TIMESTAMP not set)'} in tuple; declare TIMESTAMP="<field>" on stream ${source}`, t);
          continue;
        }
      }
      st.records_out_total++;
      const row = new Row(source, msg, ts, meta, this.seq++);
      if (table) table.add(row);
      else if (this.op.watermark) this.acceptEventTime(row);
      else this.processRow(row);
    }
    if (sample) {
      const us = Math.round((performance.now() - t0) * 1000);
      st.process_latency_us = us;
      this.projectStats.process_latency_us = us;
    }
  }

  advance(now: number): void {
    if (now > this.now) this.now = now;
    if (!this.options.isEventTime) this.op.window?.advance(now, this.onWindow);
  }

  nextDeadline(): number | undefined {
    return this.options.isEventTime ? undefined : this.op.window?.nextDeadline();
  }

  flush(): void {
    const wm = this.op.watermark;
    if (wm) {
      wm.finish();
      this.drain();
    }
    this.op.window?.flush(this.onWindow);
  }

  metrics(): Record<string, number | string> {
    const out: Record<string, number | string> = {};
    for (const s of this.sourceStats.values()) s.report(out);
    const wmStats = this.statsByKind.get('WatermarkPlan');
    if (wmStats && this.op.watermark) {
      wmStats.buffer_length = this.op.watermark.bufferLength();
      wmStats.extra.late_events_dropped_total = this.op.watermark.lateDropped;
    }
    const winStats = this.statsByKind.get('WindowPlan');
    if (winStats && this.op.window) winStats.buffer_length = this.op.window.bufferLength();
    for (const s of this.opStats) s.report(out);
    return out;
  }

  topo(sinkNodeNames: readonly string[]): { sources: string[]; edges: Record<string, string[]> } {
    const sources = [...this.sourceStats.values()].map((s) => s.name);
    const ops = this.opStats.map((s) => s.name);
    const edges: Record<string, string[]> = {};
    for (const s of sources) edges[s] = [ops[0]];
    for (let i = 0; i < ops.length; i++) edges[ops[i]] = i + 1 < ops.length ? [ops[i + 1]] : [...sinkNodeNames];
    return { sources, edges };
  }

  explain(): string {
    return explainPlan(this.plan.chain);
  }

  // ------------------------------------------------------------------ dataflow

  private emit(batch: OutputRow[]): void {
    for (const l of this.listeners) {
      try {
        l(batch);
      } catch {
        // A failing listener (sink) must not stop the rule.
      }
    }
  }

  private fail(st: NodeStats, message: string, time: number = this.now): void {
    st.fail(message, time);
    if (this.options.sendError) this.emit([{ error: message }]);
  }

  private stats(kind: PlanKind): NodeStats {
    return this.statsByKind.get(kind)!;
  }

  private acceptEventTime(row: Row): void {
    const wm = this.op.watermark!;
    const st = this.stats('WatermarkPlan');
    st.records_in_total++;
    if (!wm.accept(row)) return;
    this.drain();
  }

  private drain(): void {
    const wm = this.op.watermark!;
    const st = this.stats('WatermarkPlan');
    const win = this.op.window;
    for (const r of wm.release()) {
      st.records_out_total++;
      // Fire what ends strictly before this row; windows ending at its time fire after every row of that time.
      win?.advance(r.timestamp - 1, this.onWindow);
      this.processRow(r);
    }
    if (wm.value !== Infinity) win?.advance(wm.value, this.onWindow);
  }

  private processRow(row: Row): void {
    const op = this.op;
    const ctx = op.ctx;
    if (op.analytic) {
      const st = this.stats('AnalyticFuncsPlan');
      st.records_in_total++;
      try {
        op.analytic.apply(row, ctx);
      } catch (e) {
        this.fail(st, (e as Error).message, row.timestamp);
        return;
      }
      st.records_out_total++;
    }
    if (op.window) {
      if (op.preFilter && !this.runFilter(op.preFilter, row)) return;
      if (op.windowFilter) {
        try {
          if (!op.windowFilter.test(row, ctx)) return;
        } catch (e) {
          this.fail(this.stats('WindowPlan'), (e as Error).message, row.timestamp);
          return;
        }
      }
      const ws = this.stats('WindowPlan');
      ws.records_in_total++;
      ws.last_invocation = row.timestamp;
      try {
        op.window.add(row, this.onWindow);
      } catch (e) {
        this.fail(ws, `run Select error: ${(e as Error).message}`, row.timestamp);
      }
      return;
    }
    let rows: Row[] = [row];
    if (op.join) {
      rows = this.runJoin(rows);
      if (rows.length === 0) return;
    }
    if (op.postFilter) {
      const kept: Row[] = [];
      for (const r of rows) if (this.runFilter(op.postFilter, r)) kept.push(r);
      if (kept.length === 0) return;
      rows = kept;
    }
    this.finish(rows, undefined);
  }

  private runFilter(f: NonNullable<CompiledRule['postFilter']>, row: Row): boolean {
    const st = this.stats('FilterPlan');
    st.records_in_total++;
    st.last_invocation = row.timestamp;
    const ctx = this.op.ctx;
    try {
      if (!f.test(row, ctx)) return false;
    } catch (e) {
      this.fail(st, (e as Error).message, row.timestamp);
      return false;
    }
    st.records_out_total++;
    return true;
  }

  private runJoin(rows: Row[]): Row[] {
    const st = this.stats('JoinPlan');
    st.records_in_total++;
    try {
      const out = this.op.join!.join(rows, (name) => this.op.tables.get(name)?.all(), this.op.ctx);
      st.records_out_total += out.length;
      return out;
    } catch (e) {
      this.fail(st, (e as Error).message);
      return [];
    }
  }

  private processWindow(b: WindowBatch): void {
    const op = this.op;
    const ctx = op.ctx;
    this.stats('WindowPlan').records_out_total++;
    if (isFailedWindow(b)) {
      this.fail(this.stats('WindowPlan'), `run Select error: ${b.error}`);
      return;
    }
    ctx.windowStart = b.start;
    ctx.windowEnd = b.end;
    try {
      let rows = b.rows;
      if (op.join) {
        rows = this.runJoin(rows);
        if (rows.length === 0) return;
      }
      if (op.postFilter) {
        const kept: Row[] = [];
        for (const r of rows) if (this.runFilter(op.postFilter, r)) kept.push(r);
        if (kept.length === 0) return;
        rows = kept;
      }
      this.finish(rows, b);
    } finally {
      ctx.windowStart = undefined;
      ctx.windowEnd = undefined;
      ctx.groupStates = undefined;
    }
  }

  /** Aggregate, having, order and project a batch of rows, then emit it. */
  private finish(rows: Row[], b: WindowBatch | undefined): void {
    const op = this.op;
    const ctx = op.ctx;
    const ps = this.projectStats;
    let out: OutputRow[];
    let aggHits = 0;
    if (op.aggregate) {
      const ag = this.stats('AggregatePlan');
      ag.records_in_total++;
      let groups: Row[][];
      if (b?.groups !== undefined) {
        groups = b.groups.map((g) => g.rows);
        ctx.groupStates = new Map(b.groups.map((g) => [g.rows, g]));
      } else {
        try {
          groups = op.aggregate.group(rows, ctx);
        } catch (e) {
          this.fail(ag, (e as Error).message);
          return;
        }
      }
      ag.records_out_total++;
      if (op.having) {
        const hs = this.stats('HavingPlan');
        hs.records_in_total++;
        const kept: Row[][] = [];
        for (const g of groups) {
          try {
            if (!op.having.test(g, ctx)) continue;
          } catch (e) {
            // As eKuiper: a HAVING error fails the whole window.
            this.fail(hs, (e as Error).message);
            return;
          }
          kept.push(g);
        }
        if (kept.length === 0) return;
        hs.records_out_total++;
        groups = kept;
      }
      if (op.order) {
        const s = this.sorted(() => op.order!.sortGroups(groups, ctx));
        if (s === undefined) return;
        groups = s;
      }
      if (op.limit !== undefined) groups = groups.slice(0, op.limit);
      ps.records_in_total++;
      out = [];
      aggHits = groups.length;
      for (let i = 0; i < groups.length; i++) {
        ctx.rowIndex = i;
        try {
          out.push(op.project.projectGroup(groups[i], ctx));
        } catch (e) {
          this.fail(ps, (e as Error).message);
          return;
        }
      }
    } else {
      if (op.having) {
        const hs = this.stats('HavingPlan');
        hs.records_in_total++;
        if (rows.length === 0) return;
        try {
          if (!op.having.test(rows, ctx)) return;
        } catch (e) {
          this.fail(hs, (e as Error).message);
          return;
        }
        hs.records_out_total++;
        aggHits = 1;
      }
      if (op.order) {
        const s = this.sorted(() => op.order!.sortRows(rows, ctx));
        if (s === undefined) return;
        rows = s;
      }
      if (op.limit !== undefined) rows = rows.slice(0, op.limit);
      ps.records_in_total++;
      ps.last_invocation = rows.length > 0 ? rows[0].timestamp : this.now;
      if (op.project.hasSrf) {
        // Set-returning functions: each produced row is its own batch.
        for (const r of rows) {
          let produced: OutputRow[];
          try {
            produced = op.project.projectRows(r, ctx);
          } catch (e) {
            this.fail(ps, (e as Error).message);
            continue;
          }
          for (const o of produced) {
            ps.records_out_total++;
            this.emit([o]);
          }
        }
        return;
      }
      out = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        ctx.rowIndex = i;
        try {
          out[i] = op.project.projectRow(rows[i], ctx);
        } catch (e) {
          this.fail(ps, (e as Error).message);
          return;
        }
      }
    }
    // last_hit_*: rows reaching the sink update the state after they were projected.
    const last = rows[rows.length - 1];
    if (last) {
      ctx.lastHitTime = last.timestamp;
      ctx.lastHitCount += rows.length;
    }
    ctx.rowIndex = 0;
    ps.records_out_total++;
    // last_agg_hit_*: updated after the result was projected, so SELECT and HAVING see the previous hit.
    for (let i = 0; i < aggHits; i++) this.aggHit(b);
    this.emit(out);
  }

  private aggHit(b: WindowBatch | undefined): void {
    const ctx = this.op.ctx;
    ctx.lastAggHitTime = b ? b.end : this.now;
    ctx.lastAggHitCount++;
  }

  private sorted<T>(fn: () => T[]): T[] | undefined {
    const st = this.stats('OrderPlan');
    st.records_in_total++;
    try {
      const r = fn();
      st.records_out_total++;
      return r;
    } catch (e) {
      this.fail(st, `run Order By error: ${(e as Error).message}`);
      return undefined;
    }
  }
}
