import { Testing } from 'cdk8s';
import { EdgeSiteChart } from '../../../lib/charts/edge-site-chart';
import { findSite } from '../../../lib/charts/find-site';
import { CONFIG_CHECKSUM_ANNOTATION } from '../../../lib/constructs/rule-engine';
import { EXAMPLE_FLEET } from '../../../lib/inventory/example-fleet';
import { RuleDefinitions } from '../../../lib/inventory/fleet';
import { ColumnType, Sink, Stream, exampleRuleSet, resolveSiteDefinitions } from '../../../lib/rules';

function synthGateway(definitions: RuleDefinitions) {
  const env = EXAMPLE_FLEET.environments[0];
  const chart = new EdgeSiteChart(Testing.app(), 'dev-gw01', { env, site: findSite(EXAMPLE_FLEET, 'dev', 'gw01'), definitions });
  const manifests = Testing.synth(chart);
  const configMap = manifests.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'rule-engine-config');
  const deployment = manifests.find((o) => o.kind === 'Deployment' && o.metadata.name === 'rule-engine');
  return { data: configMap.data as Record<string, string>, checksum: deployment.spec.template.metadata.annotations[CONFIG_CHECKSUM_ANNOTATION] as string };
}

describe('resolved definitions in the RuleEngine ConfigMap', () => {
  const site = findSite(EXAMPLE_FLEET, 'dev', 'gw01');
  const resolved = resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'gw01', exampleRuleSet(site));

  test('definitions.json holds the resolved streams, tables and rules', () => {
    expect(JSON.parse(synthGateway(resolved).data['definitions.json'])).toEqual(resolved);
  });

  test('a rule change changes the pod template checksum, so the pods roll', () => {
    const changed = resolveSiteDefinitions(EXAMPLE_FLEET, 'dev', 'gw01', {
      streams: [Stream.localMqtt({ name: 'demo', topic: 'devices/+/messages', columns: { temperature: ColumnType.FLOAT, humidity: ColumnType.BIGINT } })],
      rules: [{ id: 'demo_over_30', sql: 'SELECT * FROM demo WHERE temperature > 35', actions: [Sink.cloudMqtt({ topic: 'demoSink' }), Sink.log()] }],
    });
    const before = synthGateway(resolved).checksum;
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(synthGateway(changed).checksum).not.toBe(before);
    expect(synthGateway(resolved).checksum).toBe(before);
  });
});

describe('ColumnType', () => {
  test('fails on a struct without fields', () => {
    expect(() => ColumnType.struct({})).toThrow('ColumnType.struct: no fields; declare at least one, e.g. { lat: ColumnType.FLOAT }');
  });
});
