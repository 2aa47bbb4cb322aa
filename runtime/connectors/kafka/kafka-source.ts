import { z } from 'zod';
import type { ConnectorContext } from '../context';
import { ConnectionTracker, type ConnectionStatus, type Source, type SourceListener } from '../source';
import type { ConnectorSpec } from '../spec';
import type { KafkaConsumerLike } from './kafka-client';
import { kafkaConnectionFields, toKafkaConfig } from './kafka-connection';

/**
 * Kafka source spec. The topic is the stream's DATASOURCE; the rest comes from the CONF_KEY section
 * (`sources.kafka.<confKey>`, env `KAFKA_SOURCE__<KEY>__<PROP>`).
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sources/plugin/kafka.html
 */
export const kafkaSourceSpec = {
  type: 'kafka',
  summary: 'Consumes a Kafka topic in a consumer group; meta(topic|partition|offset|key|timestamp) per message',
  schema: z.object({
    ...kafkaConnectionFields,
    groupID: z.string().min(1).default('edgestack').describe('Consumer group id'),
    offset: z.enum(['earliest', 'latest']).default('latest').describe('Where a new group starts: earliest (from the beginning) or latest'),
  }),
} satisfies ConnectorSpec;

/** Parsed Kafka source properties. */
export type KafkaSourceProps = z.output<typeof kafkaSourceSpec.schema>;

/** Consumes `topic`; each record's value is delivered as bytes with its coordinates as metadata. */
export class KafkaSource implements Source {
  private consumer?: KafkaConsumerLike;
  private readonly tracker = new ConnectionTracker();

  constructor(
    private readonly props: KafkaSourceProps,
    private readonly topic: string,
    private readonly ctx: ConnectorContext,
  ) {}

  /**
   * Connects, subscribes and starts consuming. A consumer crash is reported to `listener.onError` and as a
   * disconnection in the status; rejoining the group marks it connected again.
   * @throws ConnectorConfigError on invalid SASL/TLS settings; Error when the brokers cannot be reached.
   */
  async open(listener: SourceListener): Promise<void> {
    const where = `kafka source "${this.topic}"`;
    const client = this.ctx.kafkaFactory(toKafkaConfig(this.props, `edgestack-${this.props.groupID}`, where));
    const consumer = client.consumer({ groupId: this.props.groupID });
    this.consumer = consumer;
    consumer.on('consumer.crash', ({ payload }) => {
      this.tracker.disconnected(payload.error.message);
      listener.onError(new Error(`${where}: consumer stopped${payload.restart ? ' (kafkajs restarts it)' : ''}: ${payload.error.message}`));
    });
    consumer.on('consumer.group_join', () => this.tracker.connected());
    await consumer.connect();
    this.tracker.connected();
    await consumer.subscribe({ topics: [this.topic], fromBeginning: this.props.offset === 'earliest' });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        if (!message.value) return;
        listener.onMessage({
          payload: message.value,
          meta: {
            topic,
            partition,
            offset: message.offset,
            key: message.key ? message.key.toString() : null,
            timestamp: Number(message.timestamp),
          },
        });
      },
    });
  }

  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) {
      await consumer.disconnect();
      this.tracker.disconnected('closed');
    }
  }

  connection(): ConnectionStatus {
    return this.tracker.snapshot();
  }
}

/** Factory registered as source type `kafka`. */
export function createKafkaSource(props: KafkaSourceProps, datasource: string, ctx: ConnectorContext): Source {
  return new KafkaSource(props, datasource, ctx);
}
