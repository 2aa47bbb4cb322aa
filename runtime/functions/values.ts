/**
 * Value helpers shared by the function library: type names, eKuiper-style conversions and comparisons.
 * @see https://ekuiper.org/docs/en/latest/sqls/data_types.html
 */
import { funcError } from './errors';
import type { StructValue, Value, ValueKind } from './types';

/** Type name of a runtime value for error messages: `null`, `bool`, `bigint`, `float`, `string`, `bytea`, `array`, `struct`. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'bigint' : 'float';
  if (typeof v === 'string') return 'string';
  if (v instanceof Uint8Array) return 'bytea';
  if (Array.isArray(v)) return 'array';
  return 'struct';
}

/** Short rendering of a value for error messages, e.g. `string("a")`, `bigint(3)`. */
export function describe(v: unknown): string {
  let text: string;
  try {
    text = v instanceof Uint8Array ? `[${v.length} bytes]` : JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  if (text.length > 60) text = text.slice(0, 57) + '...';
  return `${typeName(v)}(${text})`;
}

/** True for a plain struct (JSON object) value. */
export function isStruct(v: unknown): v is StructValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/**
 * Whether a number is an eKuiper integer (`bigint`) given its static kind: `int` -> true, `float` -> false,
 * otherwise (`unknown`) a number with no fraction is an integer.
 */
export function isIntValue(v: number, kind: ValueKind | undefined): boolean {
  if (kind === 'int') return true;
  if (kind === 'float') return false;
  return Number.isInteger(v);
}

/**
 * Formats a float64 like Go `strconv.FormatFloat(f, 'f', -1, 64)`: shortest round-trip digits, never an
 * exponent (`1.2` -> `"1.2"`, `1e21` -> `"1000000000000000000000"`, `1e-7` -> `"0.0000001"`).
 */
export function formatFloat(f: number): string {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
  const s = String(f);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const neg = s.startsWith('-');
  const mant = s.slice(neg ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const [ip, fp = ''] = mant.split('.');
  const digits = ip + fp;
  const point = ip.length + exp;
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return (neg ? '-' : '') + out;
}

/** Converts any value to a string the way eKuiper's `cast.ToString(v, CONVERT_ALL)` does; structs/arrays become JSON. */
export function toStringAll(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatFloat(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  return JSON.stringify(v);
}

/**
 * Requires a number (eKuiper `CONVERT_SAMEKIND`): numbers only.
 * @throws FunctionError `<fn>: expects a number for argument <pos> but found <value>`
 */
export function num(fn: string, v: Value, pos: number): number {
  if (typeof v === 'number') return v;
  throw funcError(fn, `expects a number for argument ${pos} but found ${describe(v)}`);
}

/**
 * Requires an integer: a number with no fraction (eKuiper `STRICT` int conversion).
 * @throws FunctionError `<fn>: expects an integer for argument <pos> but found <value>`
 */
export function int(fn: string, v: Value, pos: number): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw funcError(fn, `expects an integer for argument ${pos} but found ${describe(v)}`);
}

/**
 * Requires a string (bytes are decoded as UTF-8).
 * @throws FunctionError `<fn>: expects a string for argument <pos> but found <value>`
 */
export function str(fn: string, v: Value, pos: number): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  throw funcError(fn, `expects a string for argument ${pos} but found ${describe(v)}`);
}

/**
 * Requires a boolean.
 * @throws FunctionError `<fn>: expects a bool for argument <pos> but found <value>`
 */
export function bool(fn: string, v: Value, pos: number): boolean {
  if (typeof v === 'boolean') return v;
  throw funcError(fn, `expects a bool for argument ${pos} but found ${describe(v)}`);
}

/**
 * Requires an array.
 * @throws FunctionError `<fn>: expects an array for argument <pos> but found <value>`
 */
export function arr(fn: string, v: Value, pos: number): Value[] {
  if (Array.isArray(v)) return v;
  throw funcError(fn, `expects an array for argument ${pos} but found ${describe(v)}`);
}

/**
 * Requires a struct (object).
 * @throws FunctionError `<fn>: expects a struct for argument <pos> but found <value>`
 */
export function obj(fn: string, v: Value, pos: number): StructValue {
  if (isStruct(v)) return v;
  throw funcError(fn, `expects a struct for argument ${pos} but found ${describe(v)}`);
}

/** Deep equality of two values (Go `reflect.DeepEqual` on decoded JSON; numbers compare by value). */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!(k in b) || !deepEqual(a[k], (b as StructValue)[k])) return false;
  return true;
}

/**
 * Orders two non-null values of the same family: numbers numerically, strings by code unit, booleans false < true.
 * @returns negative, 0 or positive; `undefined` when the values are not comparable
 */
export function compareValues(a: Value, b: Value): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

/** True if any value is `null` (or `undefined`). */
export function anyNull(args: readonly unknown[]): boolean {
  for (let i = 0; i < args.length; i++) if (args[i] === null || args[i] === undefined) return true;
  return false;
}

/**
 * Go `fmt.Sprintf("%v", v)` for decoded JSON values (eKuiper `cast.ToStringAlways`): null -> `""`, floats in
 * shortest form with an exponent below 1e-4 or from 1e21 (`1e-05`, `1e+21`), structs/arrays as JSON.
 */
export function toStringAlways(v: Value): string {
  if (typeof v === 'number' && !Number.isInteger(v) && Number.isFinite(v)) {
    const a = Math.abs(v);
    if (a < 1e-4 || a >= 1e21) {
      const [m, e] = v.toExponential().split('e');
      const sign = e[0] === '-' ? '-' : '+';
      const digits = e.replace(/^[+-]/, '');
      return `${m}e${sign}${digits.length < 2 ? '0' + digits : digits}`;
    }
    return String(v);
  }
  return toStringAll(v);
}
