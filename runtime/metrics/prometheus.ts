import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { RuleManager } from '../rules/rule-manager';

/** Node metrics exported per rule node, as eKuiper's Prometheus exporter. */
const NODE_METRICS = ['records_in_total', 'records_out_total', 'exceptions_total', 'process_latency_us', 'buffer_length'] as const;
const KEY = /^(source|op|sink)_(.+)_(\d+)_(records_in_total|records_out_total|exceptions_total|process_latency_us|buffer_length)$/;

/**
 * Builds the Prometheus registry served at `GET /metrics`: Node.js process metrics (`edgestack_process_*`,
 * `edgestack_nodejs_*`), `edgestack_rule_running{rule}` (1 running, 0 not) and, read from rule status at scrape
 * time, `edgestack_<source|op|sink>_<metric>{rule, op, instance}` (eKuiper's `kuiper_*` names with our prefix).
 *
 * @see https://ekuiper.org/docs/en/latest/operation/usage/monitor_with_prometheus.html
 */
export function createMetricsRegistry(rules: RuleManager): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'edgestack_' });
  new Gauge({
    name: 'edgestack_rule_running',
    help: 'Whether the rule is running (1) or not (0)',
    labelNames: ['rule'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of rules.list()) this.set({ rule: r.id }, r.status === 'Running' ? 1 : 0);
    },
  });
  const gauges = new Map<string, Gauge<'rule' | 'op' | 'instance'>>();
  for (const kind of ['source', 'op', 'sink'] as const) {
    for (const metric of NODE_METRICS) {
      gauges.set(
        `${kind}_${metric}`,
        new Gauge({ name: `edgestack_${kind}_${metric}`, help: `${metric} of ${kind} nodes, per rule`, labelNames: ['rule', 'op', 'instance'], registers: [] }),
      );
    }
  }
  new Gauge({
    name: 'edgestack_rules_total',
    help: 'Number of rules defined',
    registers: [registry],
    collect() {
      const ids = rules.ids();
      this.set(ids.length);
      for (const g of gauges.values()) g.reset();
      for (const id of ids) {
        const status = rules.status(id);
        for (const [key, value] of Object.entries(status)) {
          const m = KEY.exec(key);
          if (!m || typeof value !== 'number') continue;
          gauges.get(`${m[1]}_${m[4]}`)?.set({ rule: id, op: m[2] as string, instance: m[3] as string }, value);
        }
      }
    },
  });
  // registered after edgestack_rules_total, whose collect() fills them at each scrape
  for (const g of gauges.values()) registry.registerMetric(g);
  return registry;
}
