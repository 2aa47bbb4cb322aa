import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { ApiObject, App, Chart } from 'cdk8s';
import { ChartDeployment, KubeObject } from '../../stacks/chart-deployment';
import { EdgeNodes } from '../../stacks/edge-nodes';
import { MockEngine, promiseOf, registered, unwrapSecret, withoutSecrets } from './mock-engine';

/** A tiny chart: a namespace, a CRD, a ConfigMap and a StatefulSet, in that synth order. */
function tinyChart(withSecret = false): KubeObject[] {
  const chart = new Chart(new App({ outdir: 'unused' }), 'dev-site');
  new ApiObject(chart, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'edge-site' } });
  new ApiObject(chart, 'crd', {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.dev' },
    spec: { group: 'example.dev', names: { kind: 'Widget', plural: 'widgets' }, scope: 'Namespaced', versions: [] },
  });
  new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'conf', namespace: 'edge-site' }, data: { a: 'b' } });
  new ApiObject(chart, 'sts', {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'broker', namespace: 'edge-site' },
    spec: { serviceName: 'broker', selector: { matchLabels: { app: 'broker' } }, template: { metadata: { labels: { app: 'broker' } } } },
  });
  if (withSecret) new ApiObject(chart, 's', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'leak', namespace: 'edge-site' } });
  return chart.toJson() as KubeObject[];
}

describe('ChartDeployment', () => {
  let engine: MockEngine;
  let deployment: ChartDeployment;
  let nodes: EdgeNodes;
  const objects = tinyChart();

  beforeAll(async () => {
    engine = new MockEngine('edgestack', 'dev-site', {});
    const provider = new k8s.Provider('dev-site', { context: 'kind-dev' });
    nodes = new EdgeNodes('dev-site', { nodes: ['pi-1'], labels: { 'node-role.kubernetes.io/edge': '' }, taint: { key: 'edge', value: 'true', effect: 'NoSchedule' }, provider });
    deployment = new ChartDeployment('dev-site', {
      objects,
      provider,
      secrets: [{ namespace: 'edge-site', name: 'broker-passwd', stringData: pulumi.secret<Record<string, string>>({ passwd: 'u:$7$hash' }) }],
      workloadDependsOn: nodes.patches,
    });
    const children = [
      ...Object.values(await promiseOf(deployment.foundation.resources)),
      ...Object.values(await promiseOf(deployment.workloads.resources)),
    ] as pulumi.Resource[];
    await registered([...children, ...deployment.secrets, ...nodes.patches, deployment]);
  });

  it('registers each object as its typed resource under the component, with the site provider', () => {
    const children = engine.resources.filter((r) => r.parent.includes('kubernetes:yaml:ConfigGroup'));
    expect(children.map((r) => [r.type, r.name]).sort()).toEqual(
      [
        ['kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition', 'widgets.example.dev'],
        ['kubernetes:apps/v1:StatefulSet', 'edge-site/broker'],
        ['kubernetes:core/v1:ConfigMap', 'edge-site/conf'],
        ['kubernetes:core/v1:Namespace', 'edge-site'],
      ].sort(),
    );
    for (const child of children) {
      expect(child.provider).toMatch(/::pulumi:providers:kubernetes::dev-site::/);
      expect(child.parent).toMatch(/edgestack:k8s:ChartDeployment\$kubernetes:yaml:ConfigGroup::dev-site-(foundation|workloads)$/);
    }
  });

  it('applies the objects unchanged', () => {
    const applied = engine.resources.filter((r) => r.parent.includes('kubernetes:yaml:ConfigGroup')).map((r) => r.inputs);
    expect(applied).toEqual(expect.arrayContaining(objects));
    expect(applied).toHaveLength(objects.length);
  });

  it('orders namespaces and CRDs before the Secret, and both (and the node patches) before the workloads', () => {
    const urnOf = (type: string) => engine.ofType(type).map((r) => r.urn);
    const foundation = [...urnOf('kubernetes:core/v1:Namespace'), ...urnOf('kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition')];
    const [secret] = engine.ofType('kubernetes:core/v1:Secret');
    expect([...secret.dependencies].sort()).toEqual(foundation.sort());
    for (const type of ['kubernetes:core/v1:ConfigMap', 'kubernetes:apps/v1:StatefulSet']) {
      const [workload] = engine.ofType(type);
      expect(workload.dependencies).toEqual(expect.arrayContaining([...foundation, secret.urn, ...urnOf('kubernetes:core/v1:NodePatch')]));
    }
  });

  it('creates the Secret with secret stringData only', () => {
    const [secret] = engine.ofType('kubernetes:core/v1:Secret');
    expect(withoutSecrets(secret.inputs)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 'broker-passwd', namespace: 'edge-site' },
      stringData: '[secret]',
    });
    expect(unwrapSecret(secret.inputs.stringData)).toEqual({ passwd: 'u:$7$hash' });
  });

  it('patches each listed node with the labels and the taint', () => {
    const [patch] = engine.ofType('kubernetes:core/v1:NodePatch');
    expect(patch.inputs).toEqual({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'pi-1', labels: { 'node-role.kubernetes.io/edge': '' } },
      spec: { taints: [{ key: 'edge', value: 'true', effect: 'NoSchedule' }] },
    });
    expect(patch.parent).toMatch(/edgestack:k8s:EdgeNodes::dev-site$/);
  });

  it('refuses a chart that contains a Secret', () => {
    const provider = new k8s.Provider('other', {});
    expect(() => new ChartDeployment('dev-leak', { objects: tinyChart(true), provider })).toThrow(
      'Chart dev-leak contains Secret edge-site/leak: charts must hold no secret value; declare it in requiredSecrets() and let the stack create it from config',
    );
  });

  it('refuses an edge site without nodes', () => {
    const provider = new k8s.Provider('empty', {});
    expect(() => new EdgeNodes('dev-gw09', { nodes: [], labels: {}, taint: { key: 'edge', value: 'true', effect: 'NoSchedule' }, provider })).toThrow(
      'Edge site dev-gw09 lists no node: set edgestack:edgeNodes to the names of its KubeEdge nodes',
    );
  });
});
