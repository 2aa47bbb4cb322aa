import { ZooKeeperEnsemble } from '../../lib/constructs/zookeeper-ensemble';
import { find, podLabels, podSpec, selects, synth } from './support/manifests';

describe('ZooKeeperEnsemble', () => {
  test('defaults', () => {
    expect(synth((c) => new ZooKeeperEnsemble(c, 'zk', { namespace: 'data', instance: 'prod-cloud' }))).toMatchSnapshot();
  });

  test('has 3 servers, a PDB selecting its pods and a headless Service named in serviceName', () => {
    const ms = synth((c) => new ZooKeeperEnsemble(c, 'zk', { namespace: 'data', instance: 'prod-cloud' }));
    const sts = find(ms, 'StatefulSet', 'zookeeper');
    expect(sts.spec).toMatchObject({ replicas: 3, podManagementPolicy: 'Parallel', serviceName: 'zookeeper-headless' });
    const pdb = find(ms, 'PodDisruptionBudget', 'zookeeper');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec.maxUnavailable).toBe(1);
    expect(selects(pdb.spec.selector.matchLabels, podLabels(sts))).toBe(true);
    const headless = find(ms, 'Service', 'zookeeper-headless');
    expect(headless.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(headless.spec.ports.map((p: any) => p.port)).toEqual([2181, 2888, 3888]);
    expect(selects(headless.spec.selector, podLabels(sts))).toBe(true);
  });

  test('derives the server id from the pod ordinal and lists every server', () => {
    const sts = find(synth((c) => new ZooKeeperEnsemble(c, 'zk', { namespace: 'data', instance: 'i' })), 'StatefulSet', 'zookeeper');
    const container = podSpec(sts).containers[0];
    expect(container.command.join(' ')).toContain('ZOO_MY_ID=$(( ${HOSTNAME##*-} + 1 ))');
    expect(container.env).toContainEqual({
      name: 'ZOO_SERVERS',
      value: 'server.1=zookeeper-0.zookeeper-headless.data.svc.cluster.local:2888:3888;2181 '
        + 'server.2=zookeeper-1.zookeeper-headless.data.svc.cluster.local:2888:3888;2181 '
        + 'server.3=zookeeper-2.zookeeper-headless.data.svc.cluster.local:2888:3888;2181',
    });
  });

  test('requests a real storage quantity in its volumeClaimTemplate and mounts it', () => {
    const sts = find(synth((c) => new ZooKeeperEnsemble(c, 'zk', { namespace: 'data', instance: 'i' })), 'StatefulSet', 'zookeeper');
    expect(sts.spec.volumeClaimTemplates).toEqual([{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }]);
    expect(podSpec(sts).containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
  });

  test('fails on an even ensemble in production', () => {
    expect(() => synth((c) => new ZooKeeperEnsemble(c, 'zk', { namespace: 'data', instance: 'i', replicas: 4 })))
      .toThrow('ZooKeeperEnsemble: replicas 4 cannot keep a production quorum; use an odd number of at least 3');
  });

  test('accepts a single server outside production', () => {
    const sts = find(synth((c) => new ZooKeeperEnsemble(c, 'zk', { namespace: 'data', instance: 'i', replicas: 1, production: false })), 'StatefulSet', 'zookeeper');
    expect(sts.spec.replicas).toBe(1);
  });
});
