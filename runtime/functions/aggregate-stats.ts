/**
 * Statistical aggregate functions: median, stddev, stddevs, var, vars, percentile_cont, percentile_disc.
 * Nulls are skipped; every result is a float; an empty group gives null. The formulas follow the Go library
 * eKuiper uses (montanaflynn/stats): population and sample variance, `Percentile` for percentile_cont and
 * `PercentileNearestRank` for percentile_disc.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/aggregate_functions.html
 */
import { funcError } from './errors';
import type { FunctionDef, Value } from './types';
import { numericArgs } from './validators';
import { describe } from './values';

/** Collects the non-null numbers of an aggregate argument. @throws FunctionError on a non-number */
function numbers(fn: string, values: readonly Value[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number') throw funcError(fn, `expects numbers but found ${describe(v)}`);
    out.push(v);
  }
  return out;
}

function variance(xs: readonly number[], sample: boolean): number | null {
  const n = xs.length;
  if (n === 0 || (sample && n < 2)) return null;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let acc = 0;
  for (const x of xs) acc += (x - mean) * (x - mean);
  return acc / (sample ? n - 1 : n);
}

function fraction(fn: string, values: readonly Value[] | undefined): number {
  const v = values?.find((x) => x !== null && x !== undefined) ?? null;
  if (typeof v !== 'number') throw funcError(fn, `expects a number between 0 and 1 for argument 2 but found ${describe(v)}`);
  return v;
}

function stat(name: string, doc: string, f: (xs: number[]) => number | null): FunctionDef {
  return {
    name,
    type: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    doc,
    validate: numericArgs(name, 0),
    resultKind: () => 'float',
    exec: (args) => f(numbers(name, args[0] as Value[])),
  };
}

function percentile(name: string, doc: string, f: (sorted: number[], percent: number) => number): FunctionDef {
  return {
    name,
    type: 'aggregate',
    minArgs: 2,
    maxArgs: 2,
    doc,
    validate: numericArgs(name, 0, 1),
    resultKind: () => 'float',
    exec: (args) => {
      const xs = numbers(name, args[0] as Value[]);
      if (xs.length === 0) return null;
      const percent = fraction(name, args[1]) * 100;
      if (!(percent > 0 && percent <= 100)) {
        throw funcError(name, `argument 2 must be in (0, 1] but is ${percent / 100}`);
      }
      xs.sort((a, b) => a - b);
      return f(xs, percent);
    },
  };
}

/** Statistical aggregates. */
export const statsFunctions: readonly FunctionDef[] = [
  stat('median', 'Median of the values (mean of the two middle values for an even count).', (xs) => {
    if (xs.length === 0) return null;
    xs.sort((a, b) => a - b);
    const m = xs.length >> 1;
    return xs.length % 2 === 1 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
  }),
  stat('stddev', 'Population standard deviation.', (xs) => {
    const v = variance(xs, false);
    return v === null ? null : Math.sqrt(v);
  }),
  stat('stddevs', 'Sample standard deviation (null for fewer than 2 values).', (xs) => {
    const v = variance(xs, true);
    return v === null ? null : Math.sqrt(v);
  }),
  stat('var', 'Population variance.', (xs) => variance(xs, false)),
  stat('vars', 'Sample variance (null for fewer than 2 values).', (xs) => variance(xs, true)),
  percentile('percentile_cont', 'percentile_cont(col, p), p in (0, 1]: montanaflynn/stats Percentile (mean of neighbours at a fractional rank).', (c, percent) => {
    if (c.length === 1) return c[0];
    const index = (percent / 100) * c.length;
    const i = Math.trunc(index);
    if (index === i) return c[i - 1];
    if (index > 1) return (c[i - 1] + c[i]) / 2;
    throw funcError('percentile_cont', `percentile ${percent / 100} is too small for ${c.length} values`);
  }),
  percentile('percentile_disc', 'percentile_disc(col, p), p in (0, 1]: nearest-rank percentile.', (c, percent) => {
    if (percent === 100) return c[c.length - 1];
    const rank = Math.ceil((percent / 100) * c.length);
    return rank === 0 ? c[0] : c[rank - 1];
  }),
];
