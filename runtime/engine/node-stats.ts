/**
 * Per-node counters under eKuiper's rule-status metric names (`records_in_total`, `records_out_total`,
 * `exceptions_total`, `process_latency_us`, `buffer_length`, `last_invocation`, `last_exception`,
 * `last_exception_time`). Plain fields, so the hot path only increments numbers.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html#view-rule-status
 */
import type { NodeMetrics } from './contract';

/** Counters of one topology node. */
export class NodeStats implements NodeMetrics {
  records_in_total = 0;
  records_out_total = 0;
  exceptions_total = 0;
  process_latency_us = 0;
  buffer_length = 0;
  last_invocation = 0;
  last_exception = '';
  last_exception_time = 0;
  /** Extra counters reported under this node (e.g. `late_events_dropped_total` on the watermark node). */
  readonly extra: Record<string, number> = {};

  /** @param name node name, e.g. `source_demo`, `op_2_filter` */
  constructor(readonly name: string) {}

  /** Records an exception. */
  fail(message: string, time: number): void {
    this.exceptions_total++;
    this.last_exception = message;
    this.last_exception_time = time;
  }

  /** Writes this node's metrics into `out` as `<name>_0_<metric>`. */
  report(out: Record<string, number | string>): void {
    const p = `${this.name}_0_`;
    out[p + 'records_in_total'] = this.records_in_total;
    out[p + 'records_out_total'] = this.records_out_total;
    out[p + 'exceptions_total'] = this.exceptions_total;
    out[p + 'process_latency_us'] = this.process_latency_us;
    out[p + 'buffer_length'] = this.buffer_length;
    out[p + 'last_invocation'] = this.last_invocation;
    out[p + 'last_exception'] = this.last_exception;
    out[p + 'last_exception_time'] = this.last_exception_time;
    for (const k in this.extra) out[p + k] = this.extra[k];
  }
}
