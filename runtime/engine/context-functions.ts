/**
 * Registers the engine-owned `context` functions (and the planner-level set-returning `unnest`) in the shared function registry, so rule validation knows their
 * names and arities. The compiler turns their calls into direct closures over the row and the rule context
 * (`runtime/expr/context-calls.ts`); `exec` here serves other callers through {@link CallContext.row}.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/other_functions.html
 */
import type { FunctionDef, Value, CallContext } from '../functions/types';
import { lookupFunction, registerFunction } from '../functions/registry';

function ctxFn(name: string, minArgs: number, maxArgs: number, doc: string, exec: (args: Value[], ctx: CallContext) => Value, kind: FunctionDef['resultKind'] = () => 'int'): FunctionDef {
  return { name, type: 'context', minArgs, maxArgs, doc, exec: (a, c) => exec(a, c), resultKind: kind };
}

const slot = (ctx: CallContext, key: string): Value => (ctx.row?.[key] as Value | undefined) ?? null;

/** The context functions, by name. */
export const CONTEXT_FUNCTION_DEFS: readonly FunctionDef[] = [
  ctxFn('window_start', 0, 0, 'Start of the current window, ms since epoch.', (_a, c) => c.row?.windowStart ?? null),
  ctxFn('window_end', 0, 0, 'End of the current window, ms since epoch.', (_a, c) => c.row?.windowEnd ?? null),
  ctxFn('event_time', 0, 0, 'Event time of the current row (window end for an aggregate row), ms.', (_a, c) => c.row?.eventTime ?? null),
  ctxFn('meta', 1, 1, 'Source metadata of the row: meta(key) or meta(*).', (a, c) => (a[0] === '*' ? (c.row?.meta ?? {}) as Value : ((c.row?.meta?.[String(a[0])] ?? null) as Value)), () => 'unknown'),
  ctxFn('mqtt', 1, 1, 'MQTT metadata of the row: mqtt(topic), mqtt(messageid).', (a, c) => ((c.row?.meta?.[String(a[0])] ?? null) as Value), () => 'unknown'),
  ctxFn('row_number', 0, 0, '1-based number of the row in its emitted batch.', (_a, c) => slot(c, 'rowNumber')),
  ctxFn('last_hit_time', 0, 0, 'Event time of the last row that passed WHERE (0 before any), ms.', (_a, c) => slot(c, 'lastHitTime')),
  ctxFn('last_hit_count', 0, 0, 'Rows that passed WHERE so far.', (_a, c) => slot(c, 'lastHitCount')),
  ctxFn('last_agg_hit_time', 0, 0, 'Time of the last emitted aggregate row (0 before any), ms.', (_a, c) => slot(c, 'lastAggHitTime')),
  ctxFn('last_agg_hit_count', 0, 0, 'Aggregate rows emitted so far.', (_a, c) => slot(c, 'lastAggHitCount')),
  ctxFn('rule_id', 0, 0, 'Id of the rule.', (_a, c) => slot(c, 'ruleId'), () => 'string'),
  {
    name: 'unnest',
    type: 'srf',
    minArgs: 1,
    maxArgs: 1,
    doc: 'Set-returning: one output row per element of an array (struct elements become columns).',
    exec: (a) => (a[0] === null || a[0] === undefined ? null : a[0]),
    resultKind: () => 'array',
  },
  ctxFn('rule_start', 0, 0, 'Start time of the rule, ms since epoch.', (_a, c) => slot(c, 'ruleStart')),
];

/** Registers every context function not registered yet. Idempotent. */
export function registerContextFunctions(): void {
  for (const def of CONTEXT_FUNCTION_DEFS) if (!lookupFunction(def.name)) registerFunction(def);
}
