/**
 * JSON functions: to_json, parse_json and the JSONPath functions (see `jsonpath.ts` for the supported syntax).
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/json_functions.html
 */
import { scalar } from './define';
import { argError, funcError } from './errors';
import { compileJsonPath, evaluateJsonPath, JsonPathSyntaxError, type JsonPath } from './jsonpath';
import type { ArgShape, FunctionDef, Value } from './types';
import { requireString } from './validators';
import { str } from './values';

function pathOf(fn: string, v: Value): JsonPath {
  const text = str(fn, v, 2);
  try {
    return compileJsonPath(text);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) throw funcError(fn, `invalid JSON path: ${e.message}`);
    throw e;
  }
}

/**
 * The document a JSONPath function reads: null is an error (eKuiper: `invalid data nil for jsonpath`), a string is
 * parsed as JSON text first, any other value is used as is.
 */
function documentOf(fn: string, v: Value): Value {
  if (v === null || v === undefined) throw funcError(fn, 'invalid data nil for jsonpath; pass an object, array or JSON text');
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as Value;
  } catch (e) {
    throw funcError(fn, `invalid JSON text ${JSON.stringify(v)} for jsonpath: ${(e as Error).message}`);
  }
}

function validatePath(fn: string): (args: readonly ArgShape[]) => void {
  return (args) => {
    requireString(fn, args, 1);
    const a = args[1];
    if (a?.kind === 'literal' && typeof a.value === 'string') {
      try {
        compileJsonPath(a.value);
      } catch (e) {
        throw argError(fn, `argument 2 is not a valid JSON path: ${(e as Error).message}`, 2);
      }
    }
  };
}

/** Encodes a value as JSON text (bytes as base64, like Go's encoding/json). */
export function toJsonText(v: Value): string {
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Uint8Array ? Buffer.from(x).toString('base64') : x));
}

/** JSON functions. */
export const jsonFunctions: readonly FunctionDef[] = [
  scalar('to_json', 1, 1, (a) => toJsonText(a[0]), { nilIfAnyNil: false, result: 'string', doc: 'JSON text of the value (null gives "null").' }),
  scalar(
    'parse_json',
    1,
    1,
    (a) => {
      const text = str('parse_json', a[0], 1);
      try {
        return JSON.parse(text) as Value;
      } catch (e) {
        throw funcError('parse_json', `invalid JSON text: ${(e as Error).message}`);
      }
    },
    { doc: 'Parses JSON text into a value.' },
  ),
  scalar('json_path_exists', 2, 2, (a) => evaluateJsonPath(pathOf('json_path_exists', a[1]), documentOf('json_path_exists', a[0])).found, {
    result: 'bool',
    nilIfAnyNil: false,
    validate: validatePath('json_path_exists'),
    doc: 'Whether the JSON path selects anything.',
  }),
  scalar('json_path_query', 2, 2, (a) => evaluateJsonPath(pathOf('json_path_query', a[1]), documentOf('json_path_query', a[0])).value, {
    nilIfAnyNil: false,
    validate: validatePath('json_path_query'),
    doc: 'Value selected by the JSON path (an array for wildcard/filter/union/slice/descent paths); null if nothing matches.',
  }),
  scalar(
    'json_path_query_first',
    2,
    2,
    (a) => {
      const path = pathOf('json_path_query_first', a[1]);
      const r = evaluateJsonPath(path, documentOf('json_path_query_first', a[0]));
      if (!path.single) return Array.isArray(r.value) && r.value.length ? r.value[0] : null;
      return r.value;
    },
    { nilIfAnyNil: false, validate: validatePath('json_path_query_first'), doc: 'First value selected by the JSON path; null if nothing matches.' },
  ),
];
