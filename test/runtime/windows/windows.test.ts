import { Row, type WindowBatch } from '../../../runtime/model/row';
import { TumblingWindow } from '../../../runtime/windows/tumbling';
import { HoppingWindow } from '../../../runtime/windows/hopping';
import { SlidingWindow } from '../../../runtime/windows/sliding';
import { SessionWindow } from '../../../runtime/windows/session';
import { CountWindow } from '../../../runtime/windows/count';
import { Watermark } from '../../../runtime/windows/watermark';
import { alignedEnd } from '../../../runtime/windows/align';
import type { WindowOperator } from '../../../runtime/windows/window';

let seq = 0;
const row = (ts: number, stream = 's'): Row => new Row(stream, { ts }, ts, undefined, seq++);

/** Feeds rows at their times like the rule does (advance to the time, then add) and records emitted batches. */
function drive(w: WindowOperator, times: number[], advanceTo?: number): Array<{ start: number; end: number; ts: number[] }> {
  const out: Array<{ start: number; end: number; ts: number[] }> = [];
  const emit = (b: WindowBatch): void => {
    out.push({ start: b.start, end: b.end, ts: b.rows.map((r) => r.timestamp) });
  };
  for (const t of times) {
    w.advance(t, emit);
    w.add(row(t), emit);
  }
  if (advanceTo !== undefined) w.advance(advanceTo, emit);
  return out;
}

describe('window alignment', () => {
  it('aligns second windows inside the minute and ms windows inside the second', () => {
    expect(alignedEnd(1_541_152_486_013, 1, 'ss')).toBe(1_541_152_487_000);
    expect(alignedEnd(1_541_152_486_013, 10, 'ss')).toBe(1_541_152_490_000);
    expect(alignedEnd(1_541_152_486_013, 7, 'ss')).toBe(1_541_152_489_000); // 46 s in the minute -> 49 s
    expect(alignedEnd(1_000_250, 100, 'ms')).toBe(1_000_300);
    expect(alignedEnd(0, 1, 'hh')).toBe(3_600_000);
  });
});

describe('tumbling window (fake clock)', () => {
  it('starts at rule start, fires aligned [start, end) windows, empty ones included', () => {
    const w = new TumblingWindow('ss', 1);
    w.start(10_000);
    expect(drive(w, [10_013, 10_822, 12_632], 14_000)).toEqual([
      { start: 10_000, end: 11_000, ts: [10_013, 10_822] },
      { start: 11_000, end: 12_000, ts: [] },
      { start: 12_000, end: 13_000, ts: [12_632] },
      { start: 13_000, end: 14_000, ts: [] },
    ]);
    expect(w.nextDeadline()).toBe(15_000);
  });

  it('puts a row at exactly the end into the next window', () => {
    const w = new TumblingWindow('ss', 1);
    w.start(0);
    expect(drive(w, [500, 1000], 2000)).toEqual([
      { start: 0, end: 1000, ts: [500] },
      { start: 1000, end: 2000, ts: [1000] },
    ]);
  });
});

describe('hopping window', () => {
  it('emits every hop the rows of the last length; window_start is end - length even for the first window', () => {
    const w = new HoppingWindow('ss', 2, 1);
    w.start(6000);
    expect(drive(w, [6013, 6822, 7632, 8442], 9000)).toEqual([
      { start: 5000, end: 7000, ts: [6013, 6822] },
      { start: 6000, end: 8000, ts: [6013, 6822, 7632] },
      { start: 7000, end: 9000, ts: [7632, 8442] },
    ]);
  });
});

describe('sliding window', () => {
  it('emits [t - length, t] on every row', () => {
    const w = new SlidingWindow('ss', 1);
    expect(drive(w, [1000, 1500, 2100])).toEqual([
      { start: 0, end: 1000, ts: [1000] },
      { start: 500, end: 1500, ts: [1000, 1500] },
      { start: 1100, end: 2100, ts: [1500, 2100] },
    ]);
  });

  it('with a delay emits [t - length, t + delay) at t + delay', () => {
    const w = new SlidingWindow('ss', 1, 1);
    expect(drive(w, [1000, 1500, 2000], 3000)).toEqual([
      { start: 0, end: 2000, ts: [1000, 1500] },
      { start: 500, end: 2500, ts: [1000, 1500, 2000] },
      { start: 1000, end: 3000, ts: [1000, 1500, 2000] },
    ]);
  });

  it('triggers only on rows matching OVER (WHEN ..)', () => {
    const w = new SlidingWindow('ss', 1, 0, (r) => r.timestamp % 2 === 0);
    expect(drive(w, [1001, 1200, 1301]).map((b) => b.ts)).toEqual([[1001, 1200]]);
  });
});

describe('session window', () => {
  it('closes on timeout or on an aligned tick at least the max duration after the first row', () => {
    const w = new SessionWindow('ss', 2, 1);
    const times = [6013, 6823, 7932, 8442, 9252, 10_062, 10_872, 11_682, 12_492, 13_202, 14_112];
    expect(drive(w, times)).toEqual([
      { start: 6013, end: 7823, ts: [6013, 6823] },
      { start: 7932, end: 10_000, ts: [7932, 8442, 9252] },
      { start: 10_000, end: 14_000, ts: [10_062, 10_872, 11_682, 12_492, 13_202] },
    ]);
  });
});

describe('count window', () => {
  it('emits every n rows, or the last n rows every m rows', () => {
    expect(drive(new CountWindow(2), [1, 2, 3, 4, 5]).map((b) => b.ts)).toEqual([[1, 2], [3, 4]]);
    expect(drive(new CountWindow(3, 1), [1, 2, 3, 4]).map((b) => b.ts)).toEqual([[1, 2, 3], [2, 3, 4]]);
  });
});

describe('watermark', () => {
  it('is 0 until every stream delivered, then min(max per stream) - lateTolerance; drops late rows', () => {
    const wm = new Watermark(['a', 'b'], 1000);
    expect(wm.accept(row(5000, 'a'))).toBe(true);
    expect(wm.value).toBe(0);
    expect(wm.accept(row(4000, 'b'))).toBe(true);
    expect(wm.value).toBe(3000);
    expect(wm.release()).toEqual([]);
    expect(wm.accept(row(2500, 'a'))).toBe(false);
    expect(wm.lateDropped).toBe(1);
    wm.accept(row(9000, 'b'));
    expect(wm.value).toBe(4000);
    expect(wm.release().map((r) => [r.emitter, r.timestamp])).toEqual([['b', 4000]]);
    wm.finish();
    expect(wm.release().map((r) => r.timestamp)).toEqual([5000, 9000]);
  });
});
