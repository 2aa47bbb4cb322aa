import type { ConsumerConfig, ConsumerRunConfig, ConsumerSubscribeTopics, KafkaConfig, ProducerRecord } from 'kafkajs';
import { CompressionTypes, Kafka } from 'kafkajs';
import pino from 'pino';
import { createConnectorContext } from '../../../runtime/connectors/context';
import type { KafkaClientFactory, KafkaClientLike } from '../../../runtime/connectors/kafka/kafka-client';
import { toKafkaConfig } from '../../../runtime/connectors/kafka/kafka-connection';
import { KafkaSink, kafkaSinkSpec } from '../../../runtime/connectors/kafka/kafka-sink';
import { KafkaSource, kafkaSourceSpec } from '../../../runtime/connectors/kafka/kafka-source';
import type { SourceMessage } from '../../../runtime/connectors/source';
import { parseConnectorProps } from '../../../runtime/connectors/spec';

/** A fake at the kafkajs boundary: records what the connectors ask of kafkajs and lets the test deliver records. */
class FakeKafka implements KafkaClientLike {
  readonly configs: KafkaConfig[] = [];
  readonly sent: ProducerRecord[] = [];
  readonly subscriptions: ConsumerSubscribeTopics[] = [];
  readonly groups: string[] = [];
  run?: ConsumerRunConfig;
  readonly listeners = new Map<string, (event: unknown) => void>();
  factory: KafkaClientFactory = (config) => {
    this.configs.push(config);
    return this;
  };
  producer() {
    return {
      connect: async () => undefined,
      send: async (r: ProducerRecord) => this.sent.push(r),
      disconnect: async () => undefined,
    };
  }
  consumer(config: ConsumerConfig) {
    this.groups.push(config.groupId);
    return {
      connect: async () => undefined,
      subscribe: async (s: ConsumerSubscribeTopics) => void this.subscriptions.push(s),
      run: async (r: ConsumerRunConfig) => void (this.run = r),
      disconnect: async () => undefined,
      on: (eventName: string, listener: (event: never) => void) => void this.listeners.set(eventName, listener as (event: unknown) => void),
    };
  }
}

const logger = pino({ level: 'silent' });

describe('Kafka connection config', () => {
  it('splits a comma-separated broker list and maps SASL SCRAM and TLS', () => {
    const props = parseConnectorProps(
      kafkaSourceSpec,
      { brokers: 'k1:9092, k2:9092', saslAuthType: 'scram_sha_512', saslUserName: 'u', saslPassword: 'p', tlsEnable: true, insecureSkipVerify: true },
      'a',
    );
    expect(toKafkaConfig(props, 'cid', 'a')).toMatchObject({
      clientId: 'cid',
      brokers: ['k1:9092', 'k2:9092'],
      sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' },
      ssl: { rejectUnauthorized: false },
    });
  });

  it('omits ssl and sasl by default', () => {
    const config = toKafkaConfig(parseConnectorProps(kafkaSourceSpec, { brokers: ['k1:9092'] }, 'a'), 'cid', 'a');
    expect(config.ssl).toBeUndefined();
    expect(config.sasl).toBeUndefined();
  });

  it('fails on SASL without credentials', () => {
    const props = parseConnectorProps(kafkaSourceSpec, { brokers: 'k:9092', saslAuthType: 'plain' }, 'a');
    expect(() => toKafkaConfig(props, 'cid', 'stream m3')).toThrow('stream m3: saslAuthType "plain" needs saslUserName and saslPassword; set both or use saslAuthType "none"');
  });

  it('fails on an unreadable CA file, naming the key and path', () => {
    const props = parseConnectorProps(kafkaSourceSpec, { brokers: 'k:9092', rootCaPath: '/nonexistent/ca.pem' }, 'a');
    expect(() => toKafkaConfig(props, 'cid', 'stream m3')).toThrow('stream m3: cannot read rootCaPath "/nonexistent/ca.pem"');
  });

  it('fails on a compression codec kafkajs does not ship', () => {
    expect(() => parseConnectorProps(kafkaSinkSpec, { brokers: 'k:9092', topic: 't', compression: 'snappy' }, 'rule r action 0')).toThrow(
      'property "compression": compression must be "none" or "gzip" (kafkajs ships no snappy, lz4 or zstd codec)',
    );
  });
});

describe('Kafka sink', () => {
  it('produces each message with the templated key, acks and compression', async () => {
    const fake = new FakeKafka();
    const ctx = createConnectorContext({ logger, kafkaFactory: fake.factory });
    const props = parseConnectorProps(kafkaSinkSpec, { brokers: 'k:9092', topic: 'alarms', key: '{{.device}}', acks: 1, compression: 'gzip' }, 'a');
    const sink = new KafkaSink(props, ctx);
    await sink.connect();
    await sink.collect({ payload: '{"device":"d1"}', data: { device: 'd1' }, rowCount: 1 });
    expect(fake.sent).toEqual([{ topic: 'alarms', acks: 1, compression: CompressionTypes.GZIP, messages: [{ value: '{"device":"d1"}', key: 'd1' }] }]);
    expect(sink.connection().state).toBe('connected');
  });

  it('defaults to acks from all in-sync replicas, no key and no compression', async () => {
    const fake = new FakeKafka();
    const sink = new KafkaSink(parseConnectorProps(kafkaSinkSpec, { brokers: 'k:9092', topic: 't' }, 'a'), createConnectorContext({ logger, kafkaFactory: fake.factory }));
    await sink.connect();
    await sink.collect({ payload: '[]', data: [], rowCount: 0 });
    expect(fake.sent[0]).toEqual({ topic: 't', acks: -1, compression: CompressionTypes.None, messages: [{ value: '[]' }] });
  });
});

describe('Kafka source', () => {
  it('subscribes in its group from the beginning under offset earliest and maps records to messages', async () => {
    const fake = new FakeKafka();
    const props = parseConnectorProps(kafkaSourceSpec, { brokers: 'k:9092', groupID: 'site-a', offset: 'earliest' }, 'a');
    const source = new KafkaSource(props, 'm3_monitor', createConnectorContext({ logger, kafkaFactory: fake.factory }));
    const received: SourceMessage[] = [];
    await source.open({ onMessage: (m) => received.push(m), onError: () => undefined });
    expect(fake.groups).toEqual(['site-a']);
    expect(fake.subscriptions).toEqual([{ topics: ['m3_monitor'], fromBeginning: true }]);
    const message = { key: Buffer.from('ups-1'), value: Buffer.from('{"battery":15}'), offset: '42', timestamp: '1700000000000' };
    await fake.run?.eachMessage?.({ topic: 'm3_monitor', partition: 3, message, heartbeat: async () => undefined, pause: () => () => undefined } as never);
    expect(received).toHaveLength(1);
    expect(received[0]?.payload.toString()).toBe('{"battery":15}');
    expect(received[0]?.meta).toEqual({ topic: 'm3_monitor', partition: 3, offset: '42', key: 'ups-1', timestamp: 1700000000000 });
  });

  it('reports a consumer crash as an error and a disconnection, and the rejoin as connected', async () => {
    const fake = new FakeKafka();
    const props = parseConnectorProps(kafkaSourceSpec, { brokers: 'k:9092' }, 'a');
    const source = new KafkaSource(props, 'm3_monitor', createConnectorContext({ logger, kafkaFactory: fake.factory }));
    const errors: string[] = [];
    await source.open({ onMessage: () => undefined, onError: (e) => void errors.push(e.message) });
    fake.listeners.get('consumer.crash')?.({ payload: { error: new Error('The group is rebalancing'), groupId: 'edgestack', restart: true } });
    expect(errors).toEqual(['kafka source "m3_monitor": consumer stopped (kafkajs restarts it): The group is rebalancing']);
    expect(source.connection()).toMatchObject({ state: 'disconnected', lastDisconnectedMessage: 'The group is rebalancing', disconnections: 1 });
    fake.listeners.get('consumer.group_join')?.({ payload: { groupId: 'edgestack' } });
    expect(source.connection().state).toBe('connected');
  });
});

(process.env.KAFKA_BROKERS ? describe : describe.skip)('Kafka integration (KAFKA_BROKERS)', () => {
  it('round-trips a message through a real broker', async () => {
    const brokers = process.env.KAFKA_BROKERS as string;
    const topic = `edgestack-it-${Date.now()}`;
    const ctx = createConnectorContext({ logger });
    const admin = new Kafka({ brokers: brokers.split(','), clientId: 'it' }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    await admin.disconnect();
    const source = new KafkaSource(parseConnectorProps(kafkaSourceSpec, { brokers, groupID: topic, offset: 'earliest' }, 'a'), topic, ctx);
    const received: string[] = [];
    await source.open({ onMessage: (m) => received.push(m.payload.toString()), onError: () => undefined });
    const sink = new KafkaSink(parseConnectorProps(kafkaSinkSpec, { brokers, topic }, 'a'), ctx);
    await sink.connect();
    await sink.collect({ payload: '{"t":1}', data: { t: 1 }, rowCount: 1 });
    const deadline = Date.now() + 20000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await sink.close();
    await source.close();
    expect(received).toEqual(['{"t":1}']);
  }, 60000);
});
