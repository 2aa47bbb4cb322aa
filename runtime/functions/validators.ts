/**
 * Rule-creation checks shared by several functions (literal argument types and values).
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/overview.html
 */
import { argError } from './errors';
import type { ArgShape, Value, ValueKind } from './types';

/** Kind of an argument as known at rule creation (`unknown` for wildcards and unknown expressions). */
export function shapeKind(a: ArgShape): ValueKind {
  if (a.kind === 'literal') {
    const v = a.value;
    if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
    if (typeof v === 'string') return 'string';
    if (typeof v === 'boolean') return 'bool';
    if (Array.isArray(v)) return 'array';
    if (v instanceof Uint8Array) return 'bytes';
    return v === null ? 'unknown' : 'struct';
  }
  return a.kind === 'wildcard' ? 'unknown' : a.valueKind;
}

const NUMERIC: ReadonlySet<ValueKind> = new Set<ValueKind>(['int', 'float', 'unknown']);

/**
 * Requires argument `index` (0-based) to be possibly numeric (not a string/bool/... literal or typed field).
 * @throws FunctionArgError `function <fn>: argument <n> must be a number but is <kind>; pass a numeric column or literal`
 */
export function requireNumeric(fn: string, args: readonly ArgShape[], index: number): void {
  if (index >= args.length) return;
  const k = shapeKind(args[index]);
  if (!NUMERIC.has(k)) {
    throw argError(fn, `argument ${index + 1} must be a number but is ${k}; pass a numeric column or literal`, index + 1);
  }
}

/**
 * Requires argument `index` to be possibly boolean.
 * @throws FunctionArgError `function <fn>: argument <n> must be a bool but is <kind>; pass true or false`
 */
export function requireBool(fn: string, args: readonly ArgShape[], index: number): void {
  if (index >= args.length) return;
  const k = shapeKind(args[index]);
  if (k !== 'bool' && k !== 'unknown') {
    throw argError(fn, `argument ${index + 1} must be a bool but is ${k}; pass true or false`, index + 1);
  }
}

/**
 * Requires argument `index` to be possibly a string.
 * @throws FunctionArgError `function <fn>: argument <n> must be a string but is <kind>; pass a quoted string`
 */
export function requireString(fn: string, args: readonly ArgShape[], index: number): void {
  if (index >= args.length) return;
  const k = shapeKind(args[index]);
  if (k !== 'string' && k !== 'unknown' && k !== 'bytes') {
    throw argError(fn, `argument ${index + 1} must be a string but is ${k}; pass a quoted string`, index + 1);
  }
}

/**
 * Requires argument `index` to be a literal; returns its value.
 * @throws FunctionArgError `function <fn>: argument <n> must be a literal <what>`
 */
export function requireLiteral(fn: string, args: readonly ArgShape[], index: number, what: string): Value {
  const a = args[index];
  if (!a || a.kind !== 'literal') {
    throw argError(fn, `argument ${index + 1} must be a literal ${what}`, index + 1);
  }
  return a.value;
}

/** Builds a validator requiring numeric kinds at the given 0-based positions. */
export function numericArgs(fn: string, ...positions: number[]): (args: readonly ArgShape[]) => void {
  return (args) => positions.forEach((p) => requireNumeric(fn, args, p));
}
