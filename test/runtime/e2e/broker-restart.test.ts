import type { Service } from '../../../runtime/main';
import { type MosquittoBroker, startMosquitto } from '../../support/mosquitto';
import { MqttCollector, publishAll } from '../../support/mqtt-collector';
import { rest, startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

describe('Mosquitto restart mid-run', () => {
  let broker: MosquittoBroker;
  let service: Service;

  beforeAll(async () => {
    broker = await startMosquitto();
    service = await startTestService({
      EDGESTACK_DATA_DIR: tempDataDir(),
      MQTT_SOURCE__DEFAULT__SERVERS: `[${broker.url}]`,
      MQTT_SOURCE__DEFAULT__RECONNECTMINMS: '100',
      MQTT_SOURCE__DEFAULT__RECONNECTMAXMS: '500',
    });
  });
  afterAll(async () => {
    await service?.close();
    await broker?.stop();
  });

  it('reconnects the source, keeps the rule running and shows the disconnection in status', async () => {
    await rest(service.url, 'POST', '/streams', { sql: 'CREATE STREAM demo (temperature float) WITH (FORMAT="JSON", DATASOURCE="devices/+/messages")' });
    await rest(service.url, 'POST', '/rules', {
      id: 'rule1',
      sql: 'SELECT * FROM demo WHERE temperature > 30',
      actions: [{ mqtt: { topic: 'reconnectSink', reconnectMinMs: 100, reconnectMaxMs: 500 } }],
    });
    const status = async () => (await rest(service.url, 'GET', '/rules/rule1/status')).body;
    await waitFor('source connected', async () => (await status()).source_demo_0_connection_status === 1);

    let sink = await MqttCollector.start(broker.url, 'reconnectSink');
    await publishAll(broker.url, [{ topic: 'devices/a/messages', payload: { temperature: 50 } }]);
    await waitFor('the row before the restart', () => sink.rows().length === 1);
    await sink.stop();

    await broker.restart();
    await waitFor('the disconnection in status', async () => (await status()).source_demo_0_connection_disconnections_total >= 1);
    await waitFor('the source to reconnect', async () => (await status()).source_demo_0_connection_status === 1);
    await waitFor('the sink to reconnect', async () => (await status()).sink_mqtt_0_0_connection_status === 1);

    sink = await MqttCollector.start(broker.url, 'reconnectSink');
    await publishAll(broker.url, [
      { topic: 'devices/a/messages', payload: { temperature: 20 } },
      { topic: 'devices/a/messages', payload: { temperature: 60 } },
    ]);
    await waitFor('the row after the restart', () => sink.rows().length === 1);
    expect(sink.rows()).toEqual([{ temperature: 60 }]);
    await sink.stop();

    const after = await status();
    expect(after.status).toBe('running');
    expect(after.source_demo_0_records_in_total).toBe(3);
    expect(after.source_demo_0_connection_last_disconnected_time).toBeGreaterThan(0);
    expect(after.source_demo_0_connection_last_connected_time).toBeGreaterThanOrEqual(after.source_demo_0_connection_last_disconnected_time);
    expect(typeof after.source_demo_0_connection_last_disconnected_message).toBe('string');
    expect((await rest(service.url, 'GET', '/rules')).body[0].status).toBe('Running');
  });
});
