import type { MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { ConnectionTracker, type ConnectionStatus } from '../source';
import { connectWithBackoff, endClient, waitConnected } from './mqtt-client';
import { brokerUrl, type MqttConnectionProps, toClientOptions } from './mqtt-connection';

/**
 * The connection half shared by the MQTT source and sink: one mqtt.js client built from the connection properties
 * (server, credentials, TLS, back-off), its connection status, and an idempotent close.
 */
export class MqttEndpoint {
  private current?: MqttClient;
  private readonly tracker = new ConnectionTracker();

  /**
   * @param props the connector's parsed connection properties
   * @param where names the connector in errors, e.g. `mqtt source "devices/+/messages"`
   */
  constructor(
    private readonly props: MqttConnectionProps,
    private readonly where: string,
    private readonly logger: Logger,
  ) {}

  /** The client, while connected or reconnecting; undefined before {@link connect} and after {@link close}. */
  get client(): MqttClient | undefined {
    return this.current;
  }

  /**
   * Creates the client; it reconnects with back-off (`reconnectMinMs` doubling up to `reconnectMaxMs`) and runs
   * `onConnect` after every (re)connection.
   * @throws ConnectorConfigError when no server is set or a TLS file cannot be read.
   */
  connect(onConnect: (client: MqttClient) => void = () => undefined): MqttClient {
    const url = brokerUrl(this.props, this.where);
    const backoff = { minMs: this.props.reconnectMinMs, maxMs: this.props.reconnectMaxMs };
    this.current = connectWithBackoff(url, toClientOptions(this.props, this.where), backoff, this.tracker, this.logger, onConnect);
    return this.current;
  }

  /** Resolves true once connected, false after `connectTimeoutMs` (the client keeps retrying in the background). */
  waitConnected(client: MqttClient): Promise<boolean> {
    return waitConnected(client, this.props.connectTimeoutMs);
  }

  /** Ends the client (forced: pending QoS 1 publishes fail). Idempotent. */
  async close(): Promise<void> {
    const client = this.current;
    this.current = undefined;
    if (client) await endClient(client);
  }

  /** Current connection status. */
  connection(): ConnectionStatus {
    return this.tracker.snapshot();
  }
}
