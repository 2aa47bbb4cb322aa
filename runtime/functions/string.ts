/**
 * String functions. Arguments are converted to strings like Go's `%v` (eKuiper `cast.ToStringAlways`).
 * Null handling follows eKuiper per function: most return null for a null argument; `endswith`,
 * `startswith` and `regexp_matches` return false, `indexof` returns -1, `length` and `numbytes` return 0,
 * `concat` skips nulls.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/string_functions.html
 */
import { scalar } from './define';
import { argError, funcError } from './errors';
import type { ArgShape, FunctionDef, Value } from './types';
import { numericArgs, requireString } from './validators';
import { anyNull, int, isStruct, num, toStringAlways } from './values';

const s = toStringAlways;

/** Compiled regular expressions by source (bounded cache: patterns usually are literals). */
const regexCache = new Map<string, RegExp>();

/**
 * Compiles a regular expression (JavaScript syntax, close to Go RE2 for common patterns), cached.
 * @throws FunctionError `<fn>: invalid regular expression "<re>": <reason>`
 */
export function compileRegex(fn: string, source: string, flags = ''): RegExp {
  const key = flags + '/' + source;
  let re = regexCache.get(key);
  if (!re) {
    try {
      re = new RegExp(source, flags);
    } catch (e) {
      throw funcError(fn, `invalid regular expression "${source}": ${(e as Error).message}`);
    }
    if (regexCache.size > 256) regexCache.clear();
    regexCache.set(key, re);
  }
  return re;
}

function strArgs(fn: string, ...positions: number[]): (args: readonly ArgShape[]) => void {
  return (args) => positions.forEach((p) => requireString(fn, args, p));
}

function nullTo(def: Value, f: FunctionDef['exec']): FunctionDef['exec'] {
  return (a, ctx) => (anyNull(a) ? def : f(a, ctx));
}

function trimLeft(x: string): string {
  return x.replace(/^\s+/u, '');
}
function trimRight(x: string): string {
  return x.replace(/\s+$/u, '');
}

/** Formats a number with `d` decimals; with `en_US` adds thousands separators. */
function formatNumber(x: number, d: number, locale?: string): string {
  const fixed = x.toFixed(d);
  if (!locale) return fixed;
  if (locale !== 'en_US') throw funcError('format', `unsupported locale "${locale}"; use "en_US"`);
  const [ip, fp] = fixed.split('.');
  const neg = ip.startsWith('-');
  const grouped = (neg ? ip.slice(1) : ip).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (fp !== undefined ? '.' + fp : '');
}

/** String functions. */
export const stringFunctions: readonly FunctionDef[] = [
  scalar(
    'concat',
    1,
    Infinity,
    (a) => {
      const first = a.find((v: Value) => v !== null && v !== undefined);
      if (Array.isArray(first)) {
        const out: Value[] = [];
        for (const v of a) if (Array.isArray(v)) out.push(...v);
        return out;
      }
      let r = '';
      for (const v of a) if (v !== null && v !== undefined) r += s(v);
      return r;
    },
    { nilIfAnyNil: false, result: 'string', doc: 'Concatenates strings (or arrays when the first non-null argument is an array); nulls are skipped.' },
  ),
  scalar('endswith', 2, 2, nullTo(false, (a) => s(a[0]).endsWith(s(a[1]))), { nilIfAnyNil: false, result: 'bool', validate: strArgs('endswith', 0, 1), doc: 'Whether arg 1 ends with arg 2.' }),
  scalar('startswith', 2, 2, nullTo(false, (a) => s(a[0]).startsWith(s(a[1]))), { nilIfAnyNil: false, result: 'bool', validate: strArgs('startswith', 0, 1), doc: 'Whether arg 1 starts with arg 2.' }),
  scalar('indexof', 2, 2, nullTo(-1, (a) => s(a[0]).indexOf(s(a[1]))), { nilIfAnyNil: false, result: 'int', validate: strArgs('indexof', 0, 1), doc: '0-based index of arg 2 in arg 1, or -1.' }),
  scalar(
    'length',
    1,
    1,
    nullTo(0, (a) => {
      const v = a[0] as Value;
      if (Array.isArray(v)) return v.length;
      if (isStruct(v)) return Object.keys(v).length;
      return [...s(v)].length;
    }),
    { nilIfAnyNil: false, result: 'int', doc: 'Number of characters of a string, elements of an array or keys of a struct; 0 for null.' },
  ),
  scalar('numbytes', 1, 1, nullTo(0, (a) => Buffer.byteLength(s(a[0]), 'utf8')), { nilIfAnyNil: false, result: 'int', validate: strArgs('numbytes', 0), doc: 'UTF-8 byte length.' }),
  scalar('lower', 1, 1, (a) => s(a[0]).toLowerCase(), { result: 'string', validate: strArgs('lower', 0), doc: 'Lower-case string.' }),
  scalar('upper', 1, 1, (a) => s(a[0]).toUpperCase(), { result: 'string', validate: strArgs('upper', 0), doc: 'Upper-case string.' }),
  scalar('trim', 1, 1, (a) => trimRight(trimLeft(s(a[0]))), { result: 'string', validate: strArgs('trim', 0), doc: 'Removes leading and trailing whitespace.' }),
  scalar('ltrim', 1, 1, (a) => trimLeft(s(a[0])), { result: 'string', validate: strArgs('ltrim', 0), doc: 'Removes leading whitespace.' }),
  scalar('rtrim', 1, 1, (a) => trimRight(s(a[0])), { result: 'string', validate: strArgs('rtrim', 0), doc: 'Removes trailing whitespace.' }),
  scalar('lpad', 2, 2, (a) => ' '.repeat(Math.max(0, int('lpad', a[1], 2))) + s(a[0]), { result: 'string', validate: numericArgs('lpad', 1), doc: 'lpad(s, n): s with n spaces added on the left.' }),
  scalar('rpad', 2, 2, (a) => s(a[0]) + ' '.repeat(Math.max(0, int('rpad', a[1], 2))), { result: 'string', validate: numericArgs('rpad', 1), doc: 'rpad(s, n): s with n spaces added on the right.' }),
  scalar('reverse', 1, 1, (a) => [...s(a[0])].reverse().join(''), { result: 'string', validate: strArgs('reverse', 0), doc: 'Reversed string.' }),
  scalar('regexp_matches', 2, 2, nullTo(false, (a) => compileRegex('regexp_matches', s(a[1])).test(s(a[0]))), {
    nilIfAnyNil: false,
    result: 'bool',
    validate: strArgs('regexp_matches', 0, 1),
    doc: 'Whether the string contains a match of the regular expression.',
  }),
  scalar('regexp_replace', 3, 3, (a) => s(a[0]).replace(compileRegex('regexp_replace', s(a[1]), 'g'), s(a[2])), {
    result: 'string',
    validate: strArgs('regexp_replace', 0, 1, 2),
    doc: 'Replaces every match of the regular expression ($1 refers to groups).',
  }),
  scalar('regexp_substr', 2, 2, (a) => compileRegex('regexp_substr', s(a[1])).exec(s(a[0]))?.[0] ?? '', {
    result: 'string',
    validate: strArgs('regexp_substr', 0, 1),
    doc: 'First match of the regular expression, or "".',
  }),
  scalar(
    'substring',
    2,
    3,
    (a) => {
      const x = s(a[0]);
      const start = int('substring', a[1], 2);
      if (start < 0) throw funcError('substring', `start index must not be negative but is ${start}`);
      if (a.length < 3) return start > x.length ? '' : x.slice(start);
      const end = int('substring', a[2], 3);
      if (end < 0) throw funcError('substring', `end index must not be negative but is ${end}`);
      if (start > end) throw funcError('substring', `start index ${start} must not be larger than end index ${end}`);
      return start > x.length ? '' : x.slice(start, end);
    },
    {
      result: 'string',
      validate: (args) => {
        requireString('substring', args, 0);
        numericArgs('substring', 1, 2)(args);
        const st = args[1]?.kind === 'literal' ? args[1].value : null;
        if (typeof st === 'number' && st < 0) throw argError('substring', `argument 2 (start index) must not be negative but is ${st}`, 2);
      },
      doc: 'substring(s, start[, end]): characters from start (0-based, inclusive) to end (exclusive).',
    },
  ),
  scalar(
    'split_value',
    3,
    3,
    (a) => {
      const parts = s(a[0]).split(s(a[1]));
      const i = int('split_value', a[2], 3);
      const idx = i < 0 ? parts.length + i : i;
      if (idx < 0 || idx >= parts.length) throw funcError('split_value', `index ${i} out of range for ${parts.length} parts`);
      return parts[idx];
    },
    { result: 'string', validate: (args) => { strArgs('split_value', 0, 1)(args); numericArgs('split_value', 2)(args); }, doc: 'split_value(s, sep, i): part i (0-based; negative counts from the end) of s split by sep.' },
  ),
  scalar(
    'format',
    2,
    3,
    (a) => {
      const d = int('format', a[1], 2);
      if (d < 0) throw funcError('format', `the decimal places must be >= 0 but are ${d}`);
      return formatNumber(num('format', a[0], 1), d, a.length > 2 ? s(a[2]) : undefined);
    },
    { result: 'string', validate: numericArgs('format', 0, 1), doc: 'format(x, d[, locale]): x rounded to d decimals; locale "en_US" adds thousands separators.' },
  ),
];
