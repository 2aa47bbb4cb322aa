/**
 * Renders runtime values the way eKuiper's Go runtime prints them in error messages: `string(red)`, `int64(3)`,
 * `float64(2.5)`, `bool(true)`, so error rows read like eKuiper's (`invalid operation string(a) > int64(3)`).
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/data_types.html
 */
import type { Value, ValueKind } from '../functions/types';

/**
 * Go type name of a value: `int64` or `float64` for numbers (by static kind, else by fraction), `string`, `bool`,
 * `[]interface {}`, `map[string]interface {}`, `[]uint8`, `nil`.
 */
export function goTypeName(v: Value | undefined, kind: ValueKind = 'unknown'): string {
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'number':
      if (kind === 'float') return 'float64';
      if (kind === 'int') return 'int64';
      return Number.isInteger(v) ? 'int64' : 'float64';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    default:
      if (v instanceof Uint8Array) return '[]uint8';
      return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
  }
}

/** `type(value)` as Go's `%T(%v)`, e.g. `string(red)`, `int64(3)`. */
export function goDescribe(v: Value | undefined, kind: ValueKind = 'unknown'): string {
  let text: string;
  if (v === null || v === undefined) text = '<nil>';
  else if (typeof v === 'object' && !(v instanceof Uint8Array)) text = JSON.stringify(v);
  else text = String(v);
  if (text.length > 60) text = text.slice(0, 57) + '...';
  return `${goTypeName(v, kind)}(${text})`;
}
