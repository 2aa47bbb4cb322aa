/**
 * Other functions: isnull, coalesce, newuuid.
 * (`tstamp` is in `datetime.ts`, `cardinality` in `array.ts`; `meta`, `event_time`, `window_start`, ... are
 * context functions registered by the engine.)
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/other_functions.html
 */
import { scalar } from './define';
import type { CallContext, FunctionDef, Value } from './types';

/** RFC 4122 version 4 UUID from the context random source (deterministic when the engine injects a seeded one). */
export function uuidV4(ctx: CallContext): string {
  const random = ctx.random ?? Math.random;
  const b = new Uint8Array(16);
  for (let i = 0; i < 16; i++) b[i] = Math.floor(random() * 256) & 0xff;
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Buffer.from(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Other functions. */
export const otherFunctions: readonly FunctionDef[] = [
  scalar('isnull', 1, 1, (a) => a[0] === null || a[0] === undefined, { nilIfAnyNil: false, result: 'bool', doc: 'Whether the value is null (a missing field is null).' }),
  scalar(
    'coalesce',
    1,
    Infinity,
    (a) => {
      for (const v of a as Value[]) if (v !== null && v !== undefined) return v;
      return null;
    },
    { nilIfAnyNil: false, doc: 'First non-null argument, or null.' },
  ),
  scalar('newuuid', 0, 0, (_a, ctx) => uuidV4(ctx), { result: 'string', doc: 'Random version 4 UUID.' }),
];
