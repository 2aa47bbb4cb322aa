/**
 * Object (struct) functions.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/object_functions.html
 */
import { scalar } from './define';
import { funcError } from './errors';
import type { FunctionDef, StructValue, Value } from './types';
import { arr, describe, isStruct, obj, str } from './values';

function keyList(fn: string, args: readonly Value[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < args.length; i++) {
    const v = args[i];
    if (Array.isArray(v)) v.forEach((k) => out.push(str(fn, k, i + 1)));
    else out.push(str(fn, v, i + 1));
  }
  return out;
}

/** Object functions. */
export const objectFunctions: readonly FunctionDef[] = [
  scalar('keys', 1, 1, (a) => Object.keys(obj('keys', a[0], 1)), { result: 'array', doc: 'Array of the keys of a struct.' }),
  scalar('values', 1, 1, (a) => Object.values(obj('values', a[0], 1)), { result: 'array', doc: 'Array of the values of a struct.' }),
  scalar(
    'object',
    2,
    2,
    (a) => {
      const ks = arr('object', a[0], 1);
      const vs = arr('object', a[1], 2);
      if (ks.length !== vs.length) throw funcError('object', `keys and values must have the same length but have ${ks.length} and ${vs.length}`);
      const out: StructValue = {};
      ks.forEach((k, i) => (out[str('object', k, 1)] = vs[i]));
      return out;
    },
    { result: 'struct', doc: 'object(keys, values): struct from a key array and a value array.' },
  ),
  scalar(
    'zip',
    1,
    1,
    (a) => {
      const out: StructValue = {};
      for (const pair of arr('zip', a[0], 1)) {
        if (pair === null) continue;
        if (!Array.isArray(pair) || pair.length !== 2) throw funcError('zip', `each element must be a [key, value] array but found ${describe(pair)}`);
        out[str('zip', pair[0], 1)] = pair[1];
      }
      return out;
    },
    { result: 'struct', doc: 'zip([[k, v], ...]): struct from key/value pairs; null items are skipped.' },
  ),
  scalar('items', 1, 1, (a) => Object.entries(obj('items', a[0], 1)).map(([k, v]) => [k, v]), { result: 'array', doc: 'Array of [key, value] pairs of a struct.' }),
  scalar(
    'object_concat',
    1,
    Infinity,
    (a) => {
      const out: StructValue = {};
      a.forEach((v: Value, i: number) => {
        if (v !== null) Object.assign(out, obj('object_concat', v, i + 1));
      });
      return out;
    },
    { nilIfAnyNil: false, result: 'struct', doc: 'Merges structs left to right (later keys win); nulls skipped.' },
  ),
  scalar(
    'erase',
    2,
    Infinity,
    (a) => {
      const out: StructValue = { ...obj('erase', a[0], 1) };
      for (const k of keyList('erase', a, 1)) delete out[k];
      return out;
    },
    { result: 'struct', doc: 'erase(struct, key | [keys] ...): copy without the keys.' },
  ),
  scalar(
    'object_pick',
    2,
    Infinity,
    (a) => {
      const src = obj('object_pick', a[0], 1);
      const out: StructValue = {};
      for (const k of keyList('object_pick', a, 1)) if (k in src) out[k] = src[k];
      return out;
    },
    { result: 'struct', doc: 'object_pick(struct, key | [keys] ...): copy with only the keys.' },
  ),
  scalar(
    'object_construct',
    0,
    Infinity,
    (a) => {
      if (a.length % 2 !== 0) throw funcError('object_construct', `expects key/value pairs but found ${a.length} arguments`);
      const out: StructValue = {};
      for (let i = 0; i < a.length; i += 2) if (a[i] !== null && a[i + 1] !== null) out[str('object_construct', a[i], i + 1)] = a[i + 1];
      return out;
    },
    { nilIfAnyNil: false, result: 'struct', doc: 'object_construct(k1, v1, ...): struct of the pairs; pairs with a null key or value are left out.' },
  ),
  scalar('obj_to_kvpair_array', 1, 1, (a) => Object.entries(obj('obj_to_kvpair_array', a[0], 1)).map(([key, value]) => ({ key, value })), {
    result: 'array',
    doc: 'Array of {key, value} structs of a struct.',
  }),
  scalar('kvpair_array_to_obj', 1, 1, (a) => {
    const out: StructValue = {};
    for (const p of arr('kvpair_array_to_obj', a[0], 1)) {
      if (!isStruct(p) || typeof p.key !== 'string') throw funcError('kvpair_array_to_obj', `each element must be a {key, value} struct but found ${describe(p)}`);
      out[p.key] = p.value ?? null;
    }
    return out;
  }, { result: 'struct', doc: 'Struct from an array of {key, value} structs.' }),
];
