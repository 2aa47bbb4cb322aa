import { Kafka, type ConsumerConfig, type ConsumerCrashEvent, type ConsumerGroupJoinEvent, type ConsumerRunConfig, type ConsumerSubscribeTopics, type KafkaConfig, type ProducerConfig, type ProducerRecord } from 'kafkajs';

/** The part of a kafkajs `Producer` the sink uses. */
export interface KafkaProducerLike {
  connect(): Promise<void>;
  send(record: ProducerRecord): Promise<unknown>;
  disconnect(): Promise<void>;
}

/** The part of a kafkajs `Consumer` the source uses. */
export interface KafkaConsumerLike {
  connect(): Promise<void>;
  subscribe(subscription: ConsumerSubscribeTopics): Promise<void>;
  run(config: ConsumerRunConfig): Promise<void>;
  disconnect(): Promise<void>;
  /** The consumer stopped on an error; kafkajs restarts it when `payload.restart` is true. */
  on(eventName: 'consumer.crash', listener: (event: ConsumerCrashEvent) => void): unknown;
  /** The consumer joined its group (after a connect or a restart). */
  on(eventName: 'consumer.group_join', listener: (event: ConsumerGroupJoinEvent) => void): unknown;
}

/** The part of a kafkajs `Kafka` client the connectors use: the boundary where tests put a fake. */
export interface KafkaClientLike {
  producer(config?: ProducerConfig): KafkaProducerLike;
  consumer(config: ConsumerConfig): KafkaConsumerLike;
}

/** Creates a Kafka client from kafkajs options. */
export type KafkaClientFactory = (config: KafkaConfig) => KafkaClientLike;

/** The production factory: `new Kafka(config)` from kafkajs. @see https://kafka.js.org/docs/configuration */
export const kafkajsFactory: KafkaClientFactory = (config) => new Kafka(config);
