import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { parseAllDocuments } from 'yaml';
import { EXAMPLE_FLEET, chartId, requiredSecrets } from '../../lib';
import { SiteDeployment, deploySite } from '../../stacks/deploy-site';
import main = require('../../stacks');
import { MockEngine, RegisteredResource, promiseOf, registered, unwrapSecret, withoutSecrets } from './mock-engine';
import { ROOT, secretStrings, stackFileConfig, stackFileText, stackNames, testSecrets } from './stack-files';

/** The chart as `npm run synth` wrote it: every document of `charts-out/<stack>/*.k8s.yaml`. */
function chartsOut(stack: string): Record<string, unknown>[] {
  const dir = join(ROOT, 'charts-out', stack);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.k8s.yaml'))
    .flatMap((file) => parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => doc.toJS() as Record<string, unknown>))
    .filter((obj) => obj !== null);
}

/** `kind namespace/name`, to compare object sets independently of order. */
function objectKey(obj: Record<string, unknown>): string {
  const meta = (obj.metadata ?? {}) as { name?: string; namespace?: string };
  return `${obj.apiVersion} ${obj.kind} ${meta.namespace ?? ''}/${meta.name}`;
}

function sortByKey<T extends Record<string, unknown>>(objs: T[]): T[] {
  return [...objs].sort((a, b) => objectKey(a).localeCompare(objectKey(b)));
}

/** Expected stack outputs, from the inventory's domains and the charts' Service names. */
const EXPECTED_OUTPUTS: Record<string, object> = {
  'dev-cloud': { mqttEndpoint: 'mqtts://emqx.dev.example.dev:8883', kafkaBootstrap: 'kafka-bootstrap.dev.example.dev:9094' },
  'prod-cloud': { mqttEndpoint: 'mqtts://emqx.prod.example.dev:8883', kafkaBootstrap: 'kafka-bootstrap.prod.example.dev:9094' },
  'dev-dc24': {
    mqttEndpoint: 'tcp://mosquitto.edge-dc24-host.svc.cluster.local:1883',
    kafkaBootstrap: 'kafka.edge-dc24.svc.cluster.local:9092',
    ruleEngineRestUrl: 'http://rule-engine.edge-dc24.svc.cluster.local:9081',
  },
  'prod-dc24': {
    mqttEndpoint: 'tcp://mosquitto.edge-dc24-host.svc.cluster.local:1883',
    kafkaBootstrap: 'kafka.edge-dc24.svc.cluster.local:9092',
    ruleEngineRestUrl: 'http://rule-engine.edge-dc24.svc.cluster.local:9081',
  },
  'dev-gw01': { mqttEndpoint: 'tcp://mosquitto.edge-gw01-host.svc.cluster.local:1883', ruleEngineRestUrl: 'http://rule-engine.edge-gw01.svc.cluster.local:9081' },
  'prod-gw01': { mqttEndpoint: 'tcp://mosquitto.edge-gw01-host.svc.cluster.local:1883', ruleEngineRestUrl: 'http://rule-engine.edge-gw01.svc.cluster.local:9081' },
};

it('has one stack file per chart of the example fleet, named by chart id', () => {
  const charts = EXAMPLE_FLEET.environments.flatMap((env) => env.sites.map((site) => chartId(env.name, site.id))).sort();
  expect(stackNames()).toEqual(charts);
  expect(charts).toEqual(Object.keys(EXPECTED_OUTPUTS).sort());
});

describe.each(stackNames())('stack %s', (stack) => {
  const [env, siteId] = [stack.slice(0, stack.indexOf('-')), stack.slice(stack.indexOf('-') + 1)];
  const site = EXAMPLE_FLEET.environments.find((e) => e.name === env)!.sites.find((s) => s.id === siteId)!;
  const secrets = testSecrets(stack);
  let engine: MockEngine;
  let deployment: SiteDeployment;
  let outputs: unknown;

  beforeAll(async () => {
    engine = new MockEngine('edgestack', stack, { ...stackFileConfig(stack), ...secrets }, Object.keys(secrets));
    deployment = deploySite();
    const children = [
      ...Object.values(await promiseOf(deployment.chart.foundation.resources)),
      ...Object.values(await promiseOf(deployment.chart.workloads.resources)),
    ] as pulumi.Resource[];
    await registered([...children, ...deployment.chart.secrets, ...(deployment.edgeNodes?.patches ?? []), deployment.chart]);
    outputs = deployment.outputs;
  });

  const custom = () => engine.resources.filter((r) => !['kubernetes:yaml:ConfigGroup', 'edgestack:k8s:ChartDeployment', 'edgestack:k8s:EdgeNodes'].includes(r.type));
  const applied = () => engine.resources.filter((r) => r.parent.includes('kubernetes:yaml:ConfigGroup'));

  it('documents how to set every secret it needs, and holds no secret value', () => {
    for (const key of Object.keys(secrets)) expect(stackFileText(stack)).toMatch(new RegExp(`pulumi config set --secret (--path )?'?${key}\\b`));
    for (const key of Object.keys(secrets)) expect(stackFileConfig(stack)).not.toHaveProperty([key]);
  });

  it('applies exactly the objects of charts-out/<stack>/', () => {
    const expected = sortByKey(chartsOut(stack));
    expect(expected.length).toBeGreaterThan(5);
    expect(sortByKey(applied().map((r) => r.inputs))).toEqual(expected);
  });

  it('registers the chart objects, the Secrets, the NodePatches and the provider, and nothing else', () => {
    const secretNames = requiredSecrets(EXAMPLE_FLEET, env, siteId).map((r) => `${r.namespace}/${r.name}`);
    const nodes = site.role === 'edge' ? JSON.parse(stackFileConfig(stack)['edgestack:edgeNodes']) as string[] : [];
    const expected = [
      ...chartsOut(stack).map(objectKey),
      ...secretNames.map((n) => `v1 Secret ${n}`),
      ...nodes.map((n) => `v1 Node /${n}`),
      'pulumi:providers:kubernetes',
    ].sort();
    const actual = custom()
      .map((r) => (r.type === 'pulumi:providers:kubernetes' ? r.type : objectKey(r.inputs)))
      .sort();
    expect(actual).toEqual(expected);
    expect(secretNames.length).toBeGreaterThan(0);
  });

  it('targets the site cluster through one explicit provider', () => {
    const providers = engine.ofType('pulumi:providers:kubernetes');
    expect(providers).toHaveLength(1);
    expect(providers[0].inputs).toMatchObject({ context: `${env}-kubeedge`, enableServerSideApply: 'true' });
    for (const r of custom().filter((r) => r.type !== 'pulumi:providers:kubernetes')) {
      expect(r.provider).toBe(`${providers[0].urn}::${stack}-id`);
    }
  });

  it('carries no plaintext secret in any resource input', () => {
    const values = secretStrings(secrets);
    expect(values.length).toBeGreaterThan(1);
    for (const r of engine.resources) {
      const plain = JSON.stringify(withoutSecrets(r.inputs));
      for (const value of values) expect({ resource: `${r.type} ${r.name}`, leaks: plain.includes(value) }).toEqual({ resource: `${r.type} ${r.name}`, leaks: false });
    }
    for (const secret of engine.ofType('kubernetes:core/v1:Secret')) {
      expect(withoutSecrets(secret.inputs.stringData)).toBe('[secret]');
    }
  });

  it('fills each Secret with exactly the keys the manifests read', () => {
    for (const requirement of requiredSecrets(EXAMPLE_FLEET, env, siteId)) {
      const secret = engine.ofType('kubernetes:core/v1:Secret').find((s) => objectKey(s.inputs).endsWith(` ${requirement.namespace}/${requirement.name}`)) as RegisteredResource;
      const data = unwrapSecret(secret.inputs.stringData) as Record<string, string>;
      expect(Object.keys(data).sort()).toEqual(Object.keys(requirement.keys).sort());
      for (const value of Object.values(data)) expect(value.length).toBeGreaterThan(0);
    }
  });

  if (site.role === 'edge') {
    it('hashes the Mosquitto users and gives the rule engine its own account', () => {
      const byName = (name: string) =>
        unwrapSecret(engine.ofType('kubernetes:core/v1:Secret').find((s) => (s.inputs.metadata as { name: string }).name === name)!.inputs.stringData) as Record<string, string>;
      const users = JSON.parse(secrets['edgestack:mosquittoUsers']) as Record<string, string>;
      expect(byName('mosquitto-passwd').passwd).toMatch(/^rule-engine:\$7\$101\$\S+\nsensor-01:\$7\$101\$\S+\n$/);
      expect(byName('rule-engine-mqtt')).toEqual({ username: 'rule-engine', password: users['rule-engine'] });
    });

    it('fills rule-engine-cloud, the cloud sinks\' client certificate, CA and Kafka SCRAM user, from ruleEngineCloud', () => {
      const cloud = JSON.parse(secrets['edgestack:ruleEngineCloud']) as Record<string, string>;
      const secret = engine.ofType('kubernetes:core/v1:Secret').find((s) => (s.inputs.metadata as { name: string }).name === 'rule-engine-cloud')!;
      expect((secret.inputs.metadata as { namespace: string }).namespace).toBe(`edge-${siteId}`);
      expect(unwrapSecret(secret.inputs.stringData)).toEqual({
        'tls.crt': cloud.tlsCrt, 'tls.key': cloud.tlsKey, 'ca.crt': cloud.caCrt, 'kafka-username': cloud.kafkaUsername, 'kafka-password': cloud.kafkaPassword,
      });
    });

    it('labels and taints each listed KubeEdge node', () => {
      const patches = engine.ofType('kubernetes:core/v1:NodePatch');
      expect(patches.map((p) => p.inputs)).toEqual([
        {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: `${stack}-${siteId === 'gw01' ? 'pi1' : 'node1'}`, labels: { 'node-role.kubernetes.io/edge': '', 'edgestack.io/site': siteId } },
          spec: { taints: [{ key: 'edge', value: 'true', effect: 'NoSchedule' }] },
        },
      ]);
    });
  } else {
    it('patches no node', () => {
      expect(engine.ofType('kubernetes:core/v1:NodePatch')).toEqual([]);
      expect(deployment.edgeNodes).toBeUndefined();
    });
  }

  it('exports the MQTT endpoint, the Kafka bootstrap and the rule engine REST URL', () => {
    expect(outputs).toEqual(EXPECTED_OUTPUTS[stack]);
  });
});

// Last, so that no later setMocks replaces the monitor while this program still registers.
it('exports, as the program entry point, a function the language host calls for the stack outputs', async () => {
  const stack = 'prod-dc24';
  const engine = new MockEngine('edgestack', stack, { ...stackFileConfig(stack), ...testSecrets(stack) });
  expect(engine.resources).toEqual([]);
  await expect(main()).resolves.toEqual(EXPECTED_OUTPUTS[stack]);
  const objects = chartsOut(stack).length;
  for (let tick = 0; tick < 1000 && engine.resources.filter((r) => r.parent.includes('kubernetes:yaml:ConfigGroup')).length < objects; tick++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(engine.resources.filter((r) => r.parent.includes('kubernetes:yaml:ConfigGroup'))).toHaveLength(objects);
  expect(engine.ofType('kubernetes:core/v1:NodePatch')).toHaveLength(1);
});
