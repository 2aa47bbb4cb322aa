import type { ConnectionStatus } from './source';

/**
 * One message for a sink: the encoded payload (JSON or the rendered `dataTemplate`) and the data it came from
 * (one row under `sendSingle`, else the batch), for per-message templating such as the MQTT topic.
 */
export interface SinkMessage {
  readonly payload: string;
  readonly data: Readonly<Record<string, unknown>> | ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Number of rows in this message. */
  readonly rowCount: number;
}

/**
 * A sink (eKuiper's `BytesCollector`). Lifecycle: created from validated properties, `connect`,
 * `collect` per message (awaited in order by the host), `close`.
 *
 * @see https://ekuiper.org/docs/en/latest/extension/native/develop/sink.html
 */
export interface Sink {
  /** Opens the connection. Rejects when the target cannot be reached after the connector's own retries. */
  connect(): Promise<void>;
  /**
   * Writes one message. Rejects with an error naming the target on failure (counted by the host as an
   * exception of the sink node; the rule keeps running).
   */
  collect(message: SinkMessage): Promise<void>;
  /** Flushes and releases resources. Idempotent. */
  close(): Promise<void>;
  /**
   * How many `collect` calls may be pending at once. Above 1, the connector must keep the order of messages
   * itself (mqtt.js sends publishes in call order). @default 1 (each write awaited before the next)
   */
  readonly maxInflight?: number;
  /** Connection status, for sinks that hold a connection. */
  connection?(): ConnectionStatus;
}
