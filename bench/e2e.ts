/**
 * Mosquitto → engine → Mosquitto throughput (issue 4, item 10) for rule (a) of the core issue:
 * `SELECT * FROM demo WHERE temperature > 50`, at QoS 0 and QoS 1 end to end (publisher, source subscription and
 * sink publish all at the same QoS).
 *
 * Starts its own Mosquitto on a free loopback port (settings from shared/toolchain.md §5) and the service
 * in-process. The publisher keeps at most `--window` publishes unacknowledged (QoS 1: until PUBACK). The rate is
 * input messages ÷ (first publish → last result received on `benchSink`).
 *
 * Usage: npx tsx bench/e2e.ts [--qos0 <count>] [--qos1 <count>] [--window <n>]
 * @default --qos0 50000 --qos1 20000 --window 1000
 */
import mqtt from 'mqtt';
import pino from 'pino';
import { builtinConnectors } from '../runtime/connectors/builtin';
import { loadConfig } from '../runtime/config/load-config';
import { startService } from '../runtime/main';
import { startMosquitto } from '../test/support/mosquitto';
import { tempDataDir } from '../test/support/service';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer, got ${process.argv[i + 1]}`);
  return v;
}

interface Result {
  qos: 0 | 1;
  sent: number;
  expected: number;
  received: number;
  seconds: number;
}

async function run(brokerUrl: string, qos: 0 | 1, count: number, window: number): Promise<Result> {
  const config = loadConfig(
    {
      EDGESTACK_DATA_DIR: tempDataDir(),
      EDGESTACK_REST_PORT: '0',
      MQTT_SOURCE__DEFAULT__SERVERS: `[${brokerUrl}]`,
      MQTT_SOURCE__DEFAULT__QOS: String(qos),
    },
    builtinConnectors(),
    undefined,
  );
  const service = await startService(config, { logger: pino({ level: 'warn' }) });
  await service.streams.create('stream', 'CREATE STREAM demo (temperature float, humidity bigint) WITH (FORMAT="JSON", DATASOURCE="bench/in")');
  await service.rules.create({ id: 'a', sql: 'SELECT * FROM demo WHERE temperature > 50', actions: [{ mqtt: { topic: 'benchSink', qos, sendSingle: true } }] });

  const subscriber = await mqtt.connectAsync(brokerUrl, { clean: true });
  let received = 0;
  let lastReceipt = 0;
  subscriber.on('message', () => {
    received++;
    lastReceipt = performance.now();
  });
  await subscriber.subscribeAsync('benchSink', { qos });

  const payloads: string[] = [];
  let expected = 0;
  for (let i = 0; i < count; i++) {
    const temperature = (i * 37) % 101;
    if (temperature > 50) expected++;
    payloads.push(JSON.stringify({ temperature, humidity: i % 100 }));
  }
  const publisher = await mqtt.connectAsync(brokerUrl, { clean: true });
  const start = performance.now();
  let inflight = 0;
  let next = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      while (inflight < window && next < count) {
        inflight++;
        publisher.publish('bench/in', payloads[next++] as string, { qos }, () => {
          inflight--;
          if (next < count) pump();
          else if (inflight === 0) resolve();
        });
      }
    };
    pump();
  });
  let lastSeen = received;
  let idleSince = performance.now();
  while (received < expected && performance.now() - idleSince < 10_000) {
    await new Promise((r) => setTimeout(r, 50));
    if (received !== lastSeen) {
      lastSeen = received;
      idleSince = performance.now();
    }
  }
  const seconds = ((received > 0 ? lastReceipt : performance.now()) - start) / 1000;
  await publisher.endAsync();
  await subscriber.endAsync();
  await service.close();
  return { qos, sent: count, expected, received, seconds };
}

async function main(): Promise<void> {
  const window = arg('window', 1000);
  const broker = await startMosquitto();
  try {
    const results = [await run(broker.url, 0, arg('qos0', 50_000), window), await run(broker.url, 1, arg('qos1', 20_000), window)];
    console.log(`bench/e2e: Mosquitto → edgestack → Mosquitto, rule "SELECT * FROM demo WHERE temperature > 50", window ${window}`);
    console.log('| QoS | messages in | results expected | results received | seconds | input msgs/s | results/s |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results) {
      console.log(
        `| ${r.qos} | ${r.sent} | ${r.expected} | ${r.received} | ${r.seconds.toFixed(2)} | ${Math.round(r.sent / r.seconds)} | ${Math.round(r.received / r.seconds)} |`,
      );
    }
  } finally {
    await broker.stop();
  }
}

main().catch((err) => {
  console.error(`bench/e2e failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
