import { Testing } from 'cdk8s';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFleetCharts } from '../../lib/charts/fleet-charts';
import { EngineConfigInput, renderEngineConfig } from '../../lib/constructs/rule-engine-config';
import { configConnections } from '../../runtime/config/config-connections';
import { loadConfig } from '../../runtime/config/load-config';
import { builtinConnectors } from '../../runtime/connectors/builtin';
import { kafkaSourceSpec } from '../../runtime/connectors/kafka/kafka-source';
import { parseConnectorProps } from '../../runtime/connectors/spec';
import type { RuleDefinition } from '../../runtime/engine/contract';
import { resolveActions, validateActions } from '../../runtime/rules/rule-actions';
import { Manifest, find, podSpec } from './support/manifests';

/** Node address the kubelet would put in HOST_IP (TEST-NET-1). */
const NODE_IP = '192.0.2.10';

interface EngineSite {
  readonly chart: string;
  readonly engineYaml: string;
  readonly definitions: { streams: string[]; tables: string[]; rules: RuleDefinition[] };
  readonly container: any;
}

/** The rule engine of every chart of the example fleet that runs one. */
function exampleEngines(): EngineSite[] {
  const app = Testing.app();
  return createFleetCharts(app).flatMap((chart) => {
    const ms = Testing.synth(chart) as Manifest[];
    if (!ms.some((m) => m.kind === 'ConfigMap' && m.metadata.name === 'rule-engine-config')) return [];
    const data = find(ms, 'ConfigMap', 'rule-engine-config').data!;
    return [{
      chart: chart.node.id,
      engineYaml: data['engine.yaml'],
      definitions: JSON.parse(data['definitions.json']),
      container: podSpec(find(ms, 'Deployment', 'rule-engine')).containers[0],
    }];
  });
}

/**
 * The container environment as the process sees it: `$(VAR)` references expanded as the kubelet does, Secret
 * values replaced by a marker naming the Secret and key.
 */
function podEnv(container: any): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of container.env as any[]) {
    if (e.value !== undefined) env[e.name] = String(e.value).replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (_m, v: string) => env[v] ?? `$(${v})`);
    else if (e.valueFrom?.fieldRef?.fieldPath === 'status.hostIP') env[e.name] = NODE_IP;
    else if (e.valueFrom?.secretKeyRef) env[e.name] = `<${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}>`;
  }
  return env;
}

/** `WITH (...)` options of a CREATE STREAM statement, keys upper-cased. */
function streamOptions(ddl: string): Record<string, string> {
  const withClause = /WITH\s*\(([^)]*)\)\s*$/i.exec(ddl)?.[1] ?? '';
  return Object.fromEntries([...withClause.matchAll(/(\w+)\s*=\s*"([^"]*)"/g)].map(([, k, v]) => [k.toUpperCase(), v]));
}

describe('engine.yaml of every example chart, loaded by the runtime', () => {
  const engines = exampleEngines();
  const registry = builtinConnectors();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'edgestack-engine-yaml-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (site: EngineSite): string => {
    const file = join(dir, `${site.chart}.yaml`);
    writeFileSync(file, site.engineYaml);
    return file;
  };

  test('the example fleet has rule engines on the gateways and the data centers', () => {
    expect(engines.map((e) => e.chart)).toEqual(['dev-dc24', 'dev-gw01', 'prod-dc24', 'prod-gw01']);
  });

  test.each(engines.map((e) => [e.chart, e] as const))('%s: the service schema accepts the file alone (empty env)', (_id, site) => {
    const config = loadConfig({}, registry, write(site));
    expect(config.rest).toEqual({ bind: '0.0.0.0', port: 9081, tokenFile: '/var/run/secrets/edgestack/rest-token/token', bodyLimitBytes: 1048576 });
    expect(config.dataDir).toBe('/var/lib/edgestack');
    expect(config.definitionsFile).toBe('/etc/edgestack/definitions.json');
    expect(site.engineYaml).not.toContain('$(');
    const siteId = site.chart.slice(site.chart.indexOf('-') + 1);
    if (siteId.startsWith('dc')) {
      expect(config.sources).toEqual({ kafka: { default: { brokers: `kafka.edge-${siteId}.svc.cluster.local:9092` } } });
    } else {
      expect(config.sources).toEqual({});
    }
    const domain = `${site.chart.slice(0, site.chart.indexOf('-'))}.example.dev`;
    const dir = '/var/run/secrets/edgestack/cloud';
    expect(config.sinks).toEqual({
      mqtt: { cloud: { server: `mqtts://emqx.${domain}:8883`, certificationPath: `${dir}/tls.crt`, privateKeyPath: `${dir}/tls.key`, rootCaPath: `${dir}/ca.crt` } },
      kafka: { cloud: { brokers: `kafka-bootstrap.${domain}:9094`, tlsEnable: true, saslAuthType: 'scram_sha_512', rootCaPath: `${dir}/ca.crt` } },
    });
    expect(site.engineYaml).not.toMatch(/password|saslUserName/i);
  });

  test.each(engines.map((e) => [e.chart, e] as const))('%s: cloud sinks get the client certificate and the SASL user from the cloud section, not the local broker\'s', (_id, site) => {
    const config = loadConfig(podEnv(site.container), registry, write(site));
    expect(config.sinks.kafka?.cloud).toMatchObject({ saslUserName: '<rule-engine-cloud/kafka-username>', saslPassword: '<rule-engine-cloud/kafka-password>' });
    const connections = configConnections(config);
    const cloud = { resourceId: 'cloud', topic: 't' };
    const [mqttSink, kafkaSink] = resolveActions(
      { id: 'probe', sql: 'SELECT * FROM s', actions: [{ mqtt: { ...cloud, server: 'mqtts://emqx.example:8883' } }, { kafka: { ...cloud, brokers: 'kb:9094' } }] },
      connections,
    );
    expect(mqttSink.props).toEqual({
      server: 'mqtts://emqx.example:8883', certificationPath: '/var/run/secrets/edgestack/cloud/tls.crt', privateKeyPath: '/var/run/secrets/edgestack/cloud/tls.key',
      rootCaPath: '/var/run/secrets/edgestack/cloud/ca.crt', resourceId: 'cloud', topic: 't',
    });
    expect(kafkaSink.props).toEqual({
      brokers: 'kb:9094', tlsEnable: true, saslAuthType: 'scram_sha_512', rootCaPath: '/var/run/secrets/edgestack/cloud/ca.crt',
      saslUserName: '<rule-engine-cloud/kafka-username>', saslPassword: '<rule-engine-cloud/kafka-password>', resourceId: 'cloud', topic: 't',
    });
    const cloudActions = site.definitions.rules.flatMap((r) => resolveActions(r, connections)).filter((a) => a.props.resourceId === 'cloud');
    for (const a of cloudActions) expect(a.props).toHaveProperty(a.type === 'mqtt' ? 'certificationPath' : 'saslPassword');
    expect(cloudActions.length).toBe(site.chart.endsWith('gw01') ? 1 : 0);
  });

  test.each(engines.map((e) => [e.chart, e] as const))('%s: with the pod environment, every stream and action resolves its connection', (_id, site) => {
    const config = loadConfig(podEnv(site.container), registry, write(site));
    expect(config.sources.mqtt?.default).toMatchObject({
      servers: [`tcp://${NODE_IP}:1883`], username: '<rule-engine-mqtt/username>', password: '<rule-engine-mqtt/password>',
    });
    const connections = configConnections(config);
    for (const ddl of site.definitions.streams) {
      const options = streamOptions(ddl);
      const type = (options.TYPE ?? 'mqtt').toLowerCase();
      const props = connections.source(type, options.CONF_KEY ?? 'default');
      if (type === 'kafka') {
        expect(parseConnectorProps(kafkaSourceSpec, props, ddl).brokers).toMatch(/^kafka\.edge-[a-z0-9-]+\.svc\.cluster\.local:9092$/);
      } else {
        expect(props).toMatchObject({ servers: [`tcp://${NODE_IP}:1883`] });
      }
    }
    expect(site.definitions.rules.length).toBeGreaterThan(0);
    for (const rule of site.definitions.rules) expect(() => validateActions(rule, registry, connections)).not.toThrow();
  });
});

describe('renderEngineConfig', () => {
  const base = { restBind: '0.0.0.0', restPort: 9081, restTokenFile: '/t/token', dataDir: '/d', definitionsFile: '/c/definitions.json' };

  test('fails synth on a key the service rejects, such as a top-level mqtt section', () => {
    const extra = { mqtt: { servers: ['tcp://127.0.0.1:1883'] } } as unknown as EngineConfigInput;
    expect(() => renderEngineConfig({ ...base, extra })).toThrow(
      'RuleEngine: engine.yaml is not a valid service configuration: key "(root)": Unrecognized key: "mqtt"; '
        + 'fix engineConfig to the keys of runtime/config/service-config.ts (connections go under sources.<type>.<confKey> / sinks.<type>.<resourceId>)',
    );
  });

  test('deep-merges extra settings in the service schema', () => {
    const yaml = renderEngineConfig({ ...base, kafkaBootstrap: 'k:9092', extra: { log: { level: 'debug' }, sources: { kafka: { default: { groupID: 'g' } } } } });
    const dir = mkdtempSync(join(tmpdir(), 'edgestack-engine-yaml-'));
    try {
      writeFileSync(join(dir, 'e.yaml'), yaml);
      const config = loadConfig({}, builtinConnectors(), join(dir, 'e.yaml'));
      expect(config.log.level).toBe('debug');
      expect(config.sources).toEqual({ kafka: { default: { brokers: 'k:9092', groupID: 'g' } } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
