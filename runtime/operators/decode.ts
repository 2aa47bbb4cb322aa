/**
 * Decodes source payloads into messages (eKuiper's decoder and preprocessor): JSON bytes or text, or objects taken as
 * decoded; a declared schema keeps the declared columns and, with `STRICT_VALIDATION`, checks the columns the rule
 * uses, raising `error in preprocessor: field size type mismatch: cannot convert string(red) to int64`.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/streams.html
 */
import type { Value } from '../functions/types';
import { EvalError } from '../engine/errors';
import type { StreamDefinition } from '../engine/contract';
import type { Message } from '../model/row';
import { goDescribe } from '../expr/go-type';

type Converter = (v: Value) => Value | undefined;

const GO_TYPE: Readonly<Record<string, string>> = {
  bigint: 'int64', float: 'float64', string: 'string', boolean: 'bool', datetime: 'datetime', bytea: 'bytea', array: 'array', struct: 'struct',
};

/** Returns the converted value, or `undefined` when `v` cannot be converted to `type`. */
function converterFor(type: string): Converter {
  const base = type.replace(/\(.*$/s, '').toLowerCase();
  switch (base) {
    case 'bigint': return (v) => (typeof v === 'number' ? Math.trunc(v) : undefined);
    case 'float': return (v) => (typeof v === 'number' ? v : undefined);
    case 'string': return (v) => (typeof v === 'string' ? v : undefined);
    case 'boolean': return (v) => (typeof v === 'boolean' ? v : undefined);
    case 'datetime': return (v) => {
      if (typeof v === 'number') return v;
      if (typeof v === 'string') {
        const t = Date.parse(v);
        return Number.isNaN(t) ? undefined : t;
      }
      return undefined;
    };
    case 'array': return (v) => (Array.isArray(v) ? v : undefined);
    case 'struct': return (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
    default: return (v) => v;
  }
}

/** Decoder of one stream or table for one rule. */
export class Decoder {
  private readonly columns: ReadonlyArray<{ name: string; type: string; convert: Converter; checked: boolean }>;
  private readonly binary: boolean;

  /**
   * @param def the stream or table definition
   * @param referenced columns the rule uses (`'*'` for all); only these are validated under STRICT_VALIDATION
   */
  constructor(def: StreamDefinition, referenced: ReadonlySet<string> | '*' | undefined) {
    const strict = (def.options.STRICT_VALIDATION ?? 'false').toLowerCase() === 'true';
    this.columns = def.columns.map((c) => ({
      name: c.name,
      type: c.type,
      convert: converterFor(c.type),
      checked: strict && (referenced === '*' || (referenced?.has(c.name) ?? false)),
    }));
    this.binary = (def.options.FORMAT ?? 'json').toLowerCase() === 'binary';
  }

  /**
   * Decodes one payload into one or more messages (a JSON array gives one message per element).
   * @throws EvalError `error in preprocessor: ...` for malformed JSON or a strict type mismatch
   */
  decode(payload: Uint8Array | string | Readonly<Record<string, unknown>>): Message[] {
    let data: unknown = payload;
    if (typeof payload === 'string' || payload instanceof Uint8Array) {
      if (this.binary) return [{ self: payload instanceof Uint8Array ? payload : Buffer.from(payload) }];
      try {
        data = JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'));
      } catch (e) {
        throw new EvalError(`error in preprocessor: invalid JSON payload: ${(e as Error).message}`);
      }
    }
    if (Array.isArray(data)) return data.map((d) => this.shape(d));
    return [this.shape(data)];
  }

  private shape(data: unknown): Message {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new EvalError(`error in preprocessor: payload must be a JSON object, got ${goDescribe(data as Value)}`);
    }
    const raw = data as Message;
    if (this.columns.length === 0) return raw;
    const out: Message = {};
    for (const c of this.columns) {
      const v = raw[c.name];
      if (v === undefined) continue;
      if (v === null) {
        out[c.name] = null;
        continue;
      }
      const conv = c.convert(v);
      if (conv === undefined) {
        if (c.checked) {
          throw new EvalError(`error in preprocessor: field ${c.name} type mismatch: cannot convert ${goDescribe(v)} to ${GO_TYPE[c.type.replace(/\(.*$/s, '')] ?? c.type}`);
        }
        out[c.name] = v;
      } else out[c.name] = conv;
    }
    return out;
  }
}
