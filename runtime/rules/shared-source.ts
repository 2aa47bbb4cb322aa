import type { MessageMeta, StreamDefinition } from '../engine/contract';
import type { ConnectionStatus, Source, SourceMessage } from '../connectors/source';

/** What a rule receives from a source: messages within the payload limit, and rejected ones. */
export interface SourceSubscriber {
  onMessage(payload: SourceMessage['payload'], meta: MessageMeta): void;
  /** A message refused before decoding (e.g. over the payload limit), with the reason. */
  onRejected(reason: string): void;
  /** A connector error that lost no message (e.g. a refused subscription); counted, not sent as a row. */
  onError(error: Error): void;
}

/**
 * One opened connector instance of a stream, fanned out to its subscribers. A SHARED stream has one instance for
 * all rules; any other stream gets one per rule (eKuiper's semantics).
 *
 * @see https://ekuiper.org/docs/en/latest/guide/streams/overview.html#share-source-instance-across-rules
 */
export class SharedSource {
  private readonly subscribers = new Set<SourceSubscriber>();
  private opened?: Promise<void>;

  /**
   * @param maxPayloadBytes messages larger than this are rejected before decoding
   */
  constructor(
    readonly stream: StreamDefinition,
    private readonly source: Source,
    private readonly maxPayloadBytes: number,
  ) {}

  /** Number of subscribers. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Adds a subscriber, opening the connector on first use. Rejects when the connector cannot be configured. */
  async subscribe(subscriber: SourceSubscriber): Promise<void> {
    this.subscribers.add(subscriber);
    this.opened ??= this.source.open({
      onMessage: (m) => this.deliver(m),
      onError: (err) => {
        for (const s of this.subscribers) s.onError(err);
      },
    });
    try {
      await this.opened;
    } catch (err) {
      this.subscribers.delete(subscriber);
      throw err;
    }
  }

  /** Removes a subscriber; returns true when none is left (the caller then closes the instance). */
  unsubscribe(subscriber: SourceSubscriber): boolean {
    this.subscribers.delete(subscriber);
    return this.subscribers.size === 0;
  }

  /** Closes the connector. */
  close(): Promise<void> {
    return this.source.close();
  }

  /** Connection status of the connector. */
  connection(): ConnectionStatus {
    return this.source.connection();
  }

  /**
   * Fans `message` out. A subscriber that throws gets the error through its `onError` (counted by its rule); the
   * other subscribers still receive the message and the connector's event loop is not disturbed.
   */
  private deliver(message: SourceMessage): void {
    const payload = message.payload;
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload instanceof Uint8Array ? payload.byteLength : 0;
    const rejected = size > this.maxPayloadBytes ? `payload of ${size} bytes exceeds the limit of ${this.maxPayloadBytes} bytes (source.maxPayloadBytes)` : undefined;
    for (const s of this.subscribers) {
      try {
        if (rejected !== undefined) s.onRejected(rejected);
        else s.onMessage(payload, message.meta);
      } catch (err) {
        s.onError(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }
}
