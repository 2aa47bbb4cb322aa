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
import { explainPlan } from '../plan/explain';
import type { PlanKind } from '../plan/logical-plan';
import type { CompiledRule } from './compile-rule';
import type { ResolvedRuleOptions } from './rule-options';
import type { NodeStats } from './node-stats';
import { Row, type WindowBatch } from '../model/row';
import { isFailedWindow } from '../windows/window';
import type { Decoder } from '../operators/decode';
import type { TableStore } from '../operators/table-store';
import { RuleOutput } from './rule-output';
import { RuleStats } from './rule-stats';
import { ResultStage } from './result-stage';

const LATENCY_SAMPLE_MASK = 127;

/** The runtime of one rule; implements the host contract {@link RuleTopology}. */
export class RuleRuntime implements RuleTopology {
  readonly sources: ReadonlyArray<StreamDefinition>;
  private readonly output: RuleOutput;
  private readonly ruleStats: RuleStats;
  private readonly result: ResultStage;
  private readonly sourceInfo = new Map<string, { stats: NodeStats; decoder: Decoder; table: TableStore | undefined; timestampField: string | undefined }>();
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
    this.output = new RuleOutput(options.sendError);
    this.ruleStats = new RuleStats(plan);
    this.result = new ResultStage(op, this.ruleStats, this.output);
    for (const [n, stats] of this.ruleStats.sources) {
      this.sourceInfo.set(n, { stats, decoder: op.decoders.get(n)!, table: op.tables.get(n), timestampField: op.timestampField.get(n) });
    }
    this.projectStats = this.ruleStats.of('ProjectPlan');
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
    return this.output.onOutput(listener);
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
    return this.ruleStats.report(this.op);
  }

  topo(sinkNodeNames: readonly string[]): { sources: string[]; edges: Record<string, string[]> } {
    return this.ruleStats.topo(sinkNodeNames);
  }

  explain(): string {
    return explainPlan(this.plan.chain);
  }

  // ------------------------------------------------------------------ dataflow

  private fail(st: NodeStats, message: string, time: number = this.now): void {
    this.output.fail(st, message, time);
  }

  private stats(kind: PlanKind): NodeStats {
    return this.ruleStats.of(kind);
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
    this.joinFilterFinish([row], undefined);
  }

  /** [join] → [filter after the window] → the result stage, for one event's or one window's rows. */
  private joinFilterFinish(rows: Row[], b: WindowBatch | undefined): void {
    const op = this.op;
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
    this.result.run(rows, b, this.now);
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
      this.joinFilterFinish(b.rows, b);
    } finally {
      ctx.windowStart = undefined;
      ctx.windowEnd = undefined;
      ctx.groupStates = undefined;
    }
  }
}
