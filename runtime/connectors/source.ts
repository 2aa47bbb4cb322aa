import type { MessageMeta } from '../engine/contract';

/** One message read by a source: raw bytes (decoded later by the stream's FORMAT) or an already decoded object. */
export interface SourceMessage {
  readonly payload: Uint8Array | string | Readonly<Record<string, unknown>>;
  /** Read by `meta(key)` in SQL, e.g. `{ topic, qos, messageId }` for MQTT. */
  readonly meta: MessageMeta;
}

/** Receives what a source reads. Both callbacks must not throw. */
export interface SourceListener {
  onMessage(message: SourceMessage): void;
  /** A non-fatal error (decode failure upstream, a failed reconnect attempt). */
  onError(error: Error): void;
}

/** Connection states reported in rule status as `source_<stream>_0_connection_status` (1, 0, -1). */
export type ConnectionState = 'connected' | 'connecting' | 'disconnected';

/** A snapshot of a connector's connection, for rule status. Times in ms since epoch, 0 when never. */
export interface ConnectionStatus {
  readonly state: ConnectionState;
  readonly lastConnectedTime: number;
  readonly lastDisconnectedTime: number;
  readonly lastDisconnectedMessage: string;
  /** How many times the connection was lost since open. */
  readonly disconnections: number;
}

/**
 * A push source (eKuiper's `TupleSource`/`BytesSource`). Lifecycle: created from validated properties,
 * `open` (connect and subscribe; reconnects on its own with back-off), `close`.
 *
 * @see https://ekuiper.org/docs/en/latest/extension/native/develop/source.html
 */
export interface Source {
  /**
   * Connects and starts delivering messages to `listener`. Resolves once subscribed; rejects only on
   * configuration errors that no retry can fix (transient failures are retried in the background).
   */
  open(listener: SourceListener): Promise<void>;
  /** Stops delivery and releases the connection. Idempotent. */
  close(): Promise<void>;
  /** Current connection status. */
  connection(): ConnectionStatus;
}

/** Mutable connection status tracker shared by connectors. */
export class ConnectionTracker {
  private status: ConnectionStatus = {
    state: 'connecting',
    lastConnectedTime: 0,
    lastDisconnectedTime: 0,
    lastDisconnectedMessage: '',
    disconnections: 0,
  };

  /** Marks the connection as up, at `now` (ms). */
  connected(now = Date.now()): void {
    this.status = { ...this.status, state: 'connected', lastConnectedTime: now };
  }

  /** Marks the connection as lost, with the reason, at `now` (ms). Repeated calls while down count once. */
  disconnected(reason: string, now = Date.now()): void {
    const wasUp = this.status.state === 'connected';
    this.status = {
      ...this.status,
      state: 'disconnected',
      lastDisconnectedTime: wasUp ? now : this.status.lastDisconnectedTime || now,
      lastDisconnectedMessage: reason || this.status.lastDisconnectedMessage,
      disconnections: this.status.disconnections + (wasUp ? 1 : 0),
    };
  }

  /** Marks a (re)connect attempt in progress. */
  connecting(): void {
    if (this.status.state !== 'connected') this.status = { ...this.status, state: 'connecting' };
  }

  /** The current snapshot. */
  snapshot(): ConnectionStatus {
    return this.status;
  }
}
