import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Service } from '../../../runtime/main';
import { type MosquittoBroker, startMosquitto } from '../../support/mosquitto';
import { MqttCollector, publishAll } from '../../support/mqtt-collector';
import { rest, startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

describe('boot from a definitions file against Mosquitto (rules as code)', () => {
  let broker: MosquittoBroker;
  let service: Service;

  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    await service?.close();
    await broker?.stop();
  });

  it('loads the gateway rule at start and forwards the four of ten seed readings', async () => {
    const dir = tempDataDir();
    const file = join(dir, 'definitions.json');
    writeFileSync(
      file,
      JSON.stringify({
        streams: ['CREATE STREAM demo (temperature float, humidity bigint) WITH (FORMAT="JSON", DATASOURCE="devices/+/messages")'],
        tables: [],
        rules: [{ id: 'gateway', sql: 'SELECT * FROM demo WHERE temperature > 30', actions: [{ mqtt: { topic: 'demoSink', sendSingle: true } }, { log: {} }] }],
      }),
    );
    service = await startTestService({ EDGESTACK_DATA_DIR: dir, EDGESTACK_DEFINITIONS: file, MQTT_SOURCE__DEFAULT__SERVERS: `[${broker.url}]` });
    expect((await rest(service.url, 'GET', '/rules')).body).toEqual([{ id: 'gateway', name: 'gateway', status: 'Running', origin: 'config' }]);
    await waitFor('source connected', async () => (await rest(service.url, 'GET', '/rules/gateway/status')).body.source_demo_0_connection_status === 1);
    const sink = await MqttCollector.start(broker.url, 'demoSink');
    try {
      const readings = [50, 40, 30, 20, 10];
      await publishAll(broker.url, [
        ...readings.map((t) => ({ topic: 'devices/device_001/messages', payload: { temperature: t, humidity: 20 } })),
        ...readings.map((t) => ({ topic: 'devices/device_002/messages', payload: { temperature: t, humidity: 20 } })),
      ]);
      await waitFor('4 messages', () => sink.messages.length >= 4);
      expect(sink.messages).toEqual([50, 40, 50, 40].map((temperature) => ({ temperature, humidity: 20 })));
    } finally {
      await sink.stop();
    }
  });
});
