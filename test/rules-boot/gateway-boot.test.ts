import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { EXAMPLE_FLEET } from '../../lib/inventory/example-fleet';
import { GATEWAY_SINK_TOPIC } from '../../lib/rules';
import { freePort, startMosquitto, type MosquittoBroker } from '../support/mosquitto';
import { waitFor } from '../support/wait-for';
import { startEngine, type EngineProcess } from './engine-process';
import { synthRuleEngineConfig } from './gateway-config-map';

/** The cloud EMQX address the dev gateway's rule resolves to; the test points it at the local Mosquitto. */
const DEV_CLOUD_MQTT = 'mqtts://emqx.dev.example.dev:8883';
const RULE_ID = 'demo_over_30';

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Temperatures of the rows received on demoSink (a message is one row or an array of rows). */
function temperatures(messages: readonly string[]): number[] {
  return messages.flatMap((m) => [JSON.parse(m)].flat().map((row: { temperature: number }) => row.temperature));
}

describe('rule engine booted on the synthesized gateway ConfigMap', () => {
  let broker: MosquittoBroker;
  let engine: EngineProcess | undefined;
  let subscriber: MqttClient;
  let dir: string;
  const received: string[] = [];

  beforeAll(async () => {
    broker = await startMosquitto();
    dir = mkdtempSync(join(tmpdir(), 'edgestack-rules-boot-'));
    subscriber = await mqtt.connectAsync(broker.url, { clientId: 'rules-boot-sink-reader' });
    await subscriber.subscribeAsync(GATEWAY_SINK_TOPIC, { qos: 1 });
    subscriber.on('message', (_topic, payload) => received.push(payload.toString()));
  });

  afterAll(async () => {
    await engine?.stop();
    await subscriber?.endAsync();
    await broker?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('forwards exactly the four readings above 30 of the ten seed readings to demoSink', async () => {
    const definitionsJson = synthRuleEngineConfig(EXAMPLE_FLEET, 'dev', 'gw01')['definitions.json'];
    expect(definitionsJson).toContain(DEV_CLOUD_MQTT);
    // The only change to the synthesized content: the cloud EMQX address becomes the test broker.
    const definitionsFile = join(dir, 'definitions.json');
    writeFileSync(definitionsFile, definitionsJson.split(DEV_CLOUD_MQTT).join(broker.url));

    engine = startEngine(await freePort(), {
      EDGESTACK_DEFINITIONS: definitionsFile,
      EDGESTACK_DATA_DIR: join(dir, 'data'),
      MQTT_SOURCE__DEFAULT__SERVERS: `[${broker.url}]`,
    });
    const rest = engine.rest;
    const output = engine.output;
    await waitFor('the engine\'s /ping', async () => (await fetch(`${rest}/ping`)).ok, 20_000).catch((err: Error) => {
      throw new Error(`${err.message}\nengine output:\n${output()}`);
    });
    const rules = await waitFor(`rule ${RULE_ID} running`, async () => {
      const list = (await getJson(`${rest}/rules`)) as Array<{ id: string; status: string }>;
      // eKuiper's rule list spells the state `Running`; /rules/{id}/status spells it `running`.
      return list.find((r) => r.id === RULE_ID && r.status.toLowerCase() === 'running') ? list : false;
    });
    if (!rules) throw new Error('unreachable: waitFor resolves only with a list');
    expect(rules.map((r) => r.id)).toEqual([RULE_ID]);

    const publisher = await mqtt.connectAsync(broker.url, { clientId: 'rules-boot-devices' });
    for (const device of ['device_001', 'device_002']) {
      for (const temperature of [50, 40, 30, 20, 10]) {
        await publisher.publishAsync(`devices/${device}/messages`, JSON.stringify({ temperature, humidity: 20 }), { qos: 1 });
      }
    }
    await publisher.endAsync();

    const status = await waitFor('the source to count 10 readings and demoSink to receive 4', async () => {
      const s = (await getJson(`${rest}/rules/${RULE_ID}/status`)) as Record<string, unknown>;
      return s.source_demo_0_records_in_total === 10 && received.length >= 4 ? s : false;
    });
    if (!status) throw new Error('unreachable: waitFor resolves only with a status');
    expect(temperatures(received)).toEqual([50, 40, 50, 40]);
    const filterOut = Object.entries(status).filter(([k]) => /^op_\d+_filter_0_records_out_total$/.test(k)).map(([, v]) => v);
    expect(filterOut).toEqual([4]);
  }, 60_000);
});
