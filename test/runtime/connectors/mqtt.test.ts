import mqtt from 'mqtt';
import pino from 'pino';
import { createConnectorContext } from '../../../runtime/connectors/context';
import { MqttSink, mqttSinkSpec } from '../../../runtime/connectors/mqtt/mqtt-sink';
import { MqttSource, mqttSourceSpec } from '../../../runtime/connectors/mqtt/mqtt-source';
import type { SourceMessage } from '../../../runtime/connectors/source';
import { parseConnectorProps } from '../../../runtime/connectors/spec';
import { type MosquittoBroker, startMosquitto } from '../../support/mosquitto';
import { waitFor } from '../../support/wait-for';

const ctx = createConnectorContext({ logger: pino({ level: 'silent' }) });

describe('MQTT connectors against Mosquitto', () => {
  let broker: MosquittoBroker;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(() => broker.stop());

  it('fails on a missing server with the env and config keys to set', async () => {
    const source = new MqttSource(parseConnectorProps(mqttSourceSpec, {}, 'a'), 't', ctx);
    await expect(source.open({ onMessage: () => undefined, onError: () => undefined })).rejects.toThrow(
      'mqtt source "t": no MQTT server; set "server" in the action, or MQTT_SOURCE__DEFAULT__SERVERS / sources.mqtt.default.server in the config',
    );
  });

  it('receives wildcard topics with meta(topic) and qos, from a sink with a templated topic', async () => {
    const source = new MqttSource(parseConnectorProps(mqttSourceSpec, { servers: [broker.url], qos: 1 }, 'a'), 'devices/+/messages', ctx);
    const received: SourceMessage[] = [];
    await source.open({ onMessage: (m) => received.push(m), onError: () => undefined });
    expect(source.connection().state).toBe('connected');
    const sink = new MqttSink(parseConnectorProps(mqttSinkSpec, { server: broker.url, topic: 'devices/{{.id}}/messages', qos: 1 }, 'a'), ctx);
    await sink.connect();
    await sink.collect({ payload: '{"id":"d1","t":50}', data: { id: 'd1', t: 50 }, rowCount: 1 });
    await sink.collect({ payload: '{"id":"d2","t":40}', data: { id: 'd2', t: 40 }, rowCount: 1 });
    await waitFor('2 messages', () => received.length >= 2);
    expect(received.map((m) => [m.meta.topic, m.meta.qos, m.payload.toString()])).toEqual([
      ['devices/d1/messages', 1, '{"id":"d1","t":50}'],
      ['devices/d2/messages', 1, '{"id":"d2","t":40}'],
    ]);
    await sink.close();
    await source.close();
  });

  it('reconnects and resubscribes after a broker restart, recording the disconnection', async () => {
    const source = new MqttSource(
      parseConnectorProps(mqttSourceSpec, { server: broker.url, reconnectMinMs: 50, reconnectMaxMs: 200 }, 'a'),
      'reconnect/t',
      ctx,
    );
    const received: string[] = [];
    await source.open({ onMessage: (m) => received.push(m.payload.toString()), onError: () => undefined });
    await broker.restart();
    await waitFor('the disconnection to be recorded', () => source.connection().disconnections >= 1);
    await waitFor('the source to reconnect', () => source.connection().state === 'connected');
    const publisher = await mqtt.connectAsync(broker.url);
    await waitFor('a message after reconnect', async () => {
      await publisher.publishAsync('reconnect/t', 'after', { qos: 1 });
      return received.includes('after');
    });
    await publisher.endAsync();
    const status = source.connection();
    expect(status.lastDisconnectedTime).toBeGreaterThan(0);
    expect(status.lastConnectedTime).toBeGreaterThanOrEqual(status.lastDisconnectedTime);
    await source.close();
  });
});
