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

/** How long closing a sink waits for queued writes, in ms: 5000. */
export const DEFAULT_SINK_DRAIN_TIMEOUT_MS = 5000;

/**
 * Runs one action of a rule: encodes batches (common sink properties), queues the messages (at most
 * `bufferLength`, further ones are dropped and counted as exceptions) and writes them to the connector in order,
 * with up to the connector's `maxInflight` writes pending.
 * Counters follow eKuiper's sink node: rows in, rows written, exceptions, latency of the last write (µs).
 *
 * @see https://ekuiper.org/docs/en/latest/operation/usage/monitor_with_prometheus.html
 */
export class SinkRunner {
  /** Counters of this sink node. */
  readonly stats = emptyNodeMetrics();
  private readonly queue: SinkMessage[] = [];
  private inflight = 0;
  private waiters: Array<() => void> = [];
  private closed = false;

  /**
   * @param name node name, `sink_<type>_<index>` (metric keys are `<name>_0_<metric>`)
   * @param drainTimeoutMs how long {@link close} waits for queued and pending writes before closing the connector
   *   anyway, in ms; @default {@link DEFAULT_SINK_DRAIN_TIMEOUT_MS}
   */
  constructor(
    readonly name: string,
    private readonly sink: Sink,
    private readonly encoder: SinkEncoder,
    private readonly drainTimeoutMs = DEFAULT_SINK_DRAIN_TIMEOUT_MS,
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
    this.pump();
  }

  /** Resolves when every queued message has been handled. */
  flushed(): Promise<void> {
    if (this.queue.length === 0 && this.inflight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Waits for queued messages (at most `drainTimeoutMs`, so a rule stops even while its broker is down), then
   * closes the connector. Messages still queued then are dropped and counted as exceptions; pending writes are
   * failed by the connector's close.
   */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      this.flushed().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), this.drainTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    this.closed = true;
    if (!drained) {
      const dropped = this.queue.splice(0);
      for (let i = 0; i < dropped.length; i++) this.fail(`sink closed after waiting ${this.drainTimeoutMs} ms for the connector: message dropped`);
      this.stats.buffer_length = this.inflight;
    }
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

  /** Starts writes while fewer than the connector's `maxInflight` are pending (1: strictly one at a time). */
  private pump(): void {
    const limit = this.sink.maxInflight ?? 1;
    while (!this.closed && this.queue.length > 0 && this.inflight < limit) {
      const m = this.queue.shift() as SinkMessage;
      this.inflight++;
      const t0 = performance.now();
      this.sink.collect(m).then(
        () => this.done(m, t0, undefined),
        (err: Error) => this.done(m, t0, err),
      );
    }
    this.stats.buffer_length = this.queue.length + this.inflight;
  }

  private done(m: SinkMessage, t0: number, err: Error | undefined): void {
    this.inflight--;
    this.stats.process_latency_us = Math.round((performance.now() - t0) * 1000);
    if (err) this.fail(err.message);
    else this.stats.records_out_total += m.rowCount;
    this.pump();
    if (this.queue.length === 0 && this.inflight === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }

  private fail(message: string): void {
    this.stats.exceptions_total++;
    this.stats.last_exception = message;
    this.stats.last_exception_time = Date.now();
  }
}
