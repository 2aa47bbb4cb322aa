/**
 * Array functions. Positions are 0-based; a negative index counts from the end. A null array argument gives
 * null unless stated.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/array_functions.html
 */
import { arrayMapFunction } from './array-map';
import { scalar } from './define';
import { funcError } from './errors';
import type { FunctionDef, Value } from './types';
import { arr, compareValues, deepEqual, describe, int, isStruct, num, str } from './values';

function indexOf(a: readonly Value[], v: Value, fromEnd = false): number {
  if (fromEnd) {
    for (let i = a.length - 1; i >= 0; i--) if (deepEqual(a[i], v)) return i;
    return -1;
  }
  for (let i = 0; i < a.length; i++) if (deepEqual(a[i], v)) return i;
  return -1;
}

/** Distinct values in first-seen order (deep equality). */
export function distinct(values: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of values) if (indexOf(out, v) < 0) out.push(v);
  return out;
}

/**
 * eKuiper array_max/array_min: nulls are skipped; the first non-null element fixes the comparison type. A number
 * first casts every element to that number type (an integer first truncates the others, so `[1, 4.1]` gives 4), and
 * a non-number element is then an error; other types compare with {@link compareValues}.
 */
function extremum(fn: string, a: readonly Value[], sign: 1 | -1): Value {
  const first = a.find((v) => v !== null);
  if (first === undefined) return null;
  if (typeof first === 'number') {
    const asInt = Number.isInteger(first);
    let best: number | undefined;
    for (const v of a) {
      if (v === null) continue;
      if (typeof v !== 'number') throw funcError(fn, `requires ${asInt ? 'int64' : 'float64'} but found ${describe(v)}`);
      const x = asInt ? Math.trunc(v) : v;
      if (best === undefined || (x - best) * sign > 0) best = x;
    }
    return best ?? null;
  }
  let best: Value = null;
  for (const v of a) {
    if (v === null) continue;
    if (best === null) {
      best = v;
      continue;
    }
    const c = compareValues(v, best);
    if (c === undefined) throw funcError(fn, `cannot compare ${describe(v)} with ${describe(best)}`);
    if (c * sign > 0) best = v;
  }
  return best;
}

function shuffle(a: Value[], random: () => number): Value[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function flatten(a: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of a) if (Array.isArray(v)) out.push(...v);
  else out.push(v);
  return out;
}

/** Array functions. */
export const arrayFunctions: readonly FunctionDef[] = [
  scalar('cardinality', 1, 1, (a) => (a[0] === null ? 0 : arr('cardinality', a[0], 1).length), { nilIfAnyNil: false, result: 'int', doc: 'Number of elements; 0 for null.' }),
  scalar('array_cardinality', 1, 1, (a) => (a[0] === null ? 0 : arr('array_cardinality', a[0], 1).length), { nilIfAnyNil: false, result: 'int', doc: 'Synonym of cardinality.' }),
  scalar('array_position', 2, 2, (a) => (a[0] === null ? -1 : indexOf(arr('array_position', a[0], 1), a[1])), { nilIfAnyNil: false, result: 'int', doc: '0-based position of the first element equal to the value, or -1.' }),
  scalar('array_last_position', 2, 2, (a) => (a[0] === null ? -1 : indexOf(arr('array_last_position', a[0], 1), a[1], true)), { nilIfAnyNil: false, result: 'int', doc: '0-based position of the last element equal to the value, or -1.' }),
  scalar(
    'element_at',
    2,
    2,
    (a) => {
      if (isStruct(a[0])) return a[0][str('element_at', a[1], 2)] ?? null;
      const xs = arr('element_at', a[0], 1);
      const i = int('element_at', a[1], 2);
      const k = i < 0 ? xs.length + i : i;
      if (k < 0 || k >= xs.length) throw funcError('element_at', `index ${i} out of range for an array of ${xs.length} elements`);
      return xs[k];
    },
    { doc: 'element_at(array, index) 0-based (negative from the end), or element_at(struct, key).' },
  ),
  scalar('array_contains', 2, 2, (a) => (a[0] === null ? false : indexOf(arr('array_contains', a[0], 1), a[1]) >= 0), { nilIfAnyNil: false, result: 'bool', doc: 'Whether the array contains the value.' }),
  scalar(
    'array_contains_any',
    2,
    2,
    (a) => {
      const other = arr('array_contains_any', a[1], 2);
      return arr('array_contains_any', a[0], 1).some((v) => indexOf(other, v) >= 0);
    },
    { result: 'bool', doc: 'Whether the arrays share at least one element.' },
  ),
  scalar('array_create', 0, Infinity, (a) => [...a], { nilIfAnyNil: false, result: 'array', doc: 'Array of the arguments.' }),
  scalar('array_remove', 2, 2, (a) => arr('array_remove', a[0], 1).filter((v) => !deepEqual(v, a[1])), { result: 'array', doc: 'Array without the elements equal to the value.' }),
  scalar('array_distinct', 1, 1, (a) => distinct(arr('array_distinct', a[0], 1)), { result: 'array', doc: 'Distinct elements in first-seen order.' }),
  scalar('array_union', 2, 2, (a) => distinct([...arr('array_union', a[0], 1), ...arr('array_union', a[1], 2)]), { result: 'array', doc: 'Distinct elements of both arrays.' }),
  scalar(
    'array_intersect',
    2,
    2,
    (a) => {
      const other = arr('array_intersect', a[1], 2);
      return distinct(arr('array_intersect', a[0], 1).filter((v) => indexOf(other, v) >= 0));
    },
    { result: 'array', doc: 'Distinct elements present in both arrays.' },
  ),
  scalar(
    'array_except',
    2,
    2,
    (a) => {
      const other = arr('array_except', a[1], 2);
      return distinct(arr('array_except', a[0], 1).filter((v) => indexOf(other, v) < 0));
    },
    { result: 'array', doc: 'Distinct elements of the first array not in the second.' },
  ),
  scalar('array_max', 1, 1, (a) => extremum('array_max', arr('array_max', a[0], 1), 1), { doc: 'Largest non-null element; null for an empty array.' }),
  scalar('array_min', 1, 1, (a) => extremum('array_min', arr('array_min', a[0], 1), -1), { doc: 'Smallest non-null element; null for an empty array.' }),
  scalar(
    'array_join',
    2,
    3,
    (a) => {
      const sep = str('array_join', a[1], 2);
      const nullText = a.length > 2 && a[2] !== null ? str('array_join', a[2], 3) : undefined;
      const parts: string[] = [];
      for (const v of arr('array_join', a[0], 1)) {
        if (v === null) {
          if (nullText !== undefined) parts.push(nullText);
        } else if (typeof v === 'string') parts.push(v);
        else throw funcError('array_join', `array elements should be string but found ${describe(v)}`);
      }
      return parts.join(sep);
    },
    { nilIfAnyNil: false, result: 'string', doc: 'array_join(array, sep[, nullReplacement]): string elements joined by sep; nulls skipped unless replaced; a non-string element is an error.' },
  ),
  scalar('array_shuffle', 1, 1, (a, ctx) => shuffle([...arr('array_shuffle', a[0], 1)], ctx.random ?? Math.random), { result: 'array', doc: 'Elements in random order (context random source).' }),
  scalar('array_sort', 1, 1, (a) => [...arr('array_sort', a[0], 1)].sort((x, y) => (x === null ? -1 : y === null ? 1 : compareValues(x, y) ?? 0)), { result: 'array', doc: 'Elements in ascending order, nulls first.' }),
  scalar('array_flatten', 1, 1, (a) => flatten(arr('array_flatten', a[0], 1)), { result: 'array', doc: 'Flattens one level of nested arrays.' }),
  scalar('array_concat', 1, Infinity, (a) => a.flatMap((v: Value, i: number) => arr('array_concat', v, i + 1)), { result: 'array', doc: 'Concatenation of the arrays; null if any argument is null.' }),
  arrayMapFunction,
  scalar(
    'repeat',
    2,
    2,
    (a) => {
      const n = int('repeat', a[1], 2);
      if (n < 0) throw funcError('repeat', `count must not be negative but is ${n}`);
      return new Array<Value>(n).fill(a[0]);
    },
    { result: 'array', doc: 'repeat(value, n): array of n copies.' },
  ),
  scalar(
    'sequence',
    2,
    3,
    (a) => {
      const start = num('sequence', a[0], 1);
      const stop = num('sequence', a[1], 2);
      const step = a.length > 2 ? num('sequence', a[2], 3) : start <= stop ? 1 : -1;
      if (step === 0 || (stop - start) * step < 0) throw funcError('sequence', `step ${step} cannot go from ${start} to ${stop}`);
      const out: number[] = [];
      for (let x = start; step > 0 ? x <= stop : x >= stop; x += step) {
        out.push(x);
        if (out.length > 1e6) throw funcError('sequence', 'sequence longer than 1000000 elements; use a larger step');
      }
      return out;
    },
    { result: 'array', doc: 'sequence(start, stop[, step]): numbers from start to stop inclusive.' },
  ),
];
