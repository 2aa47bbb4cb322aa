import { call, type Case } from './helpers';

describe('array functions', () => {
  const cases: (Case & { fn: string })[] = [
    { fn: 'cardinality', name: 'cardinality', args: [[1, 2, 3]], expected: 3 },
    { fn: 'cardinality', name: 'cardinality of null is 0', args: [null], expected: 0 },
    { fn: 'array_cardinality', name: 'array_cardinality', args: [[1]], expected: 1 },
    { fn: 'array_position', name: 'array_position is 0-based', args: [[1, 2, 3], 2], expected: 1 },
    { fn: 'array_position', name: 'array_position missing is -1', args: [[1, 2, 3], 9], expected: -1 },
    { fn: 'array_last_position', name: 'array_last_position', args: [[1, 2, 1], 1], expected: 2 },
    { fn: 'element_at', name: 'element_at 0-based', args: [[1, 2, 3], 0], expected: 1 },
    { fn: 'element_at', name: 'element_at negative from the end', args: [[1, 2, 3], -1], expected: 3 },
    { fn: 'element_at', name: 'element_at of a struct key', args: [{ a: 5 }, 'a'], expected: 5 },
    { fn: 'array_contains', name: 'array_contains deep', args: [[{ a: 1 }, 2], { a: 1 }], expected: true },
    { fn: 'array_contains', name: 'array_contains false', args: [[1, 2], 3], expected: false },
    { fn: 'array_contains_any', name: 'array_contains_any', args: [[1, 2], [3, 2]], expected: true },
    { fn: 'array_create', name: 'array_create keeps nulls', args: [1, null, 'a'], expected: [1, null, 'a'] },
    { fn: 'array_remove', name: 'array_remove all occurrences', args: [[1, 2, 1, 3], 1], expected: [2, 3] },
    { fn: 'array_distinct', name: 'array_distinct', args: [[1, 2, 1, 3, 2]], expected: [1, 2, 3] },
    { fn: 'array_union', name: 'array_union', args: [[1, 2], [2, 3]], expected: [1, 2, 3] },
    { fn: 'array_intersect', name: 'array_intersect', args: [[1, 2, 2, 3], [2, 3, 4]], expected: [2, 3] },
    { fn: 'array_except', name: 'array_except', args: [[1, 2, 3, 1], [2]], expected: [1, 3] },
    { fn: 'array_max', name: 'array_max skips nulls', args: [[1, null, 7, 3]], expected: 7 },
    { fn: 'array_min', name: 'array_min', args: [['b', 'a', 'c']], expected: 'a' },
    { fn: 'array_max', name: 'array_max of empty is null', args: [[]], expected: null },
    { fn: 'array_join', name: 'array_join skips nulls', args: [['a', null, 'b'], ','], expected: 'a,b' },
    { fn: 'array_join', name: 'array_join replaces nulls', args: [['a', null, 'b'], '-', 'x'], expected: 'a-x-b' },
    { fn: 'array_sort', name: 'array_sort ascending', args: [[3, 1, 2]], expected: [1, 2, 3] },
    { fn: 'array_flatten', name: 'array_flatten one level', args: [[1, [2, [3]], 4]], expected: [1, 2, [3], 4] },
    { fn: 'array_concat', name: 'array_concat', args: [[1], [2, 3]], expected: [1, 2, 3] },
    { fn: 'array_concat', name: 'array_concat with a null argument is null', args: [[1], null], expected: null },
    { fn: 'array_max', name: 'array_max casts to the type of the first element', args: [[1, 3.2, 4.1, 2]], expected: 4 },
    { fn: 'array_min', name: 'array_min of floats', args: [[1.2, 4.2, 3.5]], expected: 1.2 },
    { fn: 'array_map', name: 'array_map applies a scalar function', args: ['ceil', [0, -1, 1.2]], expected: [0, -1, 2] },
    { fn: 'repeat', name: 'repeat', args: ['a', 3], expected: ['a', 'a', 'a'] },
    { fn: 'sequence', name: 'sequence inclusive', args: [1, 4], expected: [1, 2, 3, 4] },
    { fn: 'sequence', name: 'sequence with step', args: [10, 1, -4], expected: [10, 6, 2] },
  ];
  it.each(cases)('$name', ({ fn, args, expected }) => {
    expect(call(fn, args)).toEqual(expected);
  });

  it('array_shuffle keeps the elements', () => {
    const r = call('array_shuffle', [[1, 2, 3, 4]]) as number[];
    expect([...r].sort()).toEqual([1, 2, 3, 4]);
  });

  it('fails element_at out of range', () => {
    expect(() => call('element_at', [[1], 3])).toThrow('element_at: index 3 out of range for an array of 1 elements');
  });

  it('fails array_remove on a non-array', () => {
    expect(() => call('array_remove', ['x', 1])).toThrow('array_remove: expects an array for argument 1 but found string("x")');
  });

  it('fails array_join on a non-string element', () => {
    expect(() => call('array_join', [[123, 'b'], ':'])).toThrow('array_join: array elements should be string but found bigint(123)');
  });

  it('fails array_max when an element does not cast to the first element type', () => {
    expect(() => call('array_max', [[1, '4', 3]])).toThrow('array_max: requires int64 but found string("4")');
  });

  it('fails array_map with an aggregate or a two-argument function', () => {
    expect(() => call('array_map', ['avg', [1]])).toThrow('array_map: first argument should be a scalar function.');
    expect(() => call('array_map', ['power', [1]])).toThrow('array_map: validate function arguments failed.');
  });

  it('fails sequence with a step going the wrong way', () => {
    expect(() => call('sequence', [1, 5, -1])).toThrow('sequence: step -1 cannot go from 1 to 5');
  });
});

describe('object functions', () => {
  const o = { a: 1, b: 'x', c: null };
  const cases: (Case & { fn: string })[] = [
    { fn: 'keys', name: 'keys', args: [o], expected: ['a', 'b', 'c'] },
    { fn: 'values', name: 'values', args: [o], expected: [1, 'x', null] },
    { fn: 'object', name: 'object from keys and values', args: [['a', 'b'], [1, 2]], expected: { a: 1, b: 2 } },
    { fn: 'zip', name: 'zip pairs', args: [[['a', 1], ['b', 2]]], expected: { a: 1, b: 2 } },
    { fn: 'zip', name: 'zip skips null items', args: [[['a', 1], null]], expected: { a: 1 } },
    { fn: 'object_construct', name: 'object_construct drops a pair with a null key', args: [null, 'v1', 'k2', 'v2'], expected: { k2: 'v2' } },
    { fn: 'items', name: 'items', args: [{ a: 1, b: 2 }], expected: [['a', 1], ['b', 2]] },
    { fn: 'object_concat', name: 'object_concat later keys win', args: [{ a: 1 }, null, { a: 2, b: 3 }], expected: { a: 2, b: 3 } },
    { fn: 'erase', name: 'erase one key', args: [o, 'a'], expected: { b: 'x', c: null } },
    { fn: 'erase', name: 'erase a key list', args: [o, ['a', 'b']], expected: { c: null } },
    { fn: 'object_pick', name: 'object_pick', args: [o, 'a', 'z'], expected: { a: 1 } },
    { fn: 'object_construct', name: 'object_construct leaves out nulls', args: ['a', 1, 'b', null], expected: { a: 1 } },
    { fn: 'obj_to_kvpair_array', name: 'obj_to_kvpair_array', args: [{ a: 1 }], expected: [{ key: 'a', value: 1 }] },
    { fn: 'kvpair_array_to_obj', name: 'kvpair_array_to_obj', args: [[{ key: 'a', value: 1 }]], expected: { a: 1 } },
  ];
  it.each(cases)('$name', ({ fn, args, expected }) => {
    expect(call(fn, args)).toEqual(expected);
  });

  it('fails object with keys and values of different lengths', () => {
    expect(() => call('object', [['a'], [1, 2]])).toThrow('object: keys and values must have the same length but have 1 and 2');
  });

  it('fails keys on a non-struct', () => {
    expect(() => call('keys', [[1]])).toThrow('keys: expects a struct for argument 1 but found array([1])');
  });
});

describe('other functions', () => {
  it('isnull is true only for null', () => {
    expect(call('isnull', [null])).toBe(true);
    expect(call('isnull', [0])).toBe(false);
  });

  it('coalesce gives the first non-null value', () => {
    expect(call('coalesce', [null, null, 3, 4])).toBe(3);
    expect(call('coalesce', [null])).toBeNull();
  });

  it('newuuid gives a version 4 UUID from the context random source', () => {
    const id = call('newuuid', []) as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call('newuuid', [])).toBe(id);
  });
});
