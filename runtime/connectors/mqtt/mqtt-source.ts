import { z } from 'zod';
import type { ConnectorContext } from '../context';
import type { ConnectionStatus, Source, SourceListener } from '../source';
import type { ConnectorSpec } from '../spec';
import { mqttConnectionFields } from './mqtt-connection';
import { MqttEndpoint } from './mqtt-endpoint';

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
  private readonly endpoint: MqttEndpoint;
  private readonly where: string;

  /** @param topic the topic filter (DATASOURCE), e.g. `devices/+/messages`. */
  constructor(
    private readonly props: MqttSourceProps,
    private readonly topic: string,
    ctx: ConnectorContext,
  ) {
    this.where = `mqtt source "${topic}"`;
    this.endpoint = new MqttEndpoint(props, this.where, ctx.logger);
  }

  /**
   * Connects and subscribes (again after every reconnection). Resolves once subscribed, or after
   * `connectTimeoutMs` when the broker is unreachable (the client keeps retrying in the background).
   * @throws ConnectorConfigError when no server is set or a TLS file cannot be read.
   */
  async open(listener: SourceListener): Promise<void> {
    let subscribedOnce: () => void = () => undefined;
    const subscribed = new Promise<void>((resolve) => {
      subscribedOnce = resolve;
    });
    const client = this.endpoint.connect((c) => {
      c.subscribe(this.topic, { qos: this.props.qos }, (err, granted) => {
        if (err) listener.onError(new Error(`${this.where}: subscribe failed: ${err.message}`));
        else if (granted?.some((g) => g.qos === 128)) listener.onError(new Error(`${this.where}: the broker refused the subscription (check its ACL)`));
        subscribedOnce();
      });
    });
    client.on('message', (topic, payload, packet) => {
      listener.onMessage({ payload, meta: { topic, qos: packet.qos, messageId: packet.messageId ?? 0 } });
    });
    if (await this.endpoint.waitConnected(client)) await subscribed;
  }

  close(): Promise<void> {
    return this.endpoint.close();
  }

  connection(): ConnectionStatus {
    return this.endpoint.connection();
  }
}

/** Factory registered as source type `mqtt`. */
export function createMqttSource(props: MqttSourceProps, datasource: string, ctx: ConnectorContext): Source {
  return new MqttSource(props, datasource, ctx);
}
