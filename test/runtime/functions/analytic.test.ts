import { ctxFor, fn } from './helpers';
import { changedCols } from '../../../runtime/functions/analytic';
import { validateCall } from '../../../runtime/functions/registry';
import type { CallContext, Value } from '../../../runtime/functions/types';

/** Runs one call site over a sequence of rows: each row gives the args and the WHEN result. */
function run(name: string, rows: { args: Value[]; when?: boolean }[], ctx: CallContext = ctxFor()): Value[] {
  const def = fn(name);
  return rows.map(({ args, when }) => {
    ctx.whenMatched = when ?? true;
    return def.exec(args, ctx);
  });
}

describe('analytic functions', () => {
  it('lag(a, 2, "a10") returns the value two rows back, else the default (ek-op-lagfuncs-1)', () => {
    expect(run('lag', ['a1', 'a2', 'a1', 'a1'].map((a) => ({ args: [a, 2, 'a10'] })))).toEqual(['a10', 'a10', 'a1', 'a2']);
  });

  it('lag(b) ignores null values by default (ek-op-analytic-changed-lag-hadchanged)', () => {
    expect(run('lag', ['b1', null, null, 'b2'].map((b) => ({ args: [b] })))).toEqual([null, 'b1', 'b1', 'b1']);
  });

  it('lag records nulls when ignoreNull is false', () => {
    expect(run('lag', ['b1', null, 'b2'].map((b) => ({ args: [b, 1, null, false] })))).toEqual([null, 'b1', null]);
  });

  it('lag(size, 1, 0) gives the previous size (ek-singlesql-analyzefuncalias1)', () => {
    expect(run('lag', [3, 6, 2, 4, 1].map((s) => ({ args: [s, 1, 0] })))).toEqual([0, 3, 6, 2, 4]);
  });

  it('lag with OVER (WHEN false) returns the lagged value without recording the row', () => {
    expect(run('lag', [{ args: [1] }, { args: [2], when: false }, { args: [3] }])).toEqual([null, 1, 1]);
  });

  it('keeps separate lag state per partition state object', () => {
    const ctx = ctxFor();
    const a = {};
    const b = {};
    const seq: [Record<string, unknown>, number][] = [[a, 1], [b, 10], [a, 2], [b, 20]];
    const out = seq.map(([state, v]) => {
      ctx.state = state;
      return fn('lag').exec([v], ctx);
    });
    expect(out).toEqual([null, null, 1, 10]);
  });

  it('latest returns the latest non-null value or the default', () => {
    expect(run('latest', [{ args: [null, 'd'] }, { args: [1, 'd'] }, { args: [null, 'd'] }, { args: [2, 'd'], when: false }])).toEqual(['d', 1, 1, 1]);
  });

  it('changed_col(false, a) returns a1 then null (ek-op-analytic-changed-lag-hadchanged)', () => {
    expect(run('changed_col', ['a1', 'a1', 'a1', 'a1'].map((a) => ({ args: [false, a] })))).toEqual(['a1', null, null, null]);
  });

  it('changed_col(true, x) ignores nulls and reports changes', () => {
    expect(run('changed_col', [23, 23, null, 25, 25].map((x) => ({ args: [true, x] })))).toEqual([23, null, null, 25, null]);
  });

  it('changed_col(false, x) reports a change to null', () => {
    expect(run('changed_col', [1, null, 1].map((x) => ({ args: [false, x] })))).toEqual([1, null, 1]);
  });

  it('had_changed(true, c) ignores nulls (ek-op-analytic-changed-lag-hadchanged)', () => {
    expect(run('had_changed', [null, 'c1', 'c1', 'c2'].map((c) => ({ args: [true, c] })))).toEqual([false, true, false, true]);
  });

  it('had_changed with several expressions is true when any changed', () => {
    const rows = [[23, 88], [23, 88], [25, 88], [25, 90], [25, 90]].map(([t, h]) => ({ args: [true, t, h] }));
    expect(run('had_changed', rows)).toEqual([true, false, true, true, false]);
  });

  it('had_changed with OVER (WHEN false) is false and keeps state', () => {
    expect(run('had_changed', [{ args: [true, 1] }, { args: [true, 2], when: false }, { args: [true, 2] }])).toEqual([true, false, true]);
  });

  it('acc_avg with OVER (WHEN color = "red") reuses the state for other rows (ek-accaggsql-accaggsql6)', () => {
    const rows = [['red', 3], ['blue', 6], ['blue', 2], ['yellow', 4], ['red', 1]].map(([color, size]) => ({ args: [size as Value], when: color === 'red' }));
    expect(run('acc_avg', rows)).toEqual([3, 3, 3, 3, 2]);
  });

  it('accumulates sum, count, max, min and avg over 1, 2, 3', () => {
    const rows = [1, 2, 3].map((a) => ({ args: [a] }));
    expect(run('acc_sum', rows)).toEqual([1, 3, 6]);
    expect(run('acc_count', rows)).toEqual([1, 2, 3]);
    expect(run('acc_max', rows)).toEqual([1, 2, 3]);
    expect(run('acc_min', rows)).toEqual([1, 1, 1]);
    expect(run('acc_avg', rows)).toEqual([1, 1.5, 2]);
  });

  it('acc_collect and acc_distinct_collect skip nulls', () => {
    const rows = [1, null, 1, 2].map((a) => ({ args: [a] }));
    expect(run('acc_collect', rows).pop()).toEqual([1, 1, 2]);
    expect(run('acc_distinct_collect', rows).pop()).toEqual([1, 2]);
  });

  it('acc_sum with onBegin/onReset accumulates only between begin and reset', () => {
    const rows = [
      { args: [1, false, false] },
      { args: [2, true, false] },
      { args: [3, false, true] },
      { args: [4, false, false] },
      { args: [5, true, false] },
    ];
    expect(run('acc_sum', rows)).toEqual([0, 2, 5, 0, 5]);
  });

  it('fails acc_avg on a string value', () => {
    expect(() => run('acc_avg', [{ args: ['x'] }])).toThrow('acc_avg: the value should be a number but found string("x")');
  });

  it('fails validation of acc_sum with two arguments', () => {
    const lit = { kind: 'literal' as const, value: 1 };
    expect(() => validateCall('acc_sum', [lit, lit])).toThrow('function acc_sum: expects 1 or 3 arguments (expr[, onBegin, onReset]) but found 2');
  });

  it('fails validation of lag with a negative offset', () => {
    expect(() => validateCall('lag', [{ kind: 'field', name: 'a', valueKind: 'int' }, { kind: 'literal', value: -1 }])).toThrow(
      'function lag: argument 2 (offset) must not be negative but is -1',
    );
  });

  it('fails validation of changed_col with a non-bool first argument', () => {
    expect(() => validateCall('changed_col', [{ kind: 'literal', value: 'yes' }, { kind: 'field', name: 'a', valueKind: 'int' }])).toThrow(
      'function changed_col: argument 1 must be a bool but is string; pass true or false',
    );
  });

  it('marks lag, latest, changed_col, had_changed and acc_* as analytic', () => {
    for (const n of ['lag', 'latest', 'changed_col', 'had_changed', 'acc_sum', 'acc_avg']) expect(fn(n).type).toBe('analytic');
  });

  it('changedCols returns the changed columns with a prefix (docs example)', () => {
    const state = {};
    const rows = [
      { ts: 1, temperature: 23, humidity: 88 },
      { ts: 2, temperature: 23, humidity: 88 },
      { ts: 4, temperature: 25, humidity: 88 },
      { ts: 5, temperature: 25, humidity: 90 },
    ];
    expect(rows.map((r) => changedCols(state, 'c_', true, r))).toEqual([
      { c_ts: 1, c_temperature: 23, c_humidity: 88 },
      { c_ts: 2 },
      { c_ts: 4, c_temperature: 25 },
      { c_ts: 5, c_humidity: 90 },
    ]);
  });
});
