import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Service } from '../../../runtime/main';
import { cli } from '../../support/cli';
import { type MosquittoBroker, startMosquitto } from '../../support/mosquitto';
import { MqttCollector, publishAll } from '../../support/mqtt-collector';
import { rest, startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

describe('service restart against Mosquitto', () => {
  let broker: MosquittoBroker;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(() => broker.stop());

  it('keeps definitions created through the CLI and the running rule across a restart', async () => {
    const dir = tempDataDir();
    const env = { EDGESTACK_DATA_DIR: dir, MQTT_SOURCE__DEFAULT__SERVERS: `[${broker.url}]` };
    let service: Service = await startTestService(env);
    const created = await cli(service.url, 'create', 'stream', 'demo', '(temperature float, humidity bigint) WITH (FORMAT="JSON", DATASOURCE="devices/+/messages")');
    expect(created).toEqual({ code: 0, out: 'Stream demo is created.\n', err: '' });
    const ruleFile = join(dir, 'rule.json');
    writeFileSync(ruleFile, JSON.stringify({ sql: 'SELECT * FROM demo WHERE temperature > 30', actions: [{ mqtt: { topic: 'restartSink' } }] }));
    expect(await cli(service.url, 'create', 'rule', 'rule1', '-f', ruleFile)).toEqual({ code: 0, out: 'Rule rule1 was created successfully.\n', err: '' });
    await service.close();

    service = await startTestService(env);
    const sink = await MqttCollector.start(broker.url, 'restartSink');
    try {
      expect((await rest(service.url, 'GET', '/rules')).body).toEqual([{ id: 'rule1', name: 'rule1', status: 'Running', origin: 'api' }]);
      await waitFor('source connected', async () => (await rest(service.url, 'GET', '/rules/rule1/status')).body.source_demo_0_connection_status === 1);
      await publishAll(broker.url, [50, 20, 40].map((t) => ({ topic: 'devices/d1/messages', payload: { temperature: t, humidity: 20 } })));
      await waitFor('2 rows after restart', () => sink.rows().length >= 2);
      expect(sink.rows()).toEqual([
        { temperature: 50, humidity: 20 },
        { temperature: 40, humidity: 20 },
      ]);
    } finally {
      await sink.stop();
      await service.close();
    }
  });
});
