import type { MqttClient } from 'mqtt';
import { z } from 'zod';
import type { ConnectorContext } from '../context';
import type { Sink, SinkMessage } from '../sink';
import { ConnectionTracker, type ConnectionStatus } from '../source';
import type { ConnectorSpec } from '../spec';
import { DataTemplate } from '../template';
import { connectWithBackoff, endClient, waitConnected } from './mqtt-client';
import { brokerUrl, mqttConnectionFields, toClientOptions } from './mqtt-connection';

/**
 * MQTT sink spec: eKuiper's action properties. The topic may be a data template (`devices/{{.deviceId}}/alarms`).
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/mqtt.html
 */
export const mqttSinkSpec = {
  type: 'mqtt',
  summary: 'Publishes each result to an MQTT topic',
  schema: z.object({
    ...mqttConnectionFields,
    topic: z.string().min(1).describe('Topic to publish to; may contain {{.field}} templates'),
    qos: z.union([z.literal(0), z.literal(1)]).default(1).describe('Publish QoS: 0 or 1 (awaits PUBACK)'),
    retained: z.boolean().default(false).describe('Publish with the retain flag'),
    maxInflight: z.number().int().positive().default(1000).describe('Publishes awaiting PUBACK at once (mqtt.js keeps their order)'),
  }),
} satisfies ConnectorSpec;

/** Parsed MQTT sink properties. */
export type MqttSinkProps = z.output<typeof mqttSinkSpec.schema>;

/** Publishes each message's payload; QoS 1 publishes resolve on PUBACK. */
export class MqttSink implements Sink {
  private client?: MqttClient;
  private readonly tracker = new ConnectionTracker();
  private readonly topic: DataTemplate;
  /** Pending publishes allowed at once (`maxInflight`). */
  readonly maxInflight: number;

  /** @throws Error when the topic template is invalid. */
  constructor(
    private readonly props: MqttSinkProps,
    private readonly ctx: ConnectorContext,
  ) {
    this.topic = DataTemplate.compile(props.topic);
    this.maxInflight = props.maxInflight;
  }

  /** @throws ConnectorConfigError when no server is set or a TLS file cannot be read. */
  async connect(): Promise<void> {
    const where = `mqtt sink "${this.props.topic}"`;
    const url = brokerUrl(this.props, where);
    const backoff = { minMs: this.props.reconnectMinMs, maxMs: this.props.reconnectMaxMs };
    this.client = connectWithBackoff(url, toClientOptions(this.props, where), backoff, this.tracker, this.ctx.logger, () => undefined);
    await waitConnected(this.client, this.props.connectTimeoutMs);
  }

  collect(message: SinkMessage): Promise<void> {
    const client = this.client;
    if (!client) return Promise.reject(new Error(`mqtt sink "${this.props.topic}" is not connected`));
    const topic = this.topic.isConstant ? this.props.topic : this.topic.render(message.data);
    return new Promise((resolve, reject) => {
      client.publish(topic, message.payload, { qos: this.props.qos, retain: this.props.retained }, (err) =>
        err ? reject(new Error(`mqtt sink publish to "${topic}" failed: ${err.message}`)) : resolve(),
      );
    });
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

/** Factory registered as sink type `mqtt`. */
export function createMqttSink(props: MqttSinkProps, ctx: ConnectorContext): Sink {
  return new MqttSink(props, ctx);
}
