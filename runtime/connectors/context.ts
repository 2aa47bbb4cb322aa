import type { Logger } from 'pino';
import { MemoryBus } from './memory/memory-bus';
import { type KafkaClientFactory, kafkajsFactory } from './kafka/kafka-client';

/**
 * Services handed to every connector factory.
 * @see https://ekuiper.org/docs/en/latest/extension/native/develop/source.html
 */
export interface ConnectorContext {
  /** Logger bound to the rule or stream; never given secrets. */
  readonly logger: Logger;
  /** In-process pub/sub used by the memory source and sink. */
  readonly memoryBus: MemoryBus;
  /** Creates kafkajs clients; injected so tests can put a fake at the kafkajs boundary. */
  readonly kafkaFactory: KafkaClientFactory;
}

/**
 * Builds a connector context with defaults for what is not given.
 * @param services.memoryBus @default a new bus
 * @param services.kafkaFactory @default kafkajs
 */
export function createConnectorContext(services: {
  logger: Logger;
  memoryBus?: MemoryBus;
  kafkaFactory?: KafkaClientFactory;
}): ConnectorContext {
  return {
    logger: services.logger,
    memoryBus: services.memoryBus ?? new MemoryBus(),
    kafkaFactory: services.kafkaFactory ?? kafkajsFactory,
  };
}
