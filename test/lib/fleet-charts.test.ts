import { App } from 'cdk8s';
import { chartId } from '../../lib/charts/chart-id';
import { createFleetCharts } from '../../lib/charts/fleet-charts';
import { requiredSecrets } from '../../lib/charts/required-secrets';
import { siteEndpoints } from '../../lib/charts/site-endpoints';
import { EXAMPLE_FLEET } from '../../lib/inventory/example-fleet';
import { Fleet } from '../../lib/inventory/fleet';
import { EDGE_ROLE_LABEL } from '../../lib/inventory/node-labels';
import { exampleFleetManifests, Manifest, podLabels, podSpec, selects, WORKLOAD_KINDS } from './support/manifests';

const charts = exampleFleetManifests();
const all = [...charts.entries()].flatMap(([id, ms]) => ms.map((m) => ({ id, m })));
const workloads = all.filter(({ m }) => WORKLOAD_KINDS.includes(m.kind));
const isEdge = (id: string) => !id.endsWith('-cloud');
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|m|k|M|G)?$/;

function nodeTerms(m: Manifest): any[] {
  return podSpec(m).affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
}

describe('createFleetCharts', () => {
  test('adds one chart per (environment, site) named <env>-<site>', () => {
    const app = new App({ outdir: 'unused' });
    expect(createFleetCharts(app).map((c) => c.node.id)).toEqual(['dev-cloud', 'dev-dc24', 'dev-gw01', 'prod-cloud', 'prod-dc24', 'prod-gw01']);
    expect(chartId('prod', 'dc24')).toBe('prod-dc24');
  });

  test('fails on an invalid fleet before adding any chart', () => {
    const app = new App({ outdir: 'unused' });
    const fleet: Fleet = { environments: [{ ...EXAMPLE_FLEET.environments[0], sites: [...EXAMPLE_FLEET.environments[0].sites, EXAMPLE_FLEET.environments[0].sites[2]] }] };
    expect(() => createFleetCharts(app, fleet)).toThrow(
      'Invalid inventory: site "dev/gw01", field id = "gw01": duplicate site id in environment "dev". Fix: give each site of an environment a unique id.');
    expect(app.charts).toHaveLength(0);
  });

  test.each([...charts.keys()])('chart %s matches its snapshot', (id) => {
    expect(charts.get(id)).toMatchSnapshot();
  });
});

describe('fleet invariants', () => {
  test('every StatefulSet has a policy/v1 PDB selecting its pods and a headless Service matching serviceName', () => {
    const statefulSets = all.filter(({ m }) => m.kind === 'StatefulSet');
    expect(statefulSets.length).toBeGreaterThanOrEqual(8);
    for (const { id, m } of statefulSets) {
      const same = charts.get(id)!.filter((o) => o.metadata.namespace === m.metadata.namespace);
      const pdbs = same.filter((o) => o.kind === 'PodDisruptionBudget' && selects(o.spec.selector.matchLabels, podLabels(m)));
      expect(pdbs.map((p) => [p.apiVersion, p.spec.maxUnavailable])).toEqual([['policy/v1', 1]]);
      const headless = same.find((o) => o.kind === 'Service' && o.metadata.name === m.spec.serviceName);
      expect(headless?.spec.clusterIP).toBe('None');
      expect(selects(headless!.spec.selector, podLabels(m))).toBe(true);
      expect(m.spec.selector.matchLabels).toEqual(headless!.spec.selector);
    }
  });

  test('edge pods require edge nodes of their site and tolerate edge=true:NoSchedule', () => {
    const edge = workloads.filter(({ id }) => isEdge(id));
    expect(edge.length).toBe(12);
    for (const { id, m } of edge) {
      const site = id.split('-')[1];
      expect(nodeTerms(m)).toEqual([{ matchExpressions: [
        { key: EDGE_ROLE_LABEL, operator: 'Exists' },
        { key: 'edgestack.io/site', operator: 'In', values: [site] },
      ] }]);
      expect(podSpec(m).tolerations).toEqual([{ key: 'edge', operator: 'Equal', value: 'true', effect: 'NoSchedule' }]);
    }
  });

  test('cloud pods exclude edge nodes in every node selector term and do not tolerate the edge taint', () => {
    const cloud = workloads.filter(({ id }) => !isEdge(id));
    expect(cloud.length).toBe(8);
    for (const { m } of cloud) {
      const terms = nodeTerms(m);
      expect(terms.length).toBeGreaterThan(0);
      for (const t of terms) expect(t.matchExpressions).toContainEqual({ key: EDGE_ROLE_LABEL, operator: 'DoesNotExist' });
      expect(podSpec(m).tolerations).toBeUndefined();
    }
  });

  test('no container runs as root and every one drops all capabilities', () => {
    for (const { m } of workloads) {
      const spec = podSpec(m);
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
      for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
        expect(c.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(c.securityContext.runAsUser).toBeGreaterThan(0);
        expect(c.imagePullPolicy).toBe('IfNotPresent');
      }
    }
  });

  test('every container has requests, limits and (long-running ones) liveness and readiness probes', () => {
    for (const { m } of workloads) {
      const spec = podSpec(m);
      for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
        expect(c.resources.requests).toEqual({ cpu: expect.stringMatching(QUANTITY), memory: expect.stringMatching(QUANTITY) });
        expect(c.resources.limits).toEqual({ cpu: expect.stringMatching(QUANTITY), memory: expect.stringMatching(QUANTITY) });
      }
      for (const c of spec.containers) {
        expect(c.livenessProbe).toBeDefined();
        expect(c.readinessProbe).toBeDefined();
      }
    }
  });

  test('storage sizes are real quantities', () => {
    const claims = [
      ...all.filter(({ m }) => m.kind === 'StatefulSet').flatMap(({ m }) => m.spec.volumeClaimTemplates.map((t: any) => t.spec.resources.requests.storage)),
      ...all.filter(({ m }) => m.kind === 'PersistentVolumeClaim').map(({ m }) => m.spec.resources.requests.storage),
    ];
    expect(claims.length).toBeGreaterThanOrEqual(12);
    for (const s of claims) expect(s).toMatch(/^[0-9]+(Mi|Gi)$/);
    const prodKafka = charts.get('prod-cloud')!.find((o) => o.kind === 'StatefulSet' && o.metadata.name === 'kafka')!;
    expect(prodKafka.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('100Gi');
  });

  test('no chart contains a Secret, and requiredSecrets lists every Secret the pods and Ingresses reference', () => {
    for (const [id, ms] of charts) {
      expect(ms.filter((m) => m.kind === 'Secret')).toEqual([]);
      const [env, site] = id.split('-');
      const fromCertManager = new Set(ms.filter((m) => m.kind === 'Certificate').map((m) => `${m.metadata.namespace}/${m.spec.secretName}`));
      const referenced = new Set<string>();
      for (const m of ms) {
        for (const ref of (m.metadata.annotations?.['check-manifests/external'] ?? '').split(', ')) {
          if (ref.startsWith('Secret/')) referenced.add(`${m.metadata.namespace}/${ref.slice('Secret/'.length)}`);
        }
        if (m.kind === 'Certificate' && m.spec.keystores) referenced.add(`${m.metadata.namespace}/${m.spec.keystores.pkcs12.passwordSecretRef.name}`);
      }
      const required = requiredSecrets(EXAMPLE_FLEET, env, site).map((s) => `${s.namespace}/${s.name}`);
      expect(new Set(required)).toEqual(new Set([...referenced].filter((r) => !fromCertManager.has(r))));
    }
  });

  test('every Secret key a pod reads is declared in requiredSecrets', () => {
    for (const [id, ms] of charts) {
      const [env, site] = id.split('-');
      const keys = new Map(requiredSecrets(EXAMPLE_FLEET, env, site).map((s) => [`${s.namespace}/${s.name}`, Object.keys(s.keys)]));
      for (const m of ms.filter((o) => WORKLOAD_KINDS.includes(o.kind))) {
        for (const c of podSpec(m).containers) {
          for (const e of c.env ?? []) {
            const ref = e.valueFrom?.secretKeyRef;
            if (ref) expect(keys.get(`${m.metadata.namespace}/${ref.name}`)).toContain(ref.key);
          }
        }
      }
    }
  });

  test('only the Mosquitto broker uses a host port, in the privileged host-port namespace', () => {
    const withHostPorts = workloads.filter(({ m }) => podSpec(m).containers.some((c: any) => (c.ports ?? []).some((p: any) => p.hostPort)));
    expect(withHostPorts.map(({ id, m }) => `${id}:${m.metadata.namespace}/${m.metadata.name}`)).toEqual([
      'dev-dc24:edge-dc24-host/mosquitto', 'dev-gw01:edge-gw01-host/mosquitto', 'prod-dc24:edge-dc24-host/mosquitto', 'prod-gw01:edge-gw01-host/mosquitto',
    ]);
    for (const { id, m } of withHostPorts) {
      const ns = charts.get(id)!.find((o) => o.kind === 'Namespace' && o.metadata.name === m.metadata.namespace)!;
      expect(ns.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('privileged');
      expect(ns.metadata.annotations?.['edgestack.io/pod-security-reason']).toContain('hostPort');
      expect(podSpec(m).hostNetwork).toBe(false);
    }
    const others = all.filter(({ m }) => m.kind === 'Namespace' && !m.metadata.name.endsWith('-host'));
    for (const { m } of others) expect(m.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  test('every namespace has a default-deny ingress policy and every pod behind a Service is selected by an allow policy', () => {
    for (const ms of charts.values()) {
      for (const ns of ms.filter((m) => m.kind === 'Namespace')) {
        const policies = ms.filter((m) => m.kind === 'NetworkPolicy' && m.metadata.namespace === ns.metadata.name);
        expect(policies.filter((p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress)).toHaveLength(1);
        const services = ms.filter((m) => m.kind === 'Service' && m.metadata.namespace === ns.metadata.name);
        const served = ms.filter((m) => WORKLOAD_KINDS.includes(m.kind) && m.metadata.namespace === ns.metadata.name
          && services.some((svc) => selects(svc.spec.selector, podLabels(m))));
        expect(served.length).toBeGreaterThan(0);
        for (const w of served) {
          expect(policies.some((p) => p.spec.ingress && selects(p.spec.podSelector.matchLabels ?? {}, podLabels(w)))).toBe(true);
        }
      }
    }
  });
});

describe('siteEndpoints', () => {
  test('gives the cloud site its public MQTT and Kafka endpoints', () => {
    expect(siteEndpoints(EXAMPLE_FLEET, 'prod', 'cloud')).toEqual({
      mqtt: 'mqtts://emqx.prod.example.dev:8883', kafkaBootstrap: 'kafka-bootstrap.prod.example.dev:9094',
    });
  });

  test('gives an edge data center its local endpoints and how it reaches the cloud', () => {
    expect(siteEndpoints(EXAMPLE_FLEET, 'dev', 'dc24')).toEqual({
      mqtt: 'tcp://mosquitto.edge-dc24-host.svc.cluster.local:1883',
      kafkaBootstrap: 'kafka.edge-dc24.svc.cluster.local:9092',
      ruleEngineRest: 'http://rule-engine.edge-dc24.svc.cluster.local:9081',
      cloudMqtt: 'mqtts://emqx.dev.example.dev:8883',
      cloudKafkaBootstrap: 'kafka-bootstrap.dev.example.dev:9094',
    });
  });

  test('fails on an unknown site', () => {
    expect(() => siteEndpoints(EXAMPLE_FLEET, 'prod', 'dc99')).toThrow('Unknown site "dc99" in environment "prod"; it has "cloud", "dc24", "gw01"');
  });
});
