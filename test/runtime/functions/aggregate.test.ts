import { FunctionError } from '../../../runtime/functions/errors';
import { agg, ctxFor, fn } from './helpers';
import type { Value, ValueKind } from '../../../runtime/functions/types';

describe('aggregate functions', () => {
  const cases: { name: string; fn: string; columns: Value[][]; kinds?: ValueKind[]; expected: Value }[] = [
    { name: 'avg of integers is a truncated integer', fn: 'avg', columns: [[1, 2, 2]], expected: 1 },
    { name: 'avg of floats is a float', fn: 'avg', columns: [[1.5, 2.5, 2]], expected: 2 },
    { name: 'avg over a FLOAT column with integral values is a float', fn: 'avg', columns: [[1, 2]], kinds: ['float'], expected: 1.5 },
    { name: 'avg skips nulls', fn: 'avg', columns: [[null, 4, null, 6]], expected: 5 },
    { name: 'avg of no values is null', fn: 'avg', columns: [[null]], expected: null },
    { name: 'sum of integers is an integer', fn: 'sum', columns: [[1, 2, 3]], expected: 6 },
    { name: 'sum of floats', fn: 'sum', columns: [[28.1, 27.4]], expected: 55.5 },
    { name: 'sum of empty group is null', fn: 'sum', columns: [[]], expected: null },
    { name: 'max of numbers', fn: 'max', columns: [[3, null, 9, 1]], expected: 9 },
    { name: 'min of numbers', fn: 'min', columns: [[3, null, 9, 1]], expected: 1 },
    { name: 'max of strings', fn: 'max', columns: [['blue', 'red', 'green']], expected: 'red' },
    { name: 'min of an empty group is null', fn: 'min', columns: [[]], expected: null },
    { name: 'count skips nulls', fn: 'count', columns: [[1, null, 'a', null]], expected: 2 },
    { name: 'count(*) counts rows', fn: 'count', columns: [[{ a: 1 }, { a: null }, {}]], expected: 3 },
    { name: 'count of an empty group is 0', fn: 'count', columns: [[]], expected: 0 },
    { name: 'collect keeps nulls and order', fn: 'collect', columns: [[6, null, 2]], expected: [6, null, 2] },
    { name: 'last_value without ignoreNull', fn: 'last_value', columns: [[1, 2, null], [false, false, false]], expected: null },
    { name: 'last_value ignoring nulls', fn: 'last_value', columns: [[1, 2, null], [true, true, true]], expected: 2 },
    { name: 'merge_agg merges structs, later keys win', fn: 'merge_agg', columns: [[{ a: 1, b: 2 }, null, { b: 3 }]], expected: { a: 1, b: 3 } },
    { name: 'merge_agg of no structs is an empty object', fn: 'merge_agg', columns: [[1, null]], expected: {} },
    { name: 'median of odd count', fn: 'median', columns: [[3, 1, 2]], expected: 2 },
    { name: 'median of even count', fn: 'median', columns: [[4, 1, 2, 3]], expected: 2.5 },
    { name: 'stddev is the population deviation', fn: 'stddev', columns: [[2, 4, 4, 4, 5, 5, 7, 9]], expected: 2 },
    { name: 'var is the population variance', fn: 'var', columns: [[2, 4, 4, 4, 5, 5, 7, 9]], expected: 4 },
    { name: 'vars is the sample variance', fn: 'vars', columns: [[1, 2, 3, 4]], expected: 5 / 3 },
    { name: 'stddevs is the sample deviation', fn: 'stddevs', columns: [[1, 2, 3, 4]], expected: Math.sqrt(5 / 3) },
    { name: 'vars of one value is null', fn: 'vars', columns: [[1]], expected: null },
    { name: 'percentile_cont at 0.5 of four values', fn: 'percentile_cont', columns: [[4, 1, 3, 2], [0.5, 0.5, 0.5, 0.5]], expected: 2 },
    { name: 'percentile_cont at a fractional rank averages the neighbours', fn: 'percentile_cont', columns: [[3, 1, 2], [0.5, 0.5, 0.5]], expected: 1.5 },
    { name: 'percentile_disc nearest rank', fn: 'percentile_disc', columns: [[1, 2, 3, 4, 5], [0.5, 0.5, 0.5, 0.5, 0.5]], expected: 3 },
    { name: 'percentile_disc at 1 is the maximum', fn: 'percentile_disc', columns: [[5, 1, 9], [1, 1, 1]], expected: 9 },
  ];
  it.each(cases)('$name', ({ fn: name, columns, kinds, expected }) => {
    const r = agg(name, columns, kinds);
    if (typeof expected === 'number' && !Number.isInteger(expected)) expect(r).toBeCloseTo(expected, 12);
    else expect(r).toEqual(expected);
  });

  it('deduplicate(col, false) gives null when the last value was seen before (ek-op-agg-19)', () => {
    const rows: Value[] = [{ a: 53, s: 123203 }, { a: 27 }, { a: 53 }];
    expect(agg('deduplicate', [[53, 27, 53], [false, false, false]], undefined, rows)).toBeNull();
  });

  it('deduplicate(col, false) gives the last row when its value is new', () => {
    const rows = [{ a: 53 }, { a: 27 }, { a: 1 }];
    expect(agg('deduplicate', [[53, 27, 1], [false, false, false]], undefined, rows)).toEqual({ a: 1 });
  });

  it('deduplicate(col, true) gives the rows with first-seen values', () => {
    const rows = [{ a: 1, n: 1 }, { a: 2, n: 2 }, { a: 1, n: 3 }];
    expect(agg('deduplicate', [[1, 2, 1], [true, true, true]], undefined, rows)).toEqual([{ a: 1, n: 1 }, { a: 2, n: 2 }]);
  });

  it('marks deduplicate as needing the group rows', () => {
    expect(fn('deduplicate').needsRows).toBe(true);
  });

  it('gives the same results through the incremental accumulator', () => {
    for (const [name, values, expected] of [
      ['avg', [1, 2, 2], 1],
      ['sum', [1.5, null, 2], 3.5],
      ['max', [1, 7, 3], 7],
      ['min', [4, 2, 3], 2],
      ['count', [1, null, 3], 2],
    ] as [string, Value[], Value][]) {
      const acc = fn(name).createAccumulator!(ctxFor(['unknown']));
      for (const v of values) acc.add(v);
      expect(acc.result()).toBe(expected);
      acc.reset();
      expect(acc.result()).toBe(name === 'count' ? 0 : null);
    }
  });

  it('declares avg over an int column as int and over a float column as float', () => {
    expect(fn('avg').resultKind!(['int'])).toBe('int');
    expect(fn('avg').resultKind!(['float'])).toBe('float');
    expect(fn('count').resultKind!(['string'])).toBe('int');
  });

  it('fails avg over strings with a message naming the value', () => {
    expect(() => agg('avg', [[1, 'x']])).toThrow('avg: expects numbers but found string("x")');
    expect(() => agg('avg', [[1, 'x']])).toThrow(FunctionError);
  });

  it('fails max over values that cannot be compared', () => {
    expect(() => agg('max', [[1, 'x']])).toThrow('max: cannot compare string("x") with bigint(1)');
  });

  it('fails last_value when the flag is not a bool', () => {
    expect(() => agg('last_value', [[1], ['yes']])).toThrow('last_value: expects a bool for argument 2 but found string("yes")');
  });

  it('fails percentile_cont with a fraction out of range', () => {
    expect(() => agg('percentile_cont', [[1, 2], [1.5, 1.5]])).toThrow('percentile_cont: argument 2 must be in (0, 1] but is 1.5');
  });

  it('fails validation of deduplicate with a non-bool flag', () => {
    expect(() => fn('deduplicate').validate!([{ kind: 'field', name: 'a', valueKind: 'int' }, { kind: 'literal', value: 1 }])).toThrow(
      'function deduplicate: argument 2 must be a bool (true returns all distinct rows, false only the latest); pass true or false',
    );
  });
});
