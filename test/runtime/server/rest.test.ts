import type { Service } from '../../../runtime/main';
import { httpCall, startTestService, tempDataDir } from '../../support/service';

const DEMO = 'CREATE STREAM demo (temperature float, humidity bigint) WITH (FORMAT="JSON", TYPE="memory", DATASOURCE="devices/+/messages")';
const RULE = { id: 'rule1', sql: 'SELECT * FROM demo WHERE temperature > 30', actions: [{ log: {} }, { memory: { topic: 'out' } }] };

describe('REST API (eKuiper routes, in-process over loopback HTTP)', () => {
  let service: Service;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => httpCall(service.url, method, url, payload);

  beforeAll(async () => {
    service = await startTestService({ EDGESTACK_DATA_DIR: tempDataDir(), EDGESTACK_EMBEDDED_BROKER: 'never' });
  });
  afterAll(() => service.close());

  describe('system', () => {
    it('answers GET / with version, os and uptime, and GET /ping with 200', async () => {
      const root = await call('GET', '/');
      expect(root.statusCode).toBe(200);
      expect(root.json()).toMatchObject({ version: '0.1.0', os: process.platform, upTimeSeconds: expect.any(Number) });
      expect((await call('GET', '/ping')).statusCode).toBe(200);
    });

    it('answers an unknown route with 404 naming it', async () => {
      const res = await call('GET', '/nope');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error_code: 1002, message: 'no route GET /nope' });
    });
  });

  describe('streams and tables', () => {
    it('creates a stream (201) and lists, describes and returns its schema', async () => {
      const created = await call('POST', '/streams', { sql: DEMO });
      expect(created.statusCode).toBe(201);
      expect(created.body).toBe('Stream demo is created.');
      expect((await call('GET', '/streams')).json()).toEqual(['demo']);
      expect((await call('GET', '/streams/demo')).json()).toEqual({
        Name: 'demo',
        StreamType: 'stream',
        StreamFields: [
          { Name: 'temperature', FieldType: 'float' },
          { Name: 'humidity', FieldType: 'bigint' },
        ],
        Options: { FORMAT: 'JSON', TYPE: 'memory', DATASOURCE: 'devices/+/messages' },
        Statement: DEMO,
      });
      expect((await call('GET', '/streams/demo/schema')).json()).toEqual({ temperature: { type: 'float' }, humidity: { type: 'bigint' } });
    });

    it('fails with 409 on a duplicate stream', async () => {
      const res = await call('POST', '/streams', { sql: DEMO });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('stream demo already exists; drop it first with DROP STREAM demo');
    });

    it('fails with 400 on bad SQL, showing where', async () => {
      const res = await call('POST', '/streams', { sql: 'CREATE STREAM (a bigint)' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error_code).toBe(2001);
      expect(res.json().message).toContain('Syntax Error');
      expect(res.json().message).toContain('--> 1:15');
    });

    it('fails with 400 when the body has no sql', async () => {
      const res = await call('POST', '/streams', { statement: DEMO });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('request body must be {"sql": "CREATE STREAM ..."}');
    });

    it('fails with 422 when a CREATE TABLE is posted to /streams', async () => {
      const res = await call('POST', '/streams', { sql: 'CREATE TABLE t (a bigint) WITH (DATASOURCE="t")' });
      expect(res.statusCode).toBe(422);
      expect(res.json().message).toBe('expected CREATE STREAM ..., got CREATE TABLE');
    });

    it('fails with 404 on an unknown stream', async () => {
      const res = await call('GET', '/streams/ghost');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error_code: 1002, message: 'stream ghost not found' });
    });

    it('creates, replaces and drops a table', async () => {
      expect((await call('POST', '/tables', { sql: 'CREATE TABLE lookup (id bigint) WITH (TYPE="memory", DATASOURCE="lookup")' })).body).toBe(
        'Table lookup is created.',
      );
      const put = await call('PUT', '/tables/lookup', { sql: 'CREATE TABLE lookup (id bigint, name string) WITH (TYPE="memory", DATASOURCE="lookup")' });
      expect(put.statusCode).toBe(200);
      expect(put.body).toBe('Table lookup is updated.');
      expect((await call('GET', '/tables/lookup/schema')).json()).toEqual({ id: { type: 'bigint' }, name: { type: 'string' } });
      const mismatch = await call('PUT', '/tables/lookup', { sql: 'CREATE TABLE other (id bigint) WITH (DATASOURCE="x")' });
      expect(mismatch.statusCode).toBe(422);
      expect(mismatch.json().message).toBe('the statement creates table other, but the path names lookup; they must match');
      expect((await call('GET', '/tables')).json()).toEqual(['lookup']);
      expect((await call('DELETE', '/tables/lookup')).body).toBe('Table lookup is dropped.');
      expect((await call('DELETE', '/tables/lookup')).statusCode).toBe(404);
    });
  });

  describe('rules', () => {
    it('creates a rule (201) and lists it with status and origin', async () => {
      const res = await call('POST', '/rules', RULE);
      expect(res.statusCode).toBe(201);
      expect(res.body).toBe('Rule rule1 was created successfully.');
      expect((await call('GET', '/rules')).json()).toEqual([{ id: 'rule1', name: 'rule1', status: 'Running', origin: 'api' }]);
      expect((await call('GET', '/rules/rule1')).json()).toEqual(RULE);
    });

    it('fails with 409 on a duplicate id', async () => {
      const res = await call('POST', '/rules', RULE);
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('rule rule1 already exists; update it with PUT /rules/rule1 or choose another id');
    });

    it('fails with 422 on SQL naming an unknown stream', async () => {
      const res = await call('POST', '/rules', { ...RULE, id: 'r_unknown', sql: 'SELECT * FROM nowhere' });
      expect(res.statusCode).toBe(422);
      expect(res.json().message).toMatch(/nowhere/);
      expect((await call('GET', '/rules/r_unknown')).statusCode).toBe(404);
    });

    it('fails with 400 on malformed JSON and on a missing id', async () => {
      const bad = await httpCall(service.url, 'POST', '/rules', '{"id": "x",');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/JSON/);
      const noId = await call('POST', '/rules', { sql: 'SELECT * FROM demo', actions: [] });
      expect(noId.statusCode).toBe(400);
      expect(noId.json().message).toBe('rule id is required: add "id": "<rule id>" to the body');
    });

    it('fails with 422 on invalid rule JSON: actions, sink type and sink properties', async () => {
      const notArray = await call('POST', '/rules', { id: 'r2', sql: 'SELECT * FROM demo', actions: { log: {} } });
      expect(notArray.statusCode).toBe(422);
      expect(notArray.json().message).toBe('rule r2: actions must be an array such as [{ "log": {} }]');
      const unknownSink = await call('POST', '/rules', { id: 'r2', sql: 'SELECT * FROM demo', actions: [{ nats: {} }] });
      expect(unknownSink.statusCode).toBe(422);
      expect(unknownSink.json().message).toBe('rule r2 action 0 (nats): unknown sink type "nats"; use one of mqtt, kafka, log, memory, rest, file');
      const badProps = await call('POST', '/rules', { id: 'r2', sql: 'SELECT * FROM demo', actions: [{ mqtt: { topic: 'x', qos: 2 } }] });
      expect(badProps.statusCode).toBe(422);
      expect(badProps.json().message).toMatch(/^rule r2 action 0 \(mqtt\): invalid mqtt properties: property "qos"/);
    });

    it('validates a rule without creating it', async () => {
      const ok = await call('POST', '/rules/validate', { ...RULE, id: 'candidate' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ valid: true, message: 'The rule has been successfully validated and is confirmed to be correct.' });
      const bad = await call('POST', '/rules/validate', { ...RULE, id: 'candidate', sql: 'SELECT FROM demo' });
      expect(bad.statusCode).toBe(400);
      expect((await call('GET', '/rules/candidate')).statusCode).toBe(404);
    });

    it('reports status with eKuiper metric keys, topo and explain', async () => {
      const status = (await call('GET', '/rules/rule1/status')).json();
      expect(status.status).toBe('running');
      expect(status).toMatchObject({ source_demo_0_records_in_total: 0, sink_log_0_0_records_in_total: 0, sink_memory_1_0_exceptions_total: 0 });
      expect((await call('GET', '/rules/rule1/topo')).json()).toEqual({
        sources: ['source_demo'],
        edges: { source_demo: ['op_2_filter'], op_2_filter: ['op_3_project'], op_3_project: ['sink_log_0', 'sink_memory_1'] },
      });
      const explain = await call('GET', '/rules/rule1/explain');
      expect(explain.statusCode).toBe(200);
      expect(explain.body).toMatch(/Filter/i);
    });

    it('stops, starts and restarts a rule', async () => {
      expect((await call('POST', '/rules/rule1/stop')).body).toBe('Rule rule1 was stopped.');
      expect((await call('GET', '/rules/rule1/status')).json()).toEqual({ status: 'stopped', message: 'canceled manually' });
      expect((await call('GET', '/rules')).json()[0].status).toBe('Stopped: canceled manually.');
      expect((await call('POST', '/rules/rule1/start')).body).toBe('Rule rule1 was started.');
      expect((await call('GET', '/rules/rule1/status')).json().status).toBe('running');
      expect((await call('POST', '/rules/rule1/restart')).body).toBe('Rule rule1 was restarted.');
      expect((await call('POST', '/rules/ghost/start')).statusCode).toBe(404);
    });

    it('refuses to drop a stream a rule reads (409), naming the rule', async () => {
      const res = await call('DELETE', '/streams/demo');
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('stream demo is used by rules rule1; delete or change those rules first');
    });

    it('updates a rule, rejecting a body whose id differs', async () => {
      const update = await call('PUT', '/rules/rule1', { ...RULE, sql: 'SELECT temperature FROM demo' });
      expect(update.statusCode).toBe(200);
      expect(update.body).toBe('Rule rule1 was updated successfully.');
      expect((await call('GET', '/rules/rule1')).json().sql).toBe('SELECT temperature FROM demo');
      const mismatch = await call('PUT', '/rules/rule1', { ...RULE, id: 'other' });
      expect(mismatch.statusCode).toBe(422);
      expect(mismatch.json().message).toBe('rule id "other" in the body differs from "rule1" in the path; they must match');
      expect((await call('PUT', '/rules/ghost', RULE)).statusCode).toBe(404);
    });

    it('deletes a rule, then the stream', async () => {
      expect((await call('DELETE', '/rules/rule1')).body).toBe('Rule rule1 is dropped.');
      expect((await call('DELETE', '/rules/rule1')).statusCode).toBe(404);
      expect((await call('DELETE', '/streams/demo')).body).toBe('Stream demo is dropped.');
    });
  });

  describe('metrics', () => {
    it('serves Prometheus text with per-rule node metrics', async () => {
      await call('POST', '/streams', { sql: DEMO });
      await call('POST', '/rules', { ...RULE, id: 'metrics_rule' });
      const res = await call('GET', '/metrics');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).toContain('edgestack_rule_running{rule="metrics_rule"} 1');
      expect(res.body).toContain('edgestack_source_records_in_total{rule="metrics_rule",op="demo",instance="0"} 0');
      expect(res.body).toContain('edgestack_sink_exceptions_total{rule="metrics_rule",op="memory_1",instance="0"} 0');
      expect(res.body).toContain('edgestack_process_cpu_user_seconds_total');
    });
  });
});
