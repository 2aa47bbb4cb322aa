import type { NodeMetrics, OutputBatch } from '../engine/contract';
import type { Sink, SinkMessage } from '../connectors/sink';
import type { SinkEncoder } from '../connectors/sink-encoder';

/** A fresh set of node counters. */
export function emptyNodeMetrics(): NodeMetrics {
  return {
    records_in_total: 0,
    records_out_total: 0,
    exceptions_total: 0,
    process_latency_us: 0,
    buffer_length: 0,
    last_invocation: 0,
    last_exception: '',
    last_exception_time: 0,
  };
}

/**
 * Runs one action of a rule: encodes batches (common sink properties), queues the messages (at most
 * `bufferLength`, further ones are dropped and counted as exceptions) and writes them to the connector in order.
 * Counters follow eKuiper's sink node: rows in, rows written, exceptions, latency of the last write (µs).
 *
 * @see https://ekuiper.org/docs/en/latest/operation/usage/monitor_with_prometheus.html
 */
export class SinkRunner {
  /** Counters of this sink node. */
  readonly stats = emptyNodeMetrics();
  private readonly queue: SinkMessage[] = [];
  private draining = false;
  private idle: Promise<void> = Promise.resolve();
  private closed = false;

  /**
   * @param name node name, `sink_<type>_<index>` (metric keys are `<name>_0_<metric>`)
   */
  constructor(
    readonly name: string,
    private readonly sink: Sink,
    private readonly encoder: SinkEncoder,
  ) {}

  /** Connects the connector. Rejects with the connector's error. */
  connect(): Promise<void> {
    return this.sink.connect();
  }

  /** Queues a batch emitted by the rule. Never throws. */
  write(batch: OutputBatch): void {
    if (this.closed) return;
    this.stats.records_in_total += batch.length;
    this.stats.last_invocation = Date.now();
    let messages: SinkMessage[];
    try {
      messages = this.encoder.encode(batch);
    } catch (err) {
      this.fail((err as Error).message);
      return;
    }
    for (const m of messages) {
      if (this.queue.length >= this.encoder.props.bufferLength) {
        this.fail(`buffer full (${this.encoder.props.bufferLength} messages): message dropped`);
        continue;
      }
      this.queue.push(m);
    }
    this.stats.buffer_length = this.queue.length;
    if (!this.draining) this.idle = this.drain();
  }

  /** Resolves when every queued message has been handled. */
  flushed(): Promise<void> {
    return this.idle;
  }

  /** Waits for queued messages, then closes the connector. */
  async close(): Promise<void> {
    await this.idle;
    this.closed = true;
    await this.sink.close();
  }

  /** Counters under eKuiper's keys: `<name>_0_<metric>`. */
  metrics(): Record<string, number | string> {
    const out: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(this.stats)) out[`${this.name}_0_${k}`] = v;
    const conn = this.sink.connection?.();
    if (conn) out[`${this.name}_0_connection_status`] = conn.state === 'connected' ? 1 : conn.state === 'connecting' ? 0 : -1;
    return out;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (let m = this.queue.shift(); m; m = this.queue.shift()) {
        this.stats.buffer_length = this.queue.length;
        const t0 = performance.now();
        try {
          await this.sink.collect(m);
          this.stats.records_out_total += m.rowCount;
        } catch (err) {
          this.fail((err as Error).message);
        }
        this.stats.process_latency_us = Math.round((performance.now() - t0) * 1000);
      }
    } finally {
      this.draining = false;
    }
  }

  private fail(message: string): void {
    this.stats.exceptions_total++;
    this.stats.last_exception = message;
    this.stats.last_exception_time = Date.now();
  }
}
