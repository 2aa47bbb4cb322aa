import { Row } from '../../../runtime/model/row';
import { StateWindow } from '../../../runtime/windows/state';

let seq = 0;
const row = (ts: number, a: number): Row => new Row('s', { a }, ts, undefined, seq++);
const isA = (v: number) => (r: Row): boolean => r.message.a === v;

/** Adds rows `a` values at 1000, 2000, ... and returns each emitted window as its rows' `a` values. */
function feed(w: StateWindow, values: number[]): number[][] {
  const out: number[][] = [];
  values.forEach((a, i) => w.add(row((i + 1) * 1000, a), (b) => out.push(b.rows.map((r) => r.message.a as number))));
  return out;
}

describe('StateWindow', () => {
  it('with begin and emit conditions: opens on begin, emits with the emit row, drops rows outside a window', () => {
    const w = new StateWindow(isA(1), isA(3));
    expect(feed(w, [0, 1, 2, 3, 2, 1, 3])).toEqual([[1, 2, 3], [1, 3]]);
    expect(w.bufferLength()).toBe(0);
  });

  it('with one condition: a matching row emits the open window without itself and opens the next', () => {
    const w = new StateWindow(isA(1));
    expect(feed(w, [0, 1, 2, 2, 1, 2, 1])).toEqual([[1, 2, 2], [1, 2]]);
    expect(w.bufferLength()).toBe(1);
  });
});
