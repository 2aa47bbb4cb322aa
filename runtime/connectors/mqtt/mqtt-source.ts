import type { MqttClient } from 'mqtt';
import { z } from 'zod';
import type { ConnectorContext } from '../context';
import { ConnectionTracker, type ConnectionStatus, type Source, type SourceListener } from '../source';
import type { ConnectorSpec } from '../spec';
import { connectWithBackoff, endClient, waitConnected } from './mqtt-client';
import { brokerUrl, mqttConnectionFields, toClientOptions } from './mqtt-connection';

/**
 * MQTT source spec. The topic (wildcards `+` and `#` allowed) is the stream's DATASOURCE; the other properties
 * come from the stream's CONF_KEY section of the config (`sources.mqtt.<confKey>`, env `MQTT_SOURCE__<KEY>__<PROP>`).
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sources/builtin/mqtt.html
 */
export const mqttSourceSpec = {
  type: 'mqtt',
  summary: 'Subscribes to an MQTT topic filter; meta(topic), meta(qos) and meta(messageId) are set per message',
  schema: z.object({
    ...mqttConnectionFields,
    qos: z.union([z.literal(0), z.literal(1)]).default(1).describe('Subscription QoS: 0 or 1'),
  }),
} satisfies ConnectorSpec;

/** Parsed MQTT source properties. */
export type MqttSourceProps = z.output<typeof mqttSourceSpec.schema>;

/** Subscribes to `topic` and delivers each message's bytes with its topic, QoS and message id as metadata. */
export class MqttSource implements Source {
  private client?: MqttClient;
  private readonly tracker = new ConnectionTracker();

  /** @param topic the topic filter (DATASOURCE), e.g. `devices/+/messages`. */
  constructor(
    private readonly props: MqttSourceProps,
    private readonly topic: string,
    private readonly ctx: ConnectorContext,
  ) {}

  /** @throws ConnectorConfigError when no server is set or a TLS file cannot be read. */
  async open(listener: SourceListener): Promise<void> {
    const where = `mqtt source "${this.topic}"`;
    const url = brokerUrl(this.props, where);
    const options = toClientOptions(this.props, where);
    const backoff = { minMs: this.props.reconnectMinMs, maxMs: this.props.reconnectMaxMs };
    const subscribed = new Promise<void>((resolve) => {
      this.client = connectWithBackoff(url, options, backoff, this.tracker, this.ctx.logger, (client) => {
        client.subscribe(this.topic, { qos: this.props.qos }, (err, granted) => {
          if (err) listener.onError(new Error(`${where}: subscribe failed: ${err.message}`));
          else if (granted?.some((g) => g.qos === 128)) listener.onError(new Error(`${where}: the broker refused the subscription (check its ACL)`));
          resolve();
        });
      });
    });
    this.client?.on('message', (topic, payload, packet) => {
      listener.onMessage({ payload, meta: { topic, qos: packet.qos, messageId: packet.messageId ?? 0 } });
    });
    const client = this.client as MqttClient;
    if (await waitConnected(client, this.props.connectTimeoutMs)) await subscribed;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await endClient(client);
  }

  connection(): ConnectionStatus {
    return this.tracker.snapshot();
  }
}

/** Factory registered as source type `mqtt`. */
export function createMqttSource(props: MqttSourceProps, datasource: string, ctx: ConnectorContext): Source {
  return new MqttSource(props, datasource, ctx);
}
