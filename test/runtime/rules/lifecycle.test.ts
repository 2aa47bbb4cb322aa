import { MemoryBus } from '../../../runtime/connectors/memory/memory-bus';
import type { Service } from '../../../runtime/main';
import { rest, startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

const STREAM = 'CREATE STREAM demo (temperature float, humidity bigint) WITH (TYPE="memory", DATASOURCE="in/demo")';
const env = (dir: string) => ({ EDGESTACK_DATA_DIR: dir, EDGESTACK_EMBEDDED_BROKER: 'never' });

function collect(bus: MemoryBus, topic: string): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  bus.subscribe(topic, (m) => rows.push(m.data as Record<string, unknown>));
  return rows;
}

describe('rule lifecycle and persistence', () => {
  it('restores definitions after a restart and restarts only the rules that were running', async () => {
    const dir = tempDataDir();
    const first = await startTestService(env(dir));
    await rest(first.url, 'POST', '/streams', { sql: STREAM });
    await rest(first.url, 'POST', '/rules', { id: 'hot', sql: 'SELECT * FROM demo WHERE temperature > 30', actions: [{ memory: { topic: 'out/hot' } }] });
    await rest(first.url, 'POST', '/rules', { id: 'idle', sql: 'SELECT * FROM demo', actions: [{ memory: { topic: 'out/idle' } }] });
    await rest(first.url, 'POST', '/rules/idle/stop');
    await first.close();

    const bus = new MemoryBus();
    const hot = collect(bus, 'out/hot');
    const idle = collect(bus, 'out/idle');
    const second = await startTestService(env(dir), { memoryBus: bus });
    try {
      expect((await rest(second.url, 'GET', '/streams')).body).toEqual(['demo']);
      expect((await rest(second.url, 'GET', '/rules')).body).toEqual([
        { id: 'hot', name: 'hot', status: 'Running', origin: 'api' },
        { id: 'idle', name: 'idle', status: 'Stopped: canceled manually.', origin: 'api' },
      ]);
      bus.publish('in/demo', { temperature: 50, humidity: 20 });
      bus.publish('in/demo', { temperature: 10, humidity: 20 });
      await second.rules.flushed();
      expect(hot).toEqual([{ temperature: 50, humidity: 20 }]);
      expect(idle).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('shares one source instance among the rules of a SHARED stream, and not otherwise', async () => {
    const service = await startTestService(env(tempDataDir()));
    try {
      await rest(service.url, 'POST', '/streams', { sql: 'CREATE STREAM s1 (a bigint) WITH (TYPE="memory", DATASOURCE="s1", SHARED="true")' });
      await rest(service.url, 'POST', '/streams', { sql: 'CREATE STREAM s2 (a bigint) WITH (TYPE="memory", DATASOURCE="s2")' });
      for (const id of ['a1', 'a2']) await rest(service.url, 'POST', '/rules', { id, sql: 'SELECT * FROM s1', actions: [{ log: {} }] });
      expect(service.sourceInstances()).toBe(1);
      for (const id of ['b1', 'b2']) await rest(service.url, 'POST', '/rules', { id, sql: 'SELECT * FROM s2', actions: [{ log: {} }] });
      expect(service.sourceInstances()).toBe(3);
      await rest(service.url, 'POST', '/rules/a1/stop');
      expect(service.sourceInstances()).toBe(3);
      await rest(service.url, 'POST', '/rules/a2/stop');
      expect(service.sourceInstances()).toBe(2);
    } finally {
      await service.close();
    }
  });

  it('fires processing-time windows on a real timer set to the next deadline', async () => {
    const bus = new MemoryBus();
    const out = collect(bus, 'out/win');
    const service = await startTestService(env(tempDataDir()), { memoryBus: bus });
    try {
      await rest(service.url, 'POST', '/streams', { sql: STREAM });
      const created = await rest(service.url, 'POST', '/rules', {
        id: 'win',
        sql: 'SELECT count(*) AS n FROM demo GROUP BY TUMBLINGWINDOW(ss, 1)',
        actions: [{ memory: { topic: 'out/win' } }],
      });
      expect(created.status).toBe(201);
      for (let i = 0; i < 3; i++) bus.publish('in/demo', { temperature: i, humidity: 1 });
      await waitFor('the window to fire without further input', () => out.length > 0, 5000);
      expect(out[0]).toEqual({ n: 3 });
    } finally {
      await service.close();
    }
  });

  it('marks a rule stopped by error when a sink cannot be configured at start, without touching other rules', async () => {
    const service = await startTestService(env(tempDataDir()));
    try {
      await rest(service.url, 'POST', '/streams', { sql: STREAM });
      await rest(service.url, 'POST', '/rules', { id: 'good', sql: 'SELECT * FROM demo', actions: [{ log: {} }] });
      const res = await rest(service.url, 'POST', '/rules', {
        id: 'tls',
        sql: 'SELECT * FROM demo',
        actions: [{ mqtt: { server: 'tcp://127.0.0.1:1', topic: 't', rootCaPath: '/nonexistent/ca.pem' } }],
      });
      expect(res.status).toBe(201);
      const status = (await rest(service.url, 'GET', '/rules/tls/status')).body;
      expect(status).toEqual({
        status: 'stopped by error',
        message: 'mqtt sink "t": cannot read rootCaPath "/nonexistent/ca.pem": ENOENT: no such file or directory, open \'/nonexistent/ca.pem\'; fix the path or mount the file',
      });
      expect((await rest(service.url, 'GET', '/rules')).body.map((r: { status: string }) => r.status)).toEqual([
        'Running',
        'Stopped: mqtt sink "t": cannot read rootCaPath "/nonexistent/ca.pem": ENOENT: no such file or directory, open \'/nonexistent/ca.pem\'; fix the path or mount the file.',
      ]);
    } finally {
      await service.close();
    }
  });
  it('refuses a start, restart or update queued behind a delete of the same rule, leaving no source open and nothing persisted', async () => {
    const dir = tempDataDir();
    const first = await startTestService(env(dir));
    try {
      await rest(first.url, 'POST', '/streams', { sql: STREAM });
      await rest(first.url, 'POST', '/rules', { id: 'gone', sql: 'SELECT * FROM demo', actions: [{ log: {} }] });
      expect(first.sourceInstances()).toBe(1);
      const deleted = first.rules.delete('gone');
      const started = first.rules.start('gone');
      const restarted = first.rules.restart('gone');
      const updated = first.rules.update('gone', { id: 'gone', sql: 'SELECT temperature FROM demo', actions: [{ log: {} }] });
      await deleted;
      await expect(started).rejects.toThrow('rule gone not found');
      await expect(restarted).rejects.toThrow('rule gone not found');
      await expect(updated).rejects.toThrow('rule gone not found');
      expect(first.sourceInstances()).toBe(0);
      expect((await rest(first.url, 'GET', '/rules')).body).toEqual([]);
    } finally {
      await first.close();
    }
    const second = await startTestService(env(dir));
    try {
      expect((await rest(second.url, 'GET', '/rules')).body).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
