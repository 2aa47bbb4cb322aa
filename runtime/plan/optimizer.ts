/**
 * Plan rewrites (eKuiper `optimizer.go` rule list). One rule today, `predicatePushDown`: WHERE runs before
 * processing-time tumbling, hopping and session windows (so an empty window still fires as an empty batch), and after
 * event-time, count and sliding windows (so WHERE decides which rows the window emits).
 *
 * @see https://ekuiper.org/docs/en/latest/sqls/windows.html
 */
import type { LogicalPlan } from './logical-plan';
import { WindowPlan } from './window-plan';

/** One rewrite rule. */
export interface OptimizerRule {
  readonly name: string;
  optimize(chain: readonly LogicalPlan[]): LogicalPlan[];
}

const PUSHABLE = new Set(['tumbling', 'hopping', 'session']);

/** Moves a FilterPlan right above a processing-time tumbling/hopping/session WindowPlan below it. */
export const predicatePushDown: OptimizerRule = {
  name: 'predicatePushDown',
  optimize(chain) {
    const out = [...chain];
    const w = out.findIndex((p) => p.kind === 'WindowPlan');
    if (w < 0) return out;
    const win = out[w] as WindowPlan;
    if (win.eventTime || !PUSHABLE.has(win.window.windowType)) return out;
    if (out[w + 1]?.kind !== 'FilterPlan') return out;
    const [filter] = out.splice(w + 1, 1);
    out.splice(w, 0, filter);
    return out;
  },
};

/** Rules applied in order. */
export const OPTIMIZER_RULES: readonly OptimizerRule[] = [predicatePushDown];

/** Applies every rule of {@link OPTIMIZER_RULES}. */
export function optimize(chain: readonly LogicalPlan[]): LogicalPlan[] {
  let out = [...chain];
  for (const r of OPTIMIZER_RULES) out = r.optimize(out);
  return out;
}
