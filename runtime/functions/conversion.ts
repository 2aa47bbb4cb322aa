/**
 * Conversion (transform) functions: cast, encode, decode, trunc, hex2dec, dec2hex, compress, decompress.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/transform_functions.html
 */
import { gunzipSync, gzipSync, inflateSync, deflateSync } from 'node:zlib';
import { scalar } from './define';
import { argError, funcError } from './errors';
import type { ArgShape, FunctionDef, Value, ValueKind } from './types';
import { numericArgs, requireString } from './validators';
import { describe, int, num, str, toStringAll } from './values';
import { toEpochMs } from './datetime-parse';

/** Target types accepted by `cast`, with the static kind of the result. */
export const CAST_TYPES: Readonly<Record<string, ValueKind>> = {
  bigint: 'int',
  float: 'float',
  string: 'string',
  boolean: 'bool',
  datetime: 'datetime',
  bytea: 'bytes',
};

const TYPE_LIST = Object.keys(CAST_TYPES).map((t) => `"${t}"`).join(', ');

function castFail(v: Value, to: string): never {
  throw funcError('cast', `cannot convert ${describe(v)} to ${to}`);
}

/** Go `strconv.ParseBool`. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/**
 * eKuiper `cast(value, type)`; null stays null.
 * @throws FunctionError `cast: cannot convert <value> to <type>`
 */
export function castValue(v: Value, to: string): Value {
  if (v === null) return null;
  switch (to) {
    case 'bigint':
      if (typeof v === 'number') return Math.trunc(v);
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Math.trunc(Number(v));
      return castFail(v, to);
    case 'float':
      if (typeof v === 'number') return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      return castFail(v, to);
    case 'string':
      return toStringAll(v);
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      const b = typeof v === 'string' ? parseBool(v) : undefined;
      return b === undefined ? castFail(v, to) : b;
    }
    case 'datetime':
      if (typeof v === 'number' || typeof v === 'string') return toEpochMs('cast', v, 1);
      return castFail(v, to);
    case 'bytea':
      if (v instanceof Uint8Array) return v;
      if (typeof v === 'string') {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0) castFail(v, 'bytea (a base64 string is required)');
        return new Uint8Array(Buffer.from(v, 'base64'));
      }
      return castFail(v, to);
    default:
      throw funcError('cast', `unknown type "${to}"; use one of ${TYPE_LIST}`);
  }
}

function validateCast(args: readonly ArgShape[]): void {
  const a = args[1];
  if (!a || a.kind !== 'literal' || typeof a.value !== 'string' || !(a.value in CAST_TYPES)) {
    const shown = a?.kind === 'literal' ? JSON.stringify(a.value) : 'a non-literal';
    throw argError('cast', `argument 2 must be one of ${TYPE_LIST} but is ${shown}`, 2);
  }
}

function bytesIn(fn: string, v: Value): Buffer {
  return v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(str(fn, v, 1), 'utf8');
}

const CODECS: Record<string, { compress: (b: Buffer) => Buffer; decompress: (b: Buffer) => Buffer }> = {
  gzip: { compress: (b) => gzipSync(b), decompress: (b) => gunzipSync(b) },
  zlib: { compress: (b) => deflateSync(b), decompress: (b) => inflateSync(b) },
};

function codec(fn: string, v: Value) {
  const name = str(fn, v, 2);
  const c = CODECS[name];
  if (!c) throw funcError(fn, `unsupported method "${name}"; use "gzip" or "zlib"`);
  return c;
}

function base64Only(fn: string, v: Value): void {
  const m = str(fn, v, 2);
  if (m !== 'base64') throw funcError(fn, `unsupported encoding "${m}"; use "base64"`);
}

/** Conversion functions. */
export const conversionFunctions: readonly FunctionDef[] = [
  scalar('cast', 2, 2, (a) => castValue(a[0], str('cast', a[1], 2)), {
    nilIfAnyNil: false,
    validate: validateCast,
    result: () => 'unknown',
    doc: 'cast(x, type) with type one of "bigint", "float", "string", "boolean", "datetime", "bytea".',
  }),
  scalar(
    'encode',
    2,
    2,
    (a) => {
      base64Only('encode', a[1]);
      return bytesIn('encode', a[0]).toString('base64');
    },
    { result: 'string', validate: (args) => requireString('encode', args, 1), doc: 'encode(x, "base64"): base64 text of a string or bytes.' },
  ),
  scalar(
    'decode',
    2,
    2,
    (a) => {
      base64Only('decode', a[1]);
      return new Uint8Array(Buffer.from(str('decode', a[0], 1), 'base64'));
    },
    { result: 'bytes', validate: (args) => requireString('decode', args, 1), doc: 'decode(s, "base64"): bytes of base64 text.' },
  ),
  scalar(
    'trunc',
    2,
    2,
    (a) => {
      const x = num('trunc', a[0], 1);
      const p = 10 ** int('trunc', a[1], 2);
      return Math.trunc(x * p) / p;
    },
    { result: 'float', validate: numericArgs('trunc', 0, 1), doc: 'trunc(x, n): x truncated to n decimals.' },
  ),
  scalar(
    'hex2dec',
    1,
    1,
    (a) => {
      const s = str('hex2dec', a[0], 1).replace(/^0x/i, '');
      if (!/^[0-9a-f]+$/i.test(s)) throw funcError('hex2dec', `invalid hexadecimal string ${describe(a[0])}`);
      return parseInt(s, 16);
    },
    { result: 'int', validate: (args) => requireString('hex2dec', args, 0), doc: 'Integer of a hexadecimal string ("0x10" or "10" gives 16).' },
  ),
  scalar('dec2hex', 1, 1, (a) => '0x' + int('dec2hex', a[0], 1).toString(16), {
    result: 'string',
    validate: numericArgs('dec2hex', 0),
    doc: 'Hexadecimal string of an integer with a 0x prefix.',
  }),
  scalar('compress', 2, 2, (a) => new Uint8Array(codec('compress', a[1]).compress(bytesIn('compress', a[0]))), {
    result: 'bytes',
    doc: 'compress(x, "gzip"|"zlib"): compressed bytes.',
  }),
  scalar(
    'decompress',
    2,
    2,
    (a) => {
      const c = codec('decompress', a[1]);
      try {
        return new Uint8Array(c.decompress(bytesIn('decompress', a[0])));
      } catch (e) {
        throw funcError('decompress', `invalid compressed data: ${(e as Error).message}`);
      }
    },
    { result: 'bytes', doc: 'decompress(bytes, "gzip"|"zlib"): decompressed bytes.' },
  ),
];
