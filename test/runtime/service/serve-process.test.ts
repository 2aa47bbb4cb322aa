import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../support/mosquitto';
import { MqttCollector, publishAll } from '../../support/mqtt-collector';
import { rest, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

const launcher = join(__dirname, '../../../bin/edgestack');

interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<number | null>;
}

/** Starts `bin/edgestack serve` as its own node process (the launcher loads the CLI in-process, so the pid is the service). */
async function serve(env: Record<string, string>): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [launcher, 'serve'], {
    env: { ...process.env, EDGESTACK_REST_PORT: String(port), EDGESTACK_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`edgestack serve on ${url} (stderr: ${stderr})`, async () => (await fetch(`${url}/ping`)).ok, 20_000, 100);
  return { child, url, exited };
}

describe('edgestack serve as a process', () => {
  it('runs the walkthrough on the embedded broker with only Node, and exits 0 on SIGTERM', async () => {
    const brokerPort = await freePort();
    const proc = await serve({ EDGESTACK_DATA_DIR: tempDataDir(), EDGESTACK_EMBEDDED_BROKER_PORT: String(brokerPort) });
    const brokerUrl = `tcp://127.0.0.1:${brokerPort}`;
    const sink = await MqttCollector.start(brokerUrl, 'demoSink');
    try {
      await rest(proc.url, 'POST', '/streams', { sql: 'CREATE STREAM demo (temperature float, humidity bigint) WITH (FORMAT="JSON", DATASOURCE="devices/+/messages")' });
      await rest(proc.url, 'POST', '/rules', { id: 'rule1', sql: 'SELECT * FROM demo WHERE temperature > 30', actions: [{ log: {} }, { mqtt: { topic: 'demoSink' } }] });
      await waitFor('source connected', async () => (await rest(proc.url, 'GET', '/rules/rule1/status')).body.source_demo_0_connection_status === 1);
      const readings = [50, 40, 30, 20, 10];
      await publishAll(brokerUrl, [
        ...readings.map((t) => ({ topic: 'devices/device_001/messages', payload: { temperature: t, humidity: 20 } })),
        ...readings.map((t) => ({ topic: 'devices/device_002/messages', payload: { temperature: t, humidity: 20 } })),
      ]);
      await waitFor('4 rows', () => sink.rows().length >= 4);
      expect(sink.rows().map((r) => r.temperature)).toEqual([50, 40, 50, 40]);
    } finally {
      await sink.stop();
      proc.child.kill('SIGTERM');
    }
    expect(await proc.exited).toBe(0);
  }, 60_000);

  it('loses no acknowledged definition when killed with SIGKILL mid-writes', async () => {
    const dir = tempDataDir();
    const env = { EDGESTACK_DATA_DIR: dir, EDGESTACK_EMBEDDED_BROKER: 'never' };
    const first = await serve(env);
    await rest(first.url, 'POST', '/streams', { sql: 'CREATE STREAM demo (a bigint) WITH (TYPE="memory", DATASOURCE="in")' });
    const acked: string[] = [];
    const writers = [0, 1, 2, 3].map(async (w) => {
      for (let i = 0; ; i++) {
        const id = `r_${w}_${i}`;
        try {
          const res = await rest(first.url, 'POST', '/rules', { id, sql: 'SELECT * FROM demo', actions: [{ log: {} }] });
          if (res.status === 201) acked.push(id);
        } catch {
          return;
        }
      }
    });
    await waitFor('60 acknowledged rules', () => acked.length >= 60, 30_000);
    first.child.kill('SIGKILL');
    await Promise.all(writers);
    await first.exited;

    const second = await serve(env);
    try {
      const ids = new Set((await rest(second.url, 'GET', '/rules')).body.map((r: { id: string }) => r.id));
      const lost = acked.filter((id) => !ids.has(id));
      expect(lost).toEqual([]);
      expect((await rest(second.url, 'GET', `/rules/${acked[0]}/status`)).body.status).toBe('running');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 90_000);
});
