import type { IClientPublishOptions } from 'mqtt';
import { z } from 'zod';
import type { ConnectorContext } from '../context';
import type { Sink, SinkMessage } from '../sink';
import type { ConnectionStatus } from '../source';
import type { ConnectorSpec } from '../spec';
import { DataTemplate } from '../template';
import { mqttConnectionFields } from './mqtt-connection';
import { MqttEndpoint } from './mqtt-endpoint';

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
  private readonly endpoint: MqttEndpoint;
  /** The compiled topic template; undefined when the topic is a constant string. */
  private readonly topicTemplate?: DataTemplate;
  private readonly publishOptions: IClientPublishOptions;
  /** Pending publishes allowed at once (`maxInflight`). */
  readonly maxInflight: number;

  /** @throws Error when the topic template is invalid. */
  constructor(
    private readonly props: MqttSinkProps,
    ctx: ConnectorContext,
  ) {
    const topic = DataTemplate.compile(props.topic);
    this.topicTemplate = topic.isConstant ? undefined : topic;
    this.publishOptions = { qos: props.qos, retain: props.retained };
    this.maxInflight = props.maxInflight;
    this.endpoint = new MqttEndpoint(props, `mqtt sink "${props.topic}"`, ctx.logger);
  }

  /**
   * Connects; resolves once connected or after `connectTimeoutMs` (publishes are queued by mqtt.js meanwhile).
   * @throws ConnectorConfigError when no server is set or a TLS file cannot be read.
   */
  async connect(): Promise<void> {
    await this.endpoint.waitConnected(this.endpoint.connect());
  }

  /** Publishes `message.payload`; resolves when written (QoS 0) or on PUBACK (QoS 1). Rejects naming the topic. */
  collect(message: SinkMessage): Promise<void> {
    const client = this.endpoint.client;
    if (!client) return Promise.reject(new Error(`mqtt sink "${this.props.topic}" is not connected`));
    const topic = this.topicTemplate ? this.topicTemplate.render(message.data) : this.props.topic;
    return new Promise((resolve, reject) => {
      client.publish(topic, message.payload, this.publishOptions, (err) =>
        err ? reject(new Error(`mqtt sink publish to "${topic}" failed: ${err.message}`)) : resolve(),
      );
    });
  }

  close(): Promise<void> {
    return this.endpoint.close();
  }

  connection(): ConnectionStatus {
    return this.endpoint.connection();
  }
}

/** Factory registered as sink type `mqtt`. */
export function createMqttSink(props: MqttSinkProps, ctx: ConnectorContext): Sink {
  return new MqttSink(props, ctx);
}
