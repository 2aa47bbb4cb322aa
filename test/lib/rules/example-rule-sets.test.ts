import { EXAMPLE_FLEET } from '../../../lib/inventory/example-fleet';
import { ALARMS_TOPIC, dataCenterRuleSet, gatewayRuleSet, resolveSiteDefinitions } from '../../../lib/rules';
import { Engine, ManualClock, type OutputBatch, type RuleDefinition } from '../../../runtime/engine';

/** Runs the resolved data-center rule `id` in the runtime's engine on `readings`, returning every output row. */
function runDataCenterRule(id: string, readings: ReadonlyArray<Record<string, unknown>>, clock = new ManualClock(0), advanceTo?: number) {
  const defs = resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'dc24', dataCenterRuleSet());
  const engine = new Engine({ clock });
  defs.streams.forEach((ddl) => engine.createStream(ddl));
  const rule = engine.createRule(defs.rules.find((r) => (r as RuleDefinition).id === id) as RuleDefinition);
  const rows: OutputBatch[number][] = [];
  rule.onOutput((batch) => rows.push(...batch));
  readings.forEach((r) => rule.ingest('m3_monitor', JSON.stringify(r)));
  if (advanceTo !== undefined) {
    clock.set(advanceTo);
    rule.advance(advanceTo);
  }
  return rows;
}

const normal = { dc_id: 'dc24', upsBattery: 80, temperature: 22, humidity: 40, waterLeak: false };

describe('data-center example rules', () => {
  test('dc_threshold_alarms raises one alarm per reading past a threshold, naming the cause', () => {
    const rows = runDataCenterRule('dc_threshold_alarms', [
      { ...normal, deviceId: 'ups-1' },
      { ...normal, deviceId: 'ups-2', upsBattery: 15 },
      { ...normal, deviceId: 'crac-1', temperature: 31.5 },
      { ...normal, deviceId: 'leak-1', waterLeak: true },
      { ...normal, deviceId: 'crac-2', temperature: 30 },
    ]);
    expect(rows.map((r) => [r.deviceId, r.alarm])).toEqual([
      ['ups-2', 'ups_battery_low'],
      ['crac-1', 'room_temperature_high'],
      ['leak-1', 'water_leak'],
    ]);
    expect(rows[0]).toMatchObject({ dc_id: 'dc24', upsBattery: 15 });
  });

  test('dc_device_minute emits per-device averages and maxima when the 1-minute window closes', () => {
    const rows = runDataCenterRule('dc_device_minute', [
      { ...normal, deviceId: 'a', temperature: 20, humidity: 40 },
      { ...normal, deviceId: 'a', temperature: 24, humidity: 50, waterLeak: true },
      { ...normal, deviceId: 'b', temperature: 30, upsBattery: 50 },
    ], new ManualClock(1_000), 60_000);
    const byDevice = Object.fromEntries(rows.map((r) => [r.deviceId, r]));
    expect(byDevice.a).toMatchObject({ temperatureAvg: 22, temperatureMax: 24, humidityAvg: 45, humidityMax: 50, waterLeakReadings: 1, readings: 2, windowEnd: 60_000 });
    expect(byDevice.b).toMatchObject({ temperatureAvg: 30, upsBatteryMin: 50, readings: 1, waterLeakReadings: 0 });
  });

  test('the alarms go to the edge Kafka topic that MirrorMaker replicates to the cloud', () => {
    const dc24 = EXAMPLE_FLEET.environments[0].sites.find((s) => s.id === 'dc24');
    expect(dc24?.components.mirrorMaker?.topics).toContain(ALARMS_TOPIC);
  });
});

describe('gateway example rule', () => {
  test('demo_over_30 passes the four of the ten walkthrough readings above 30', () => {
    const defs = resolveSiteDefinitions(EXAMPLE_FLEET, 'prod', 'gw01', gatewayRuleSet());
    const engine = new Engine({ clock: new ManualClock(0) });
    defs.streams.forEach((ddl) => engine.createStream(ddl));
    const rule = engine.createRule(defs.rules[0] as RuleDefinition);
    const rows: OutputBatch[number][] = [];
    rule.onOutput((batch) => rows.push(...batch));
    for (const device of ['device_001', 'device_002']) {
      for (const temperature of [50, 40, 30, 20, 10]) {
        rule.ingest('demo', JSON.stringify({ temperature, humidity: 20 }), { topic: `devices/${device}/messages` });
      }
    }
    expect(rows).toEqual([50, 40, 50, 40].map((temperature) => ({ temperature, humidity: 20 })));
  });
});
