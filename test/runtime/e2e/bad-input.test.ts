import type { Service } from '../../../runtime/main';
import { type MosquittoBroker, startMosquitto } from '../../support/mosquitto';
import { MqttCollector, publishAll } from '../../support/mqtt-collector';
import { rest, startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

describe('bad input against Mosquitto: clear errors, nothing crashes, other rules unaffected', () => {
  let broker: MosquittoBroker;
  let service: Service;
  let sink: MqttCollector;
  let otherSink: MqttCollector;
  const status = async (id: string) => (await rest(service.url, 'GET', `/rules/${id}/status`)).body;

  beforeAll(async () => {
    broker = await startMosquitto();
    service = await startTestService({
      EDGESTACK_DATA_DIR: tempDataDir(),
      MQTT_SOURCE__DEFAULT__SERVERS: `[${broker.url}]`,
      EDGESTACK_MAX_PAYLOAD_BYTES: '1024',
    });
    await rest(service.url, 'POST', '/streams', {
      sql: 'CREATE STREAM strict (temperature float, humidity bigint) WITH (FORMAT="JSON", DATASOURCE="strict/+", STRICT_VALIDATION="true")',
    });
    await rest(service.url, 'POST', '/streams', { sql: 'CREATE STREAM other (temperature float) WITH (FORMAT="JSON", DATASOURCE="other")' });
    expect((await rest(service.url, 'POST', '/rules', { id: 'guarded', sql: 'SELECT * FROM strict WHERE temperature > 30', actions: [{ mqtt: { topic: 'guardedSink' } }] })).status).toBe(201);
    expect((await rest(service.url, 'POST', '/rules', { id: 'bystander', sql: 'SELECT * FROM other', actions: [{ mqtt: { topic: 'otherSink' } }] })).status).toBe(201);
    await waitFor('sources connected', async () => (await status('guarded')).source_strict_0_connection_status === 1 && (await status('bystander')).source_other_0_connection_status === 1);
    sink = await MqttCollector.start(broker.url, 'guardedSink');
    otherSink = await MqttCollector.start(broker.url, 'otherSink');
  });
  afterAll(async () => {
    await sink?.stop();
    await otherSink?.stop();
    await service?.close();
    await broker?.stop();
  });

  it('counts malformed JSON, wrong types and oversized payloads as source exceptions with error rows, and keeps running', async () => {
    await publishAll(broker.url, [
      { topic: 'strict/a', payload: '{"temperature": 50, "humidity":' },
      { topic: 'strict/a', payload: { temperature: 'hot', humidity: 20 } },
      { topic: 'strict/a', payload: { temperature: 45, humidity: 20, padding: 'x'.repeat(2000) } },
      { topic: 'strict/a', payload: { temperature: 55, humidity: 20 } },
      { topic: 'other', payload: { temperature: 1 } },
    ]);
    await waitFor('4 messages on guardedSink (3 error rows, 1 row)', () => sink.rows().length >= 4);
    await waitFor('the bystander row', () => otherSink.rows().length >= 1);
    const rows = sink.rows();
    expect(rows.filter((r) => 'error' in r)).toHaveLength(3);
    expect(rows.filter((r) => !('error' in r))).toEqual([{ temperature: 55, humidity: 20 }]);
    expect(rows.find((r) => String(r.error).includes('exceeds the limit'))?.error).toMatch(/^payload of \d+ bytes exceeds the limit of 1024 bytes \(source.maxPayloadBytes\)$/);

    const s = await status('guarded');
    expect(s.status).toBe('running');
    expect(s.source_strict_0_records_in_total).toBe(3);
    expect(s.source_strict_0_exceptions_total).toBe(3);
    expect(s.source_strict_0_last_exception).toMatch(/exceeds the limit of 1024 bytes/);
    expect(otherSink.rows()).toEqual([{ temperature: 1 }]);
    expect((await status('bystander')).source_other_0_exceptions_total).toBe(0);
  });

  it('answers bad definitions with clear errors and leaves running rules alone', async () => {
    const unknownStream = await rest(service.url, 'POST', '/rules', { id: 'r_unknown', sql: 'SELECT * FROM nowhere', actions: [{ log: {} }] });
    expect(unknownStream.status).toBe(422);
    expect(unknownStream.body.message).toMatch(/nowhere/);
    const invalidJson = await rest(service.url, 'POST', '/rules', '{"id": "r_json", "sql": "SELECT * FROM other", "actions": [');
    expect(invalidJson.status).toBe(400);
    const invalidRule = await rest(service.url, 'POST', '/rules', { id: 'r_actions', sql: 'SELECT * FROM other', actions: [{ log: {}, mqtt: {} }] });
    expect(invalidRule.status).toBe(422);
    expect(invalidRule.body.message).toBe('rule r_actions: actions[0] must be an object with exactly one key, the sink type, e.g. { "mqtt": {...} }');
    const duplicate = await rest(service.url, 'POST', '/rules', { id: 'bystander', sql: 'SELECT * FROM other', actions: [{ log: {} }] });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toBe('rule bystander already exists; update it with PUT /rules/bystander or choose another id');

    await publishAll(broker.url, [{ topic: 'other', payload: { temperature: 2 } }]);
    await waitFor('the bystander keeps forwarding', () => otherSink.rows().length >= 2);
    expect((await rest(service.url, 'GET', '/rules')).body.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['guarded', 'Running'],
      ['bystander', 'Running'],
    ]);
  });
});
