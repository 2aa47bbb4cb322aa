/**
 * Deterministic replay of recorded events through one rule, for offline rule tests and CI: a simulated clock, event
 * time from the stream's TIMESTAMP field (else each event's `ts`), and at end of input every open window is flushed
 * (watermark +∞).
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
import { Engine } from '../engine/engine';
import { ManualClock } from '../windows/clock';
import type { OutputBatch, RuleDefinition } from '../engine/contract';
import { PlanError } from '../engine/errors';
import { parse } from '../sql';

/** One recorded event. */
export interface ReplayEvent {
  /** Stream or table name. @default the rule's FROM stream */
  readonly stream?: string;
  /** Arrival time, ms since epoch: the simulated clock moves here before delivery. @default the previous event's time */
  readonly ts?: number;
  /** The payload. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Source metadata (`meta(key)`). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Input of {@link replay}. */
export interface ReplayInput {
  /** CREATE STREAM / CREATE TABLE statements, separated by `;` (a file's text) or as an array. */
  readonly streamsSql: string | readonly string[];
  /** The rule (eKuiper rule JSON). `actions` may be omitted. */
  readonly rule: Omit<RuleDefinition, 'actions'> & { readonly actions?: RuleDefinition['actions'] };
  /** Events in arrival order. */
  readonly events: readonly ReplayEvent[];
  /** Rule start time, ms since epoch. @default the first event's `ts` (or 0) */
  readonly startTime?: number;
}

/** Splits a DDL file into statements on `;` outside quotes. */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/**
 * Replays events through a rule and returns every emitted batch, in order.
 * @throws SqlSyntaxError / PlanError for bad DDL or a bad rule
 */
export function replay(input: ReplayInput): OutputBatch[] {
  const statements = typeof input.streamsSql === 'string' ? splitStatements(input.streamsSql) : input.streamsSql;
  const start = input.startTime ?? input.events.find((e) => e.ts !== undefined)?.ts ?? 0;
  const clock = new ManualClock(start);
  const engine = new Engine({ clock, random: seeded(1) });
  for (const s of statements) engine.execute(s);
  const rule = engine.createRule({ actions: [], ...input.rule } as RuleDefinition);
  const stmt = parse(input.rule.sql);
  if (stmt.type !== 'select_stmt') throw new PlanError('bad_rule', 'replay: the rule sql must be a SELECT');
  const from = stmt.from.name;
  const out: OutputBatch[] = [];
  rule.onOutput((b) => out.push(b));
  for (const e of input.events) {
    if (e.ts !== undefined && e.ts > clock.now()) clock.set(e.ts);
    rule.advance(clock.now());
    rule.ingest(e.stream ?? from, e.data, e.meta, clock.now());
  }
  rule.flush();
  return out;
}

/** A small deterministic PRNG (mulberry32) so `rand()`/`newuuid()` replay identically. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
