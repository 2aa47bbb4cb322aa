import { Duration } from 'cdk8s';

/**
 * eKuiper's common sink properties, accepted by every sink.
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/overview.html#common-properties
 */
export interface SinkOptions {
  /** Send each result row as its own message instead of the batch as one JSON array. @default false */
  readonly sendSingle?: boolean;
  /** Go-style template applied to each message (`{{.temperature}}`, `{{json .}}`). @default - the JSON encoding */
  readonly dataTemplate?: string;
  /** Skip empty results. @default false */
  readonly omitIfEmpty?: boolean;
  /** Keep only these fields of each row. @default - all fields */
  readonly fields?: readonly string[];
  /** Messages waiting for the connector before new ones are dropped and counted as exceptions. @default 1024 */
  readonly bufferLength?: number;
}

/** MQTT delivery guarantee of a publish. */
export enum MqttQos {
  /** QoS 0: fire and forget. */
  AT_MOST_ONCE = 0,
  /** QoS 1: the publish is retried until the broker's PUBACK. */
  AT_LEAST_ONCE = 1,
}

/**
 * Options of the MQTT sinks ({@link Sink.cloudMqtt}, {@link Sink.localMqtt}); the server comes from the endpoint.
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/mqtt.html
 */
export interface MqttSinkOptions extends SinkOptions {
  /** Topic to publish to; may be a template such as `alarms/{{.deviceId}}`. */
  readonly topic: string;
  /** Publish QoS. @default MqttQos.AT_LEAST_ONCE */
  readonly qos?: MqttQos;
  /** Publish with the retain flag. @default false */
  readonly retained?: boolean;
}

/** Kafka producer acknowledgement level (`requiredACKs`). */
export enum KafkaAcks {
  /** Wait for all in-sync replicas (-1). */
  ALL = -1,
  /** Do not wait (0). */
  NONE = 0,
  /** Wait for the partition leader only (1). */
  LEADER = 1,
}

/** Kafka batch compression codec. */
export enum KafkaCompression {
  /** No compression. */
  NONE = 'none',
  /** gzip (the only codec kafkajs ships). */
  GZIP = 'gzip',
}

/**
 * Options of the Kafka sinks ({@link Sink.cloudKafka}, {@link Sink.edgeKafka}); the brokers come from the endpoint.
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/plugin/kafka.html
 */
export interface KafkaSinkOptions extends SinkOptions {
  /** Topic to produce to. */
  readonly topic: string;
  /** Message key; may be a template such as `{{.deviceId}}`. @default - no key */
  readonly key?: string;
  /** Acknowledgement level. @default KafkaAcks.ALL */
  readonly requiredACKs?: KafkaAcks;
  /** Batch compression. @default KafkaCompression.NONE */
  readonly compression?: KafkaCompression;
}

/** Log level of the log sink's result lines. */
export enum LogLevel {
  /** Debug level. */
  DEBUG = 'debug',
  /** Info level. */
  INFO = 'info',
  /** Warn level. */
  WARN = 'warn',
}

/**
 * Options of {@link Sink.log}.
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/log.html
 */
export interface LogSinkOptions extends SinkOptions {
  /** Level of the result lines. @default LogLevel.INFO */
  readonly level?: LogLevel;
}

/** HTTP method of the REST sink. */
export enum HttpMethod {
  /** POST (the default). */
  POST = 'POST',
  PUT = 'PUT',
  PATCH = 'PATCH',
  GET = 'GET',
  DELETE = 'DELETE',
}

/**
 * Options of {@link Sink.rest}.
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/rest.html
 */
export interface RestSinkOptions extends SinkOptions {
  /** Endpoint URL (http or https). */
  readonly url: string;
  /** HTTP method. @default HttpMethod.POST */
  readonly method?: HttpMethod;
  /** Request headers. @default - none */
  readonly headers?: Readonly<Record<string, string>>;
  /** Request timeout. @default Duration.seconds(5) */
  readonly timeout?: Duration;
  /** Retries after a network error or a 5xx answer. @default 3 */
  readonly retryCount?: number;
  /** Delay between retries. @default Duration.seconds(1) */
  readonly retryInterval?: Duration;
}
