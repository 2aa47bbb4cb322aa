import { createFileSink, fileSinkSpec } from './file/file-sink';
import { createKafkaSink, kafkaSinkSpec } from './kafka/kafka-sink';
import { createKafkaSource, kafkaSourceSpec } from './kafka/kafka-source';
import { createLogSink, logSinkSpec } from './log/log-sink';
import { createMemorySink, memorySinkSpec } from './memory/memory-sink';
import { createMemorySource, memorySourceSpec } from './memory/memory-source';
import { createMqttSink, mqttSinkSpec } from './mqtt/mqtt-sink';
import { createMqttSource, mqttSourceSpec } from './mqtt/mqtt-source';
import { ConnectorRegistry } from './registry';
import { createRestSink, restSinkSpec } from './rest/rest-sink';

/**
 * Creates a registry holding the built-in connectors: sources mqtt, kafka, memory; sinks mqtt, kafka, log,
 * memory, rest, file (eKuiper's `internal/binder/io/builtin.go`).
 */
export function builtinConnectors(): ConnectorRegistry {
  const registry = new ConnectorRegistry();
  registry.registerSource(mqttSourceSpec, createMqttSource);
  registry.registerSource(kafkaSourceSpec, createKafkaSource);
  registry.registerSource(memorySourceSpec, createMemorySource);
  registry.registerSink(mqttSinkSpec, createMqttSink);
  registry.registerSink(kafkaSinkSpec, createKafkaSink);
  registry.registerSink(logSinkSpec, createLogSink);
  registry.registerSink(memorySinkSpec, createMemorySink);
  registry.registerSink(restSinkSpec, createRestSink);
  registry.registerSink(fileSinkSpec, createFileSink);
  return registry;
}
