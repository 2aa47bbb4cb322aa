import { CompressionTypes } from 'kafkajs';
import { z } from 'zod';
import type { ConnectorContext } from '../context';
import type { Sink, SinkMessage } from '../sink';
import { ConnectionTracker, type ConnectionStatus } from '../source';
import type { ConnectorSpec } from '../spec';
import { DataTemplate } from '../template';
import type { KafkaProducerLike } from './kafka-client';
import { kafkaConnectionFields, toKafkaConfig } from './kafka-connection';

/**
 * Kafka sink spec: eKuiper's names (`requiredACKs`, also accepted as `acks`). kafkajs ships only the gzip codec, so
 * `compression` accepts `none` and `gzip`.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/plugin/kafka.html
 */
export const kafkaSinkSpec = {
  type: 'kafka',
  summary: 'Produces each result to a Kafka topic',
  schema: z.object({
    ...kafkaConnectionFields,
    topic: z.string().min(1).describe('Topic to produce to'),
    key: z.string().optional().describe('Message key; may be a template such as {{.deviceId}}; @default no key'),
    requiredACKs: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional().describe('Acks: -1 all in-sync replicas, 1 leader, 0 none; @default -1'),
    acks: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional().describe('Alias of requiredACKs'),
    compression: z
      .enum(['none', 'gzip'], { message: 'compression must be "none" or "gzip" (kafkajs ships no snappy, lz4 or zstd codec)' })
      .default('none')
      .describe('Batch compression: none or gzip'),
  }),
} satisfies ConnectorSpec;

/** Parsed Kafka sink properties. */
export type KafkaSinkProps = z.output<typeof kafkaSinkSpec.schema>;

/** Builds the kafkajs record of one message (exported for unit tests of the mapping). */
export function toProducerRecord(props: KafkaSinkProps, key: DataTemplate | undefined, message: SinkMessage) {
  return {
    topic: props.topic,
    acks: props.acks ?? props.requiredACKs ?? -1,
    compression: props.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None,
    messages: [{ value: message.payload, ...(key ? { key: key.render(message.data) } : {}) }],
  };
}

/** Produces each message to `topic` and awaits the broker's acknowledgement (per `requiredACKs`). */
export class KafkaSink implements Sink {
  private producer?: KafkaProducerLike;
  private readonly tracker = new ConnectionTracker();
  private readonly key?: DataTemplate;

  /** @throws Error when the key template is invalid. */
  constructor(
    private readonly props: KafkaSinkProps,
    private readonly ctx: ConnectorContext,
  ) {
    this.key = props.key !== undefined ? DataTemplate.compile(props.key) : undefined;
  }

  /** @throws ConnectorConfigError on invalid SASL/TLS settings; Error when the brokers cannot be reached. */
  async connect(): Promise<void> {
    const client = this.ctx.kafkaFactory(toKafkaConfig(this.props, 'edgestack-sink', `kafka sink "${this.props.topic}"`));
    this.producer = client.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    this.tracker.connected();
  }

  async collect(message: SinkMessage): Promise<void> {
    if (!this.producer) throw new Error(`kafka sink "${this.props.topic}" is not connected`);
    await this.producer.send(toProducerRecord(this.props, this.key, message));
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await producer.disconnect();
  }

  connection(): ConnectionStatus {
    return this.tracker.snapshot();
  }
}

/** Factory registered as sink type `kafka`. */
export function createKafkaSink(props: KafkaSinkProps, ctx: ConnectorContext): Sink {
  return new KafkaSink(props, ctx);
}
