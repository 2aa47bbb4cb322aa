import type { Service } from '../../../runtime/main';
import { type MosquittoBroker, startMosquitto } from '../../support/mosquitto';
import { MqttCollector, publishAll } from '../../support/mqtt-collector';
import { rest, startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

/** The eKuiper getting-started walkthrough, against real Mosquitto. */
describe('walkthrough (eKuiper getting started) against Mosquitto', () => {
  let broker: MosquittoBroker;
  let service: Service;
  let sink: MqttCollector;

  beforeAll(async () => {
    broker = await startMosquitto();
    service = await startTestService({ EDGESTACK_DATA_DIR: tempDataDir(), MQTT_SOURCE__DEFAULT__SERVERS: `[${broker.url}]` });
    sink = await MqttCollector.start(broker.url, 'demoSink');
  });
  afterAll(async () => {
    await sink?.stop();
    await service?.close();
    await broker?.stop();
  });

  it('filters the ten readings to the four above 30 and reports eKuiper metrics', async () => {
    const created = await rest(service.url, 'POST', '/streams', {
      sql: 'create stream demo (temperature float, humidity bigint) WITH (FORMAT="JSON", DATASOURCE="devices/+/messages")',
    });
    expect(created).toEqual({ status: 201, body: 'Stream demo is created.' });

    const rule = await rest(service.url, 'POST', '/rules', {
      id: 'rule1',
      sql: 'select * from demo WHERE temperature > 30',
      actions: [{ log: {} }, { mqtt: { server: broker.url, topic: 'demoSink' } }],
    });
    expect(rule).toEqual({ status: 201, body: 'Rule rule1 was created successfully.' });
    await waitFor('rule1 source connected', async () => (await rest(service.url, 'GET', '/rules/rule1/status')).body.source_demo_0_connection_status === 1);

    const readings = [50, 40, 30, 20, 10];
    await publishAll(broker.url, [
      ...readings.map((t) => ({ topic: 'devices/device_001/messages', payload: { temperature: t, humidity: 20 } })),
      ...readings.map((t) => ({ topic: 'devices/device_002/messages', payload: { temperature: t, humidity: 20 } })),
    ]);

    await waitFor('4 rows on demoSink', () => sink.rows().length >= 4);
    const status = await waitFor('status with 10 records in', async () => {
      const s = (await rest(service.url, 'GET', '/rules/rule1/status')).body;
      return s.source_demo_0_records_in_total === 10 && s.sink_mqtt_1_0_records_out_total === 4 ? s : undefined;
    });
    expect(sink.rows()).toEqual([
      { temperature: 50, humidity: 20 },
      { temperature: 40, humidity: 20 },
      { temperature: 50, humidity: 20 },
      { temperature: 40, humidity: 20 },
    ]);
    expect(status.status).toBe('running');
    expect(status.source_demo_0_records_in_total).toBe(10);
    const filterKey = Object.keys(status).find((k) => /^op_\d+_filter_0_records_out_total$/.test(k)) as string;
    expect(filterKey).toBeDefined();
    expect(status[filterKey]).toBe(4);
    expect(status.sink_log_0_0_records_in_total).toBe(4);
    expect(status.sink_mqtt_1_0_exceptions_total).toBe(0);
    for (const metric of ['records_in_total', 'records_out_total', 'exceptions_total', 'process_latency_us', 'buffer_length', 'last_invocation', 'last_exception', 'last_exception_time']) {
      expect(status).toHaveProperty(`source_demo_0_${metric}`);
      expect(status).toHaveProperty(`sink_mqtt_1_0_${metric}`);
    }
    await service.rules.flushed();
    expect(sink.rows()).toHaveLength(4);
  });
});
