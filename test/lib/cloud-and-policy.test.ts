import * as kplus from 'cdk8s-plus-27';
import { Certificate } from '../../lib/constructs/certificate';
import { DashboardIngress } from '../../lib/constructs/dashboard-ingress';
import { EmqxCluster } from '../../lib/constructs/emqx-cluster';
import { Placement } from '../../lib/constructs/placement';
import { PodSecurityLevel, SiteNamespace } from '../../lib/constructs/site-namespace';
import { EXAMPLE_FLEET } from '../../lib/inventory/example-fleet';
import { find, podLabels, podSpec, selects, synth } from './support/manifests';

const cloud = EXAMPLE_FLEET.environments[1].sites[0];
const dc24 = EXAMPLE_FLEET.environments[1].sites[1];

describe('EmqxCluster', () => {
  test('defaults', () => {
    expect(synth((c) => new EmqxCluster(c, 'emqx', { namespace: 'data', instance: 'prod-cloud' }))).toMatchSnapshot();
  });

  test('runs 3 nodes off edge nodes, DNS discovery over the headless Service, PDB, TLS-only external Service', () => {
    const ms = synth((c) => new EmqxCluster(c, 'emqx', { namespace: 'data', instance: 'i', placement: Placement.cloud(cloud) }));
    const sts = find(ms, 'StatefulSet', 'emqx');
    expect(sts.spec.replicas).toBe(3);
    expect(podSpec(sts).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms)
      .toEqual([{ matchExpressions: [{ key: 'node-role.kubernetes.io/edge', operator: 'DoesNotExist' }] }]);
    expect(find(ms, 'ConfigMap', 'emqx-env').data).toMatchObject({
      EMQX_CLUSTER__DISCOVERY_STRATEGY: 'dns', EMQX_CLUSTER__DNS__NAME: 'emqx-headless.data.svc.cluster.local', EMQX_CLUSTER__DNS__RECORD_TYPE: 'srv',
      EMQX_LISTENERS__SSL__DEFAULT__SSL_OPTIONS__FAIL_IF_NO_PEER_CERT: 'true',
    });
    expect(find(ms, 'Service', sts.spec.serviceName).spec.clusterIP).toBe('None');
    expect(selects(find(ms, 'PodDisruptionBudget', 'emqx').spec.selector.matchLabels, podLabels(sts))).toBe(true);
    const external = find(ms, 'Service', 'emqx');
    expect(external.spec.type).toBe('LoadBalancer');
    expect(external.spec.ports.map((p: any) => p.port)).toEqual([8883, 8084]);
    expect(find(ms, 'Service', 'emqx-internal').spec).toMatchObject({ type: 'ClusterIP' });
    expect(podSpec(sts).containers[0].ports.map((p: any) => p.containerPort)).toEqual([1883, 8883, 8083, 8084, 18083, 4370, 5369]);
    expect(podSpec(sts).containers[0].env).toContainEqual({ name: 'EMQX_NODE__COOKIE', valueFrom: { secretKeyRef: { name: 'emqx-secrets', key: 'cookie' } } });
  });

  test('exposes the TLS ports as NodePort by prop', () => {
    expect(find(synth((c) => new EmqxCluster(c, 'emqx', { namespace: 'data', instance: 'i', serviceType: 'NodePort' })), 'Service', 'emqx').spec.type).toBe('NodePort');
  });
});

describe('Placement', () => {
  test('cloud placement requires the edge label to be absent', () => {
    const ms = synth((c) => Placement.cloud().applyTo(new kplus.Deployment(c, 'd', { containers: [{ image: 'x:1' }] })));
    expect(podSpec(ms[0]).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms)
      .toEqual([{ matchExpressions: [{ key: 'node-role.kubernetes.io/edge', operator: 'DoesNotExist' }] }]);
    expect(podSpec(ms[0]).tolerations).toBeUndefined();
  });

  test('edge placement requires the edge label and the site label and tolerates the site taint', () => {
    const ms = synth((c) => Placement.edgeSite({ ...dc24, taint: { key: 'node-role.kubernetes.io/edge', value: '', effect: 'NoSchedule' } })
      .applyTo(new kplus.Deployment(c, 'd', { containers: [{ image: 'x:1' }] })));
    expect(podSpec(ms[0]).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([{ matchExpressions: [
      { key: 'node-role.kubernetes.io/edge', operator: 'Exists' }, { key: 'edgestack.io/site', operator: 'In', values: ['dc24'] },
    ] }]);
    expect(podSpec(ms[0]).tolerations).toEqual([{ key: 'node-role.kubernetes.io/edge', operator: 'Exists', effect: 'NoSchedule' }]);
  });

  test('fails on edge placement of a cloud site', () => {
    expect(() => Placement.edgeSite(cloud)).toThrow('Placement.edgeSite: site "cloud" has role "cloud"; use Placement.cloud() for cloud sites');
  });
});

describe('SiteNamespace, Certificate and DashboardIngress', () => {
  test('defaults', () => {
    expect(synth((c) => {
      new SiteNamespace(c, 'ns', { name: 'data' });
      new Certificate(c, 'cert', { name: 'emqx', namespace: 'data', secretName: 'emqx-tls', dnsNames: ['emqx.example.dev'], issuer: { name: 'letsencrypt-production' } });
      new DashboardIngress(c, 'ing', { name: 'emqx-dashboard', namespace: 'data', host: 'emqx-dashboard.example.dev', serviceName: 'emqx-dashboard', servicePortName: 'dashboard', tlsSecret: 'dashboard-tls' });
    })).toMatchSnapshot();
  });

  test('a restricted namespace with a default-deny ingress policy', () => {
    const ms = synth((c) => new SiteNamespace(c, 'ns', { name: 'data' }));
    expect(find(ms, 'Namespace', 'data').metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.27' });
    expect(find(ms, 'NetworkPolicy', 'default-deny-ingress-data').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
  });

  test('fails on a privileged namespace without a documented reason', () => {
    expect(() => synth((c) => new SiteNamespace(c, 'ns', { name: 'x', enforce: PodSecurityLevel.PRIVILEGED })))
      .toThrow('SiteNamespace "x": Pod Security level "privileged" needs a documented reason; set props.reason');
  });

  test('the Ingress uses basic auth from a Secret and TLS', () => {
    const ms = synth((c) => new DashboardIngress(c, 'ing', { name: 'd', namespace: 'data', host: 'h.example.dev', serviceName: 's', servicePortName: 'p', tlsSecret: 't' }));
    expect(find(ms, 'Ingress', 'd').metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/auth-type': 'basic', 'nginx.ingress.kubernetes.io/auth-secret': 'sysop-basic-auth',
    });
    expect(find(ms, 'Ingress', 'd').spec.tls).toEqual([{ hosts: ['h.example.dev'], secretName: 't' }]);
  });

  test('the Certificate can also write a PKCS12 keystore', () => {
    const ms = synth((c) => new Certificate(c, 'cert', { name: 'k', namespace: 'data', secretName: 'k-tls', dnsNames: ['a.example.dev'], issuer: { name: 'ca' }, pkcs12PasswordSecret: 'pw' }));
    expect(find(ms, 'Certificate', 'k').spec.keystores).toEqual({ pkcs12: { create: true, passwordSecretRef: { name: 'pw', key: 'password' } } });
  });
});
