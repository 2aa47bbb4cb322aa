/**
 * Runs one conformance case through the engine, as the README describes: a manual clock, the rule started at
 * `startTime` (processing time) or at the first arrival (event time), table data loaded first, inputs delivered in
 * `ts` order with the clock moved to each `ts`, then `advanceTo`. Nothing is flushed at end of input, like eKuiper's
 * harness, so `exact` and `prefix` cases both compare against what eKuiper emitted.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
import { Engine } from '../engine/engine';
import { ManualClock } from '../windows/clock';
import type { RuleOptions } from '../engine/contract';
import type { ConformanceCase } from './conformance-case';
import { compareBatches, formatDiff } from './compare-batches';

/** Outcome of one case. */
export interface CaseResult {
  readonly id: string;
  readonly passed: boolean;
  readonly actual: unknown[][];
  /** Diff or error text when failed. */
  readonly detail?: string;
}

/** Delivery order: all inputs of all streams and tables merged by `ts`, stable. */
export function deliveryOrder(c: ConformanceCase): Array<{ stream: string; ts: number; data: Record<string, unknown>; meta?: Record<string, unknown> }> {
  const all: Array<{ stream: string; ts: number; data: Record<string, unknown>; meta?: Record<string, unknown>; i: number }> = [];
  let i = 0;
  for (const [stream, events] of Object.entries(c.inputs)) {
    for (const e of events) all.push({ stream, ts: e.ts, data: e.data, meta: e.meta ?? c.inputMeta, i: i++ });
  }
  all.sort((a, b) => a.ts - b.ts || a.i - b.i);
  return all;
}

/** Runs one case; never throws (an exception is a failed case). */
export function runCase(c: ConformanceCase): CaseResult {
  const actual: unknown[][] = [];
  try {
    const events = deliveryOrder(c);
    const start = c.startTime ?? (events.length > 0 ? events[0].ts : 0);
    const clock = new ManualClock(start);
    const engine = new Engine({ clock });
    for (const s of c.streams) engine.createStream(s);
    for (const t of c.tables ?? []) engine.createTable(t);
    const rule = engine.createRule({ id: c.id, sql: c.rule.sql, actions: [{ memory: {} }], options: c.rule.options as RuleOptions });
    rule.onOutput((b) => actual.push(b.map((r) => ({ ...r }))));
    for (const [table, rows] of Object.entries(c.tableData ?? {})) {
      for (const r of rows) rule.ingest(table, r, c.inputMeta, start);
    }
    for (const e of events) {
      if (e.ts > clock.now()) clock.set(e.ts);
      rule.advance(clock.now());
      rule.ingest(e.stream, e.data, e.meta, e.ts);
    }
    if (c.advanceTo !== undefined) {
      if (c.advanceTo > clock.now()) clock.set(c.advanceTo);
      rule.advance(clock.now());
    }
  } catch (e) {
    return { id: c.id, passed: false, actual, detail: `error: ${(e as Error).stack ?? String(e)}` };
  }
  const opts = { prefix: c.compare === 'prefix', errorKeyOnly: c.errorMatch === 'key-only' };
  const r = compareBatches(actual, c.expected, opts);
  return r.ok ? { id: c.id, passed: true, actual } : { id: c.id, passed: false, actual, detail: formatDiff(actual, c.expected, opts) };
}
