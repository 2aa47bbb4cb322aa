/**
 * The contract between the engine core (pure: no I/O, no timers) and its hosts: the service (`edgestack serve`,
 * connectors, REST), deterministic replay and the conformance runner.
 *
 * The core compiles a rule's SQL into a topology of pure operators. A host feeds each rule with source messages
 * ({@link RuleTopology.ingest}), moves processing time forward ({@link RuleTopology.advance}), and receives every
 * emitted batch through {@link RuleTopology.onOutput}. Sinks are the host's: the core ends at the encoded rows.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 * @see https://ekuiper.org/docs/en/latest/guide/streams/overview.html
 */

/** A JSON-like value inside the engine (see `runtime/functions/types.ts` for the numeric conventions). */
export type { Value } from '../functions/types';

/** A source of processing time, in ms since the epoch. Injected so tests and replay are deterministic. */
export interface Clock {
  /** Current time in ms since the epoch. */
  now(): number;
}

/** eKuiper rule options understood by the core. Unknown options are kept and ignored. */
export interface RuleOptions {
  /** Use the stream's TIMESTAMP field as event time, with watermarks. @default false */
  readonly isEventTime?: boolean;
  /**
   * Allowed lateness of events under event time, in ms. @default 0 (eKuiper's default: late events are dropped;
   * see docs/en_US/guide/rules/overview.md, "lateTolerance int64:0")
   */
  readonly lateTolerance?: number;
  /** Emit runtime errors as `{ "error": "..." }` rows to the sinks. @default true (eKuiper's default) */
  readonly sendError?: boolean;
  /** Keep null fields in output rows instead of omitting them. @default false */
  readonly sendNilField?: boolean;
  /** Capacity of each node's input buffer, in rows. @default 1024 */
  readonly bufferLength?: number;
  readonly [option: string]: unknown;
}

/**
 * eKuiper's rule JSON: `{ "id": "rule1", "sql": "SELECT ...", "actions": [{ "mqtt": {...} }, { "log": {} }] }`.
 * Each action is an object with exactly one key, the sink type, whose value is that sink's properties.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html#rule-properties
 */
export interface RuleDefinition {
  readonly id: string;
  readonly sql: string;
  readonly actions: ReadonlyArray<Readonly<Record<string, Readonly<Record<string, unknown>>>>>;
  readonly options?: RuleOptions;
  /** Optional human-readable name. */
  readonly name?: string;
}

/** A stream or table as the catalog stores it. */
export interface StreamDefinition {
  readonly name: string;
  readonly kind: 'stream' | 'table';
  /** The CREATE statement as given (persisted as text). */
  readonly sql: string;
  /** Declared columns; empty for a schemaless stream. */
  readonly columns: ReadonlyArray<{ readonly name: string; readonly type: string }>;
  /** WITH options, keys upper-cased (DATASOURCE, FORMAT, TYPE, KEY, TIMESTAMP, SHARED, CONF_KEY, ...). */
  readonly options: Readonly<Record<string, string>>;
}

/** Source metadata of one message, read by `meta(key)`: e.g. `{ topic: 'devices/d1/messages', qos: 1 }`. */
export type MessageMeta = Readonly<Record<string, unknown>>;

/** Counters of one topology node, under eKuiper's metric names (without the node prefix). */
export interface NodeMetrics {
  records_in_total: number;
  records_out_total: number;
  exceptions_total: number;
  /** Latency of the last processed record, in µs. */
  process_latency_us: number;
  /** Rows waiting in the node's buffer. */
  buffer_length: number;
  /** Time of the last record, ms since epoch; 0 before the first. */
  last_invocation: number;
  last_exception: string;
  /** Time of the last exception, ms since epoch; 0 when none. */
  last_exception_time: number;
}

/** One emitted batch: the rows of one sink write, already projected (nulls omitted unless `sendNilField`). */
export type OutputBatch = ReadonlyArray<Readonly<Record<string, unknown>>>;

/** A compiled, runnable rule. Pure: every input and all time come from the host. */
export interface RuleTopology {
  readonly id: string;
  readonly definition: RuleDefinition;
  /** Streams and tables the rule reads, with their definitions, in FROM/JOIN order. */
  readonly sources: ReadonlyArray<StreamDefinition>;
  /**
   * Feeds one message of `source` (a stream or table name used by the rule). Bytes and strings are decoded by the
   * stream's FORMAT; objects are taken as decoded. A decode or type error is counted on the source node and, under
   * `sendError`, emitted as an error row; it never throws.
   * @param arrivalTime processing time of arrival, ms; @default clock.now()
   */
  ingest(source: string, payload: Uint8Array | string | Readonly<Record<string, unknown>>, meta?: MessageMeta, arrivalTime?: number): void;
  /**
   * (Re)starts the rule's processing time at `now` ms: `rule_start()` and the first processing-time window are
   * measured from it. The engine calls it at creation with the clock's time. Additive to the original contract.
   * @default clock.now()
   */
  start?(now?: number): void;
  /** Moves processing time to `now` (ms), firing every processing-time window that ends at or before it. */
  advance(now: number): void;
  /** The next processing time (ms) at which {@link advance} has work to do, if any. */
  nextDeadline(): number | undefined;
  /** End of input: raises the watermark to +∞ and fires every open window. */
  flush(): void;
  /** Registers a listener for emitted batches, in emission order. Returns a function that removes it. */
  onOutput(listener: (batch: OutputBatch) => void): () => void;
  /**
   * Metrics of the source and operator nodes, keyed as eKuiper's rule status: `source_<stream>_0_<metric>`,
   * `op_<n>_<name>_0_<metric>` (sink keys are added by the host).
   */
  metrics(): Record<string, number | string>;
  /** The topology as eKuiper's `GET /rules/{id}/topo`: source names and edges between node names. */
  topo(sinkNodeNames: readonly string[]): { sources: string[]; edges: Record<string, string[]> };
  /** A stable multi-line description of the logical plan, as `GET /rules/{id}/explain`. */
  explain(): string;
}
