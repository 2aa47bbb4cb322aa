import { K8sSchema } from './support/k8s-schema';
import { exampleFleetManifests, Manifest } from './support/manifests';

describe('strict Kubernetes 1.27 schema', () => {
  const schema = new K8sSchema();
  const charts = exampleFleetManifests();

  test('covers the six example charts', () => {
    expect([...charts.keys()]).toEqual(['dev-cloud', 'dev-dc24', 'dev-gw01', 'prod-cloud', 'prod-dc24', 'prod-gw01']);
  });

  test.each([...charts.keys()])('every object of %s validates strictly', (id) => {
    const failures = charts.get(id)!.flatMap((m) => schema.errors(m).map((e) => `${m.kind}/${m.metadata.name}: ${e}`));
    expect(failures).toEqual([]);
  });

  test('fails on an unknown field', () => {
    const m: Manifest = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: 1 }], fooBar: true } };
    expect(schema.errors(m)).toEqual(['/spec must NOT have additional properties (fooBar)']);
  });

  test('fails on a storage size that is not a quantity string', () => {
    const m: Manifest = {
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'x' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: null } } },
    };
    expect(schema.errors(m)).toEqual(['/spec/resources/requests/storage must be string']);
  });

  test('fails on an unknown field of the cert-manager Certificate', () => {
    const m: Manifest = { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'x' }, spec: { secretName: 's', issuerRef: { name: 'i' }, dnsName: 'a' } };
    expect(schema.errors(m)).toEqual(['/spec must NOT have additional properties (dnsName)']);
  });
});
