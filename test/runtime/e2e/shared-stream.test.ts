import type { Service } from '../../../runtime/main';
import { type MosquittoBroker, startMosquitto } from '../../support/mosquitto';
import { MqttCollector, publishAll } from '../../support/mqtt-collector';
import { rest, startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

describe('two rules share one stream against Mosquitto', () => {
  let broker: MosquittoBroker;
  let service: Service;

  beforeAll(async () => {
    broker = await startMosquitto();
    service = await startTestService({ EDGESTACK_DATA_DIR: tempDataDir(), MQTT_SOURCE__DEFAULT__SERVERS: `[${broker.url}]` });
  });
  afterAll(async () => {
    await service?.close();
    await broker?.stop();
  });

  it('feeds both rules from one SHARED source instance', async () => {
    await rest(service.url, 'POST', '/streams', {
      sql: 'CREATE STREAM demo (temperature float, humidity bigint) WITH (FORMAT="JSON", DATASOURCE="devices/+/messages", SHARED="true")',
    });
    await rest(service.url, 'POST', '/rules', { id: 'hot', sql: 'SELECT * FROM demo WHERE temperature > 30', actions: [{ mqtt: { topic: 'hotSink' } }] });
    await rest(service.url, 'POST', '/rules', { id: 'cold', sql: 'SELECT temperature FROM demo WHERE temperature <= 30', actions: [{ mqtt: { topic: 'coldSink' } }] });
    expect(service.sourceInstances()).toBe(1);
    await waitFor('source connected', async () => (await rest(service.url, 'GET', '/rules/hot/status')).body.source_demo_0_connection_status === 1);
    const hot = await MqttCollector.start(broker.url, 'hotSink');
    const cold = await MqttCollector.start(broker.url, 'coldSink');
    try {
      await publishAll(broker.url, [50, 40, 30, 20, 10].map((t) => ({ topic: 'devices/device_001/messages', payload: { temperature: t, humidity: 20 } })));
      await waitFor('rows on both sinks', () => hot.rows().length >= 2 && cold.rows().length >= 3);
      expect(hot.rows().map((r) => r.temperature)).toEqual([50, 40]);
      expect(cold.rows()).toEqual([{ temperature: 30 }, { temperature: 20 }, { temperature: 10 }]);
      for (const id of ['hot', 'cold']) expect((await rest(service.url, 'GET', `/rules/${id}/status`)).body.source_demo_0_records_in_total).toBe(5);
    } finally {
      await hot.stop();
      await cold.stop();
    }
  });
});
