import { MemoryBus } from '../../../runtime/connectors/memory/memory-bus';
import { streamQuery } from '../../../runtime/cli/commands/query';
import type { Service } from '../../../runtime/main';
import { cli } from '../../support/cli';
import { startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

describe('edgestack CLI (eKuiper verbs over REST)', () => {
  let service: Service;
  const bus = new MemoryBus();
  beforeAll(async () => {
    service = await startTestService({ EDGESTACK_DATA_DIR: tempDataDir(), EDGESTACK_EMBEDDED_BROKER: 'never' }, { memoryBus: bus });
  });
  afterAll(() => service.close());

  it('creates a stream from the DDL after its name, and shows and describes it', async () => {
    expect(await cli(service.url, 'create', 'stream', 'demo', '(temperature float, humidity bigint) WITH (TYPE="memory", DATASOURCE="in")')).toEqual({
      code: 0,
      out: 'Stream demo is created.\n',
      err: '',
    });
    expect((await cli(service.url, 'show', 'streams')).out).toBe('[\n  "demo"\n]\n');
    expect(JSON.parse((await cli(service.url, 'describe', 'stream', 'demo')).out)).toMatchObject({ Name: 'demo', Options: { DATASOURCE: 'in' } });
  });

  it('creates a rule from inline JSON and controls it', async () => {
    const rule = JSON.stringify({ sql: 'SELECT * FROM demo WHERE temperature > 30', actions: [{ log: {} }] });
    expect((await cli(service.url, 'create', 'rule', 'rule1', rule)).out).toBe('Rule rule1 was created successfully.\n');
    expect(JSON.parse((await cli(service.url, 'show', 'rules')).out)).toEqual([{ id: 'rule1', name: 'rule1', status: 'Running', origin: 'api' }]);
    expect((await cli(service.url, 'stop', 'rule', 'rule1')).out).toBe('Rule rule1 was stopped.\n');
    expect((await cli(service.url, 'start', 'rule', 'rule1')).out).toBe('Rule rule1 was started.\n');
    expect((await cli(service.url, 'restart', 'rule', 'rule1')).out).toBe('Rule rule1 was restarted.\n');
    expect(JSON.parse((await cli(service.url, 'getstatus', 'rule', 'rule1')).out)).toMatchObject({ status: 'running', source_demo_0_records_in_total: 0 });
    expect(JSON.parse((await cli(service.url, 'gettopo', 'rule', 'rule1')).out)).toEqual({
      sources: ['source_demo'],
      edges: { source_demo: ['op_2_filter'], op_2_filter: ['op_3_project'], op_3_project: ['sink_log_0'] },
    });
    expect(JSON.parse((await cli(service.url, 'describe', 'rule', 'rule1')).out)).toEqual({ id: 'rule1', ...JSON.parse(rule) });
    expect((await cli(service.url, 'drop', 'rule', 'rule1')).out).toBe('Rule rule1 is dropped.\n');
  });

  it('fails with exit code 1 and the server message', async () => {
    expect(await cli(service.url, 'describe', 'stream', 'ghost')).toEqual({ code: 1, out: '', err: 'Error: stream ghost not found\n' });
    expect(await cli(service.url, 'create', 'rule', 'bad', '{"sql": ')).toEqual({
      code: 1,
      out: '',
      err: "Error: rule bad: the rule is not valid JSON: Unexpected end of JSON input\n",
    });
    expect((await cli(service.url, 'show', 'widgets')).err).toBe('Error: unknown kind "widgets": use stream, table or rule\n');
    expect((await cli(service.url, 'start', 'stream', 'demo')).err).toBe('Error: expected "rule", got "stream": e.g. start rule rule1\n');
  });

  it('names the host and the fix when the service is unreachable', async () => {
    const res = await cli('http://127.0.0.1:1', 'show', 'rules');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^Error: cannot reach edgestack at http:\/\/127\.0\.0\.1:1: .*; is "edgestack serve" running\? \(set --host or EDGESTACK_HOST\)\n$/);
  });

  it('streams query results as they arrive until stopped', async () => {
    const lines: string[] = [];
    const abort = new AbortController();
    const done = streamQuery({ host: service.url }, 'SELECT temperature FROM demo WHERE temperature > 30', { out: (l) => void lines.push(l), err: () => undefined }, abort.signal);
    await waitFor('the query to subscribe', () => service.sourceInstances() >= 1);
    bus.publish('in', { temperature: 50, humidity: 1 });
    bus.publish('in', { temperature: 10, humidity: 1 });
    bus.publish('in', { temperature: 40, humidity: 1 });
    await waitFor('2 result lines', () => lines.length >= 2);
    abort.abort();
    await done;
    expect(lines).toEqual(['{"temperature":50}', '{"temperature":40}']);
    await waitFor('the query to stop', () => service.sourceInstances() === 0);
  });

  it('rejects a query on an unknown stream with the plan error', async () => {
    await expect(streamQuery({ host: service.url }, 'SELECT * FROM nowhere', { out: () => undefined, err: () => undefined }, new AbortController().signal)).rejects.toThrow(
      /nowhere/,
    );
  });
});
