import { Duration } from 'cdk8s';
import { findSite } from '../../../lib/charts/find-site';
import { EXAMPLE_FLEET } from '../../../lib/inventory/example-fleet';
import {
  ALARMS_TOPIC, ColumnType, FleetEndpoint, HttpMethod, KafkaAcks, MqttQos, Sink, Stream, StreamFormat, Table,
  dataCenterRuleSet, exampleRuleSet, gatewayRuleSet, resolveSiteDefinitions, resolveSiteEndpoints,
} from '../../../lib/rules';

describe('resolveSiteEndpoints', () => {
  test('a gateway reaches the cloud EMQX and Kafka and its own broker, and has no edge Kafka', () => {
    const e = resolveSiteEndpoints(EXAMPLE_FLEET, 'prod', 'gw01');
    expect(e.chartId).toBe('prod-gw01');
    expect(e.available).toEqual({
      [FleetEndpoint.LOCAL_MQTT]: {},
      [FleetEndpoint.CLOUD_MQTT]: { resourceId: 'cloud', server: 'mqtts://emqx.prod.example.dev:8883' },
      [FleetEndpoint.CLOUD_KAFKA]: { resourceId: 'cloud', brokers: 'kafka-bootstrap.prod.example.dev:9094', tlsEnable: true, saslAuthType: 'scram_sha_512' },
    });
    expect(e.missing[FleetEndpoint.EDGE_KAFKA]).toBe('no edge Kafka (profile edge-gateway runs no Kafka; components.kafka is not set)');
    expect(e.mirroredTopics).toEqual([]);
  });

  test('a data center also has its own Kafka, whose alarms topic MirrorMaker replicates', () => {
    const e = resolveSiteEndpoints(EXAMPLE_FLEET, 'dev', 'dc24');
    expect(e.available[FleetEndpoint.EDGE_KAFKA]).toEqual({ brokers: 'kafka.edge-dc24.svc.cluster.local:9092' });
    expect(e.available[FleetEndpoint.CLOUD_MQTT]).toEqual({ resourceId: 'cloud', server: 'mqtts://emqx.dev.example.dev:8883' });
    expect(e.mirroredTopics).toEqual([ALARMS_TOPIC]);
  });

  test('a cloud site has no cloud endpoint and no edge Kafka', () => {
    const e = resolveSiteEndpoints(EXAMPLE_FLEET, 'dev', 'cloud');
    expect(Object.keys(e.available)).toEqual([]);
    expect(e.missing[FleetEndpoint.CLOUD_MQTT]).toBe('no cloud endpoint (it is a cloud site without a "cloud" entry)');
  });
});

describe('resolveSiteDefinitions', () => {
  test('the same rule resolves its cloud sink to each environment\'s EMQX', () => {
    const dev = resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'gw01', gatewayRuleSet());
    const prod = resolveSiteDefinitions(EXAMPLE_FLEET, 'prod', 'gw01', gatewayRuleSet());
    expect(dev.rules[0]).toMatchObject({ actions: [{ mqtt: { server: 'mqtts://emqx.dev.example.dev:8883', topic: 'demoSink' } }, { log: {} }] });
    expect(prod.rules[0]).toMatchObject({ actions: [{ mqtt: { server: 'mqtts://emqx.prod.example.dev:8883', topic: 'demoSink' } }, { log: {} }] });
  });

  test('resolves the gateway rule set to the walkthrough stream and rule', () => {
    expect(resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'gw01', gatewayRuleSet())).toEqual({
      streams: ['CREATE STREAM demo (temperature FLOAT, humidity BIGINT) WITH (DATASOURCE="devices/+/messages", FORMAT="JSON")'],
      tables: [],
      rules: [{
        id: 'demo_over_30',
        sql: 'SELECT * FROM demo WHERE temperature > 30',
        actions: [{ mqtt: { resourceId: 'cloud', server: 'mqtts://emqx.dev.example.dev:8883', topic: 'demoSink' } }, { log: {} }],
      }],
    });
  });

  test('resolves the data-center alarms to the edge Kafka topic MirrorMaker replicates', () => {
    const defs = resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'dc24', dataCenterRuleSet());
    expect(defs.streams).toEqual([
      'CREATE STREAM m3_monitor (deviceId STRING, dc_id STRING, upsBattery FLOAT, temperature FLOAT, humidity FLOAT, waterLeak BOOLEAN) '
      + 'WITH (TYPE="kafka", DATASOURCE="m3_monitor", FORMAT="JSON")',
    ]);
    expect(defs.rules.map((r) => (r as { id: string }).id)).toEqual(['dc_threshold_alarms', 'dc_device_minute']);
    const alarm = defs.rules[0] as { actions: Array<{ kafka: { topic: string; brokers: string } }> };
    expect(alarm.actions[0].kafka).toEqual({
      brokers: 'kafka.edge-dc24.svc.cluster.local:9092', topic: 'alarms', key: '{{.deviceId}}', requiredACKs: -1, sendSingle: true,
    });
    expect(resolveSiteEndpoints(EXAMPLE_FLEET, 'dev', 'dc24').mirroredTopics).toContain(alarm.actions[0].kafka.topic);
    expect(defs.rules[1]).toMatchObject({ sql: expect.stringContaining('GROUP BY deviceId, dc_id, TUMBLINGWINDOW(mi, 1)') });
  });

  test('renders typed options, sinks and tables in eKuiper\'s shapes', () => {
    const defs = resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'dc24', {
      streams: [Stream.localMqtt({ name: 'readings', topic: 'dc/+/readings', format: StreamFormat.JSON, timestamp: 'ts', shared: true, columns: {
        ts: ColumnType.BIGINT, tags: ColumnType.array(ColumnType.STRING), pos: ColumnType.struct({ lat: ColumnType.FLOAT, lon: ColumnType.FLOAT }),
      } })],
      tables: [Table.localMqtt({ name: 'limits', topic: 'dc/limits', retainSize: 10, columns: { deviceId: ColumnType.STRING } })],
      rules: [{
        id: 'late',
        sql: 'SELECT ts FROM readings',
        options: { isEventTime: true, lateTolerance: Duration.seconds(2), sendError: false, bufferLength: 256 },
        actions: [
          Sink.localMqtt({ topic: 'dc/out', qos: MqttQos.AT_MOST_ONCE, retained: true }),
          Sink.cloudKafka({ topic: 'readings', requiredACKs: KafkaAcks.LEADER }),
          Sink.rest({ url: 'http://hooks.local/alarm', method: HttpMethod.PUT, timeout: Duration.seconds(2), retryInterval: Duration.millis(500) }),
        ],
      }],
    });
    expect(defs.streams[0]).toBe('CREATE STREAM readings (ts BIGINT, tags ARRAY(STRING), pos STRUCT(lat FLOAT, lon FLOAT)) '
      + 'WITH (DATASOURCE="dc/+/readings", FORMAT="JSON", TIMESTAMP="ts", SHARED="true")');
    expect(defs.tables[0]).toBe('CREATE TABLE limits (deviceId STRING) WITH (DATASOURCE="dc/limits", FORMAT="JSON", RETAIN_SIZE="10")');
    expect(defs.rules[0]).toEqual({
      id: 'late',
      sql: 'SELECT ts FROM readings',
      options: { isEventTime: true, lateTolerance: 2000, sendError: false, bufferLength: 256 },
      actions: [
        { mqtt: { topic: 'dc/out', qos: 0, retained: true } },
        { kafka: { resourceId: 'cloud', brokers: 'kafka-bootstrap.dev.example.dev:9094', tlsEnable: true, saslAuthType: 'scram_sha_512', topic: 'readings', requiredACKs: 1 } },
        { rest: { url: 'http://hooks.local/alarm', method: 'PUT', timeout: 2000, retryInterval: 500 } },
      ],
    });
  });

  test('an empty rule set resolves to empty lists, even where no rule engine runs', () => {
    expect(resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'cloud', {})).toEqual({ streams: [], tables: [], rules: [] });
  });
});

describe('example rule sets', () => {
  test.each(EXAMPLE_FLEET.environments.flatMap((env) => env.sites.map((site) => [env.name, site.id] as const)))(
    'the example rule set of %s-%s validates', (env, siteId) => {
      const site = findSite(EXAMPLE_FLEET, env, siteId);
      const defs = resolveSiteDefinitions(EXAMPLE_FLEET, env, siteId, exampleRuleSet(site));
      const expected = { 'edge-gateway': ['demo_over_30'], 'edge-datacenter': ['dc_threshold_alarms', 'dc_device_minute'] };
      expect(defs.rules.map((r) => (r as { id: string }).id)).toEqual(site.profile ? expected[site.profile] : []);
    },
  );
});
