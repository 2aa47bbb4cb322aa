/**
 * Compiles calls of the engine-owned context functions straight into closures over the row and the rule's
 * {@link EvalContext}: `window_start`, `window_end`, `event_time`, `meta`, `mqtt`, `row_number`, `last_hit_time`,
 * `last_hit_count`, `last_agg_hit_time`, `last_agg_hit_count`, `rule_id`, `rule_start`.
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/other_functions.html
 */
import type { CallExpr } from '../sql/ast';
import type { Value } from '../functions/types';
import { PlanError } from '../engine/errors';
import type { Compiled, CompileScope } from './scope';
import { compileExpr, compiled } from './compile';

/** Names of the context functions compiled here. */
export const CONTEXT_FUNCTIONS: ReadonlySet<string> = new Set([
  'window_start', 'window_end', 'event_time', 'meta', 'mqtt', 'row_number',
  'last_hit_time', 'last_hit_count', 'last_agg_hit_time', 'last_agg_hit_count', 'rule_id', 'rule_start',
]);

/**
 * Compiles one context-function call (arity already validated).
 * @throws PlanError when `meta()`/`mqtt()` get something other than a key or `*`
 */
export function compileContextCall(name: string, call: CallExpr, scope: CompileScope): Compiled {
  switch (name) {
    case 'window_start':
      return compiled((_row, ctx) => ctx.windowStart ?? null, 'int');
    case 'window_end':
      return compiled((_row, ctx) => ctx.windowEnd ?? null, 'int');
    case 'event_time':
      // In an aggregate row the event time is the window end, as eKuiper's GroupedTuples timestamp.
      return compiled((row, ctx) => (ctx.group !== undefined && ctx.windowEnd !== undefined ? ctx.windowEnd : row.timestamp), 'int');
    case 'row_number':
      return compiled((_row, ctx) => ctx.rowIndex + 1, 'int');
    case 'last_hit_time':
      if (scope.inTrigger) return compiled((_row, ctx) => ctx.triggerHitTime, 'int');
      return compiled((_row, ctx) => ctx.lastHitTime, 'int');
    case 'last_hit_count':
      if (scope.inTrigger) return compiled((_row, ctx) => ctx.triggerHitCount, 'int');
      return compiled((_row, ctx) => ctx.lastHitCount, 'int');
    case 'last_agg_hit_time':
      return compiled((_row, ctx) => ctx.lastAggHitTime, 'int');
    case 'last_agg_hit_count':
      return compiled((_row, ctx) => ctx.lastAggHitCount, 'int');
    case 'rule_id':
      return compiled((_row, ctx) => ctx.ruleId, 'string');
    case 'rule_start':
      return compiled((_row, ctx) => ctx.ruleStart, 'int');
    default:
      return compileMeta(name, call, scope);
  }
}

function compileMeta(name: string, call: CallExpr, scope: CompileScope): Compiled {
  const arg = call.args[0];
  if (arg.type === 'wildcard') {
    return compiled((row) => (row.meta ?? {}) as Value, 'struct');
  }
  if (arg.type === 'field_ref' && arg.stream === undefined) {
    const key = arg.name;
    return compiled((row) => {
      const v = row.meta?.[key];
      return v === undefined ? null : (v as Value);
    }, 'unknown');
  }
  if (arg.type === 'string_literal') {
    const key = arg.value;
    return compiled((row) => {
      const v = row.meta?.[key];
      return v === undefined ? null : (v as Value);
    }, 'unknown');
  }
  if (arg.type === 'member_expr' || (arg.type === 'field_ref' && arg.stream !== undefined)) {
    // meta(device->id): navigate inside a metadata value.
    const path: string[] = [];
    let e = arg;
    while (e.type === 'member_expr') {
      path.unshift(e.property);
      e = e.object as typeof e;
    }
    if (e.type === 'field_ref') {
      if (e.stream !== undefined) path.unshift(e.stream, e.name);
      else path.unshift(e.name);
      return compiled((row) => {
        let v: unknown = row.meta;
        for (const p of path) {
          if (v === null || typeof v !== 'object') return null;
          v = (v as Record<string, unknown>)[p];
        }
        return v === undefined ? null : (v as Value);
      }, 'unknown');
    }
  }
  void compileExpr;
  void scope;
  throw new PlanError('bad_argument', `function ${name}: expects a metadata key such as ${name}(topic) or ${name}(*)`);
}
