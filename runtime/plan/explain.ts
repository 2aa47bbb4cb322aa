/**
 * Stable text of a logical plan, root first, one node per line indented by depth, as served by
 * `GET /rules/{id}/explain`. Also the eKuiper-style runtime node names (`source_demo`, `op_2_filter`).
 *
 * @see https://ekuiper.org/docs/en/latest/api/restapi/rules.html
 */
import type { LogicalPlan } from './logical-plan';

/**
 * Renders a plan chain (sources first) root first:
 * ```
 * ProjectPlan: fields=[*]
 *   FilterPlan: condition=temperature > 30
 *     DataSourcePlan: stream demo
 * ```
 */
export function explainPlan(chain: readonly LogicalPlan[]): string {
  const lines: string[] = [];
  for (let i = chain.length - 1, depth = 0; i >= 0; i--, depth++) {
    const p = chain[i];
    lines.push(`${'  '.repeat(depth)}${p.kind}: ${p.info()}`);
  }
  return lines.join('\n');
}

/**
 * Runtime operator names in dataflow order, numbered as eKuiper's rule status: the sources are plan 1, the operators
 * after them `op_2_<name>`, `op_3_<name>`, ...
 */
export function operatorNames(chain: readonly LogicalPlan[]): string[] {
  const out: string[] = [];
  let n = 2;
  for (const p of chain) {
    if (p.kind === 'DataSourcePlan') continue;
    out.push(`op_${n++}_${p.opName}`);
  }
  return out;
}
