import { Engine, ManualClock, type OutputBatch, type RuleOptions } from '../../../runtime/engine';

/** A rule under test: engine with a manual clock, collected output batches. */
export function makeRule(streams: string[], sql: string, options: RuleOptions = {}, start = 1_541_152_486_000) {
  const clock = new ManualClock(start);
  const engine = new Engine({ clock });
  for (const s of streams) engine.execute(s);
  const rule = engine.createRule({ id: 'r1', sql, actions: [{ memory: {} }], options });
  const batches: OutputBatch[] = [];
  rule.onOutput((b) => batches.push(b));
  const at = (ts: number, stream: string, data: Record<string, unknown>): void => {
    clock.set(ts);
    rule.advance(ts);
    rule.ingest(stream, data, undefined, ts);
  };
  return { clock, engine, rule, batches, at };
}
