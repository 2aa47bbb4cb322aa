/**
 * Aggregate functions: one value per group of rows (window / GROUP BY).
 *
 * Calling convention (see {@link FunctionDef.exec}): each argument is the array of that argument's values over the
 * group's rows. Nulls are skipped. Integer vs float follows eKuiper: the static kind of the argument decides;
 * with an `unknown` kind the first non-null value decides (a number with no fraction is an integer), so
 * `avg` of integers is an integer (truncated) and `sum` of integers is an integer.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/aggregate_functions.html
 */
import { argError, funcError } from './errors';
import type { Accumulator, CallContext, FunctionDef, Value, ValueKind } from './types';
import { requireBool, requireNumeric, shapeKind } from './validators';
import { compareValues, deepEqual, describe, isIntValue, isStruct } from './values';
import { statsFunctions } from './aggregate-stats';

/** First non-null value of an array, or null. */
export function firstNonNull(values: readonly Value[] | undefined): Value {
  if (!values) return null;
  for (let i = 0; i < values.length; i++) if (values[i] !== null && values[i] !== undefined) return values[i];
  return null;
}

/** Decides whether an aggregate over `first` works on integers (see module doc). */
function intMode(first: number, kind: ValueKind | undefined): boolean {
  return isIntValue(first, kind);
}

/** Incremental sum/avg state. */
class SumAccumulator implements Accumulator {
  private sum = 0;
  private count = 0;
  private mode: 0 | 1 | 2 = 0; // 0 unset, 1 int, 2 float
  constructor(private readonly fn: string, private readonly kind: ValueKind | undefined, private readonly avg: boolean) {}
  add(v: Value): void {
    if (v === null || v === undefined) return;
    if (typeof v !== 'number') throw funcError(this.fn, `expects numbers but found ${describe(v)}`);
    if (this.mode === 0) this.mode = intMode(v, this.kind) ? 1 : 2;
    this.sum += this.mode === 1 ? Math.trunc(v) : v;
    this.count++;
  }
  result(): Value {
    if (this.count === 0) return null;
    if (!this.avg) return this.sum;
    return this.mode === 1 ? Math.trunc(this.sum / this.count) : this.sum / this.count;
  }
  reset(): void {
    this.sum = 0;
    this.count = 0;
    this.mode = 0;
  }
}

/** Incremental max/min state. */
class ExtremumAccumulator implements Accumulator {
  private best: Value = null;
  constructor(private readonly fn: string, private readonly sign: 1 | -1) {}
  add(v: Value): void {
    if (v === null || v === undefined) return;
    if (this.best === null) {
      if (typeof v !== 'number' && typeof v !== 'string') throw funcError(this.fn, `expects numbers or strings but found ${describe(v)}`);
      this.best = v;
      return;
    }
    const c = compareValues(v, this.best);
    if (c === undefined) throw funcError(this.fn, `cannot compare ${describe(v)} with ${describe(this.best)}`);
    if (c * this.sign > 0) this.best = v;
  }
  result(): Value {
    return this.best;
  }
  reset(): void {
    this.best = null;
  }
}

/** Incremental count state. */
class CountAccumulator implements Accumulator {
  private n = 0;
  add(v: Value): void {
    if (v !== null && v !== undefined) this.n++;
  }
  result(): Value {
    return this.n;
  }
  reset(): void {
    this.n = 0;
  }
}

function runAccumulator(acc: Accumulator, values: readonly Value[]): Value {
  for (let i = 0; i < values.length; i++) acc.add(values[i]);
  return acc.result();
}

function numberKind(kinds: readonly ValueKind[]): ValueKind {
  return kinds[0] === 'int' || kinds[0] === 'float' ? kinds[0] : 'unknown';
}

function hot(name: string, make: (ctx: CallContext) => Accumulator, result: (k: readonly ValueKind[]) => ValueKind, numeric: boolean): FunctionDef {
  return {
    name,
    type: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    validate: numeric ? (args) => requireNumeric(name, args, 0) : undefined,
    resultKind: result,
    exec: (args, ctx) => runAccumulator(make(ctx), args[0] as Value[]),
    createAccumulator: make,
  };
}

/** `avg(col)`: average of non-null numbers; integer (truncated) when the values are integers; null for no values. */
export const avg = hot('avg', (ctx) => new SumAccumulator('avg', ctx.argKinds[0], true), numberKind, true);
/** `sum(col)`: sum of non-null numbers; integer for integers; null for no values. */
export const sum = hot('sum', (ctx) => new SumAccumulator('sum', ctx.argKinds[0], false), numberKind, true);
/** `max(col)`: largest non-null number or string; null for no values. */
export const max = hot('max', () => new ExtremumAccumulator('max', 1), numberKind, false);
/** `min(col)`: smallest non-null number or string; null for no values. */
export const min = hot('min', () => new ExtremumAccumulator('min', -1), numberKind, false);
/** `count(col)` counts non-null values; `count(*)` counts rows (the engine passes the rows). Always an integer. */
export const count = hot('count', () => new CountAccumulator(), () => 'int', false);

function boolFlag(fn: string, values: readonly Value[] | undefined, pos: number): boolean {
  const v = firstNonNull(values);
  if (typeof v !== 'boolean') throw funcError(fn, `expects a bool for argument ${pos} but found ${describe(v)}`);
  return v;
}

/** The aggregate functions of this file (stats functions live in `aggregate-stats.ts`). */
export const aggregateFunctions: readonly FunctionDef[] = [
  avg,
  count,
  max,
  min,
  sum,
  {
    name: 'collect',
    type: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    doc: 'Array of the column values (nulls kept) or of the whole rows with `*`.',
    resultKind: () => 'array',
    exec: (args) => (args[0] as Value[]).slice(),
  },
  {
    name: 'last_value',
    type: 'aggregate',
    minArgs: 2,
    maxArgs: 2,
    doc: 'Last value of the column in the group; with ignoreNull=true the last non-null value.',
    validate: (args) => requireBool('last_value', args, 1),
    resultKind: (k) => k[0] ?? 'unknown',
    exec: (args) => {
      const values = args[0] as Value[];
      if (values.length === 0) return null;
      if (boolFlag('last_value', args[1], 2)) {
        for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null && values[i] !== undefined) return values[i];
      }
      return values[values.length - 1] ?? null;
    },
  },
  {
    name: 'merge_agg',
    type: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    doc: 'Merges the struct values of the group into one struct (later keys win); non-struct values are ignored, so a group without structs gives `{}` (eKuiper TestConcatExec).',
    resultKind: () => 'struct',
    exec: (args) => {
      const out: Record<string, Value> = {};
      for (const v of args[0] as Value[]) {
        if (isStruct(v)) for (const k of Object.keys(v)) out[k] = v[k];
      }
      return out;
    },
  },
  {
    name: 'deduplicate',
    type: 'aggregate',
    minArgs: 2,
    maxArgs: 2,
    needsRows: true,
    doc: 'deduplicate(col, all): all=true gives the rows with a first-seen col value; all=false gives the last row if its col value is new in the group, else null.',
    validate: (args) => {
      if (shapeKind(args[1]) !== 'bool' && shapeKind(args[1]) !== 'unknown') {
        throw argError('deduplicate', 'argument 2 must be a bool (true returns all distinct rows, false only the latest); pass true or false', 2);
      }
    },
    resultKind: () => 'unknown',
    exec: (args, ctx) => {
      const keys = args[0] as Value[];
      const all = boolFlag('deduplicate', args[1], 2);
      const rows = ctx.groupRows ?? keys;
      if (all) {
        const out: Value[] = [];
        const seen: Value[] = [];
        for (let i = 0; i < keys.length; i++) {
          if (seen.some((s) => deepEqual(s, keys[i]))) continue;
          seen.push(keys[i]);
          out.push(rows[i]);
        }
        return out;
      }
      if (keys.length === 0) return null;
      const last = keys[keys.length - 1];
      for (let i = 0; i < keys.length - 1; i++) if (deepEqual(keys[i], last)) return null;
      return rows[keys.length - 1] ?? null;
    },
  },
  ...statsFunctions,
];
