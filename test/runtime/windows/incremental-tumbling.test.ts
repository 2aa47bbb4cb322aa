import { Row, type WindowBatch } from '../../../runtime/model/row';
import { IncrementalTumblingWindow } from '../../../runtime/windows/incremental-tumbling';
import { isFailedWindow } from '../../../runtime/windows/window';
import { EvalContext } from '../../../runtime/expr/eval-context';
import type { Accumulator, Value } from '../../../runtime/functions/types';
import type { Evaluator, IncrementalAggregate } from '../../../runtime/expr/scope';

let seq = 0;
const row = (ts: number, a: Value): Row => new Row('s', { a }, ts, undefined, seq++);

/** A sum accumulator that refuses non-numbers, like the built-in `sum`. */
function sumAcc(): Accumulator {
  let s: number | null = null;
  return {
    add(v) {
      if (v === null) return;
      if (typeof v !== 'number') throw new Error(`sum: expects numbers but found ${JSON.stringify(v)}`);
      s = (s ?? 0) + v;
    },
    result: () => s,
    reset() {
      s = null;
    },
  };
}

const argA: Evaluator = (r) => r.message.a ?? null;
const sumOfA: IncrementalAggregate = { slot: 0, arg: argA, create: sumAcc };

function run(values: Value[], dims: Evaluator[] = []): WindowBatch[] {
  const w = new IncrementalTumblingWindow('ss', 10, dims, [sumOfA], new EvalContext('r1', () => 0, Math.random));
  const out: WindowBatch[] = [];
  const emit = (b: WindowBatch): void => {
    out.push(b);
  };
  w.start(1_541_152_480_000);
  values.forEach((v, i) => w.add(row(1_541_152_481_000 + i * 1000, v), emit));
  w.advance(1_541_152_490_000, emit);
  w.advance(1_541_152_500_000, emit);
  return out;
}

describe('incremental tumbling window', () => {
  it('accumulates each group as rows arrive and fires the groups at the window end', () => {
    const [b] = run([53, 27, 123123]);
    expect(isFailedWindow(b)).toBe(false);
    expect(b.start).toBe(1_541_152_480_000);
    expect(b.end).toBe(1_541_152_490_000);
    expect(b.groups?.map((g) => [g.count, g.accs[0]?.result()])).toEqual([[3, 123203]]);
  });

  it('turns a row error into one failed window at the window end (eKuiper evaluates aggregates when the window fires)', () => {
    const out = run([53, 'ddd', 123123]);
    expect(out).toHaveLength(2);
    expect(isFailedWindow(out[0])).toBe(true);
    expect(out[0]).toMatchObject({ start: 1_541_152_480_000, end: 1_541_152_490_000, rows: [], error: 'sum: expects numbers but found "ddd"' });
    // The next window starts clean.
    expect(isFailedWindow(out[1])).toBe(false);
    expect(out[1].groups).toEqual([]);
  });

  it('fails the window when a GROUP BY dimension fails', () => {
    const dim: Evaluator = (r) => {
      if (typeof r.message.a === 'string') throw new Error(`invalid operation string(${r.message.a}) * int64(2)`);
      return r.message.a ?? null;
    };
    const [b] = run([1, 'v1'], [dim]);
    expect(isFailedWindow(b) && b.error).toBe('invalid operation string(v1) * int64(2)');
  });
});
