import type { StreamDefinition } from '../engine/contract';
import type { ConnectorContext } from '../connectors/context';
import type { ConnectorRegistry } from '../connectors/registry';
import type { ConnectionDefaults } from './connection-defaults';
import { SharedSource, type SourceSubscriber } from './shared-source';

/** A rule's hold on a stream's source instance. */
export interface SourceLease {
  readonly instance: SharedSource;
  /** Unsubscribes and closes the instance when it was the last user. */
  release(): Promise<void>;
}

/** Options of {@link SourcePool}. */
export interface SourcePoolOptions {
  readonly registry: ConnectorRegistry;
  readonly context: ConnectorContext;
  readonly connections: ConnectionDefaults;
  /** Largest accepted message, in bytes. @default 1048576 (1 MiB) */
  readonly maxPayloadBytes?: number;
}

/** Default payload limit: 1 MiB. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

/**
 * Creates and reference-counts source instances. A stream with `SHARED="true"` maps to one instance keyed by the
 * stream name; other streams get an instance per rule. An instance is closed when its last lease is released.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/streams/overview.html#share-source-instance-across-rules
 */
export class SourcePool {
  private readonly instances = new Map<string, SharedSource>();

  constructor(private readonly options: SourcePoolOptions) {}

  /**
   * Subscribes `subscriber` (rule `ruleId`) to `stream`'s source, opening it on first use. The stream's `TYPE`
   * (@default `mqtt`) and `CONF_KEY` (@default `default`) select the connector and its config section; its
   * `DATASOURCE` (@default the stream name) is the topic.
   * @throws UnknownConnectorError | ConnectorConfigError when the stream's TYPE or its properties are invalid, or
   *   the connector's error when it cannot open.
   */
  async acquire(stream: StreamDefinition, ruleId: string, subscriber: SourceSubscriber): Promise<SourceLease> {
    const shared = (stream.options.SHARED ?? '').toLowerCase() === 'true';
    const key = shared ? `shared/${stream.kind}/${stream.name}` : `rule/${ruleId}/${stream.kind}/${stream.name}`;
    let instance = this.instances.get(key);
    if (!instance) {
      const type = (stream.options.TYPE ?? 'mqtt').toLowerCase();
      const confKey = stream.options.CONF_KEY ?? 'default';
      const props = this.options.connections.source(type, confKey);
      const where = `${stream.kind} ${stream.name}`;
      const source = this.options.registry.createSource(type, props, stream.options.DATASOURCE ?? stream.name, this.options.context, where);
      instance = new SharedSource(stream, source, this.options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES);
      this.instances.set(key, instance);
    }
    const held = instance;
    try {
      await held.subscribe(subscriber);
    } catch (err) {
      if (held.size === 0) {
        this.instances.delete(key);
        await held.close().catch(() => undefined);
      }
      throw err;
    }
    return {
      instance: held,
      release: async () => {
        if (held.unsubscribe(subscriber) && this.instances.get(key) === held) {
          this.instances.delete(key);
          await held.close();
        }
      },
    };
  }

  /** Number of open source instances (for tests and metrics). */
  get openInstances(): number {
    return this.instances.size;
  }
}
