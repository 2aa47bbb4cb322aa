import { KafkaMode } from '../../lib/constructs/kafka-broker-config';
import { KafkaCluster } from '../../lib/constructs/kafka-cluster';
import { Placement } from '../../lib/constructs/placement';
import { EXAMPLE_FLEET } from '../../lib/inventory/example-fleet';
import { find, podLabels, podSpec, selects, synth } from './support/manifests';

const dc24 = EXAMPLE_FLEET.environments[1].sites[1];

describe('KafkaCluster', () => {
  test('defaults', () => {
    expect(synth((c) => new KafkaCluster(c, 'kafka', { namespace: 'data', instance: 'prod-cloud', zookeeperConnect: 'zookeeper:2181' }))).toMatchSnapshot();
  });

  test('ZooKeeper mode: broker id from the pod ordinal, per-pod advertised listeners, PDB and headless Service', () => {
    const ms = synth((c) => new KafkaCluster(c, 'kafka', { namespace: 'data', instance: 'i', zookeeperConnect: 'zookeeper:2181' }));
    const sts = find(ms, 'StatefulSet', 'kafka');
    const container = podSpec(sts).containers[0];
    expect(container.command[2]).toBe('export KAFKA_BROKER_ID="${HOSTNAME##*-}"; exec /etc/confluent/docker/run');
    expect(container.env).toContainEqual({ name: 'KAFKA_ADVERTISED_LISTENERS', value: 'INTERNAL://$(POD_NAME).kafka-headless.data.svc.cluster.local:9092' });
    expect(container.env[0]).toEqual({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
    expect(find(ms, 'ConfigMap', 'kafka-config').data).toMatchObject({ KAFKA_ZOOKEEPER_CONNECT: 'zookeeper:2181', KAFKA_MIN_INSYNC_REPLICAS: '2', KAFKA_DEFAULT_REPLICATION_FACTOR: '3' });
    const pdb = find(ms, 'PodDisruptionBudget', 'kafka');
    expect(selects(pdb.spec.selector.matchLabels, podLabels(sts))).toBe(true);
    expect(find(ms, 'Service', sts.spec.serviceName).spec.clusterIP).toBe('None');
    expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('20Gi');
    expect(container.resources).toEqual({ requests: { cpu: '500m', memory: '1536Mi' }, limits: { cpu: '2000m', memory: '2048Mi' } });
  });

  test('KRaft mode at the edge: single combined node, no ZooKeeper, replication factor 1, pinned to the site', () => {
    const ms = synth((c) => new KafkaCluster(c, 'kafka', { namespace: 'edge-dc24', instance: 'prod-dc24', mode: KafkaMode.KRAFT, placement: Placement.edgeSite(dc24) }));
    const config = find(ms, 'ConfigMap', 'kafka-config').data!;
    expect(config).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '0@kafka-0.kafka-headless.edge-dc24.svc.cluster.local:9093',
      KAFKA_DEFAULT_REPLICATION_FACTOR: '1', KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1', KAFKA_MIN_INSYNC_REPLICAS: '1',
    });
    expect(config.KAFKA_ZOOKEEPER_CONNECT).toBeUndefined();
    expect(config.CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const sts = find(ms, 'StatefulSet', 'kafka');
    expect(sts.spec.replicas).toBe(1);
    expect(podSpec(sts).containers[0].command[2]).toContain('export KAFKA_NODE_ID="${HOSTNAME##*-}"');
    expect(podSpec(sts).tolerations).toEqual([{ key: 'edge', operator: 'Equal', value: 'true', effect: 'NoSchedule' }]);
  });

  test('rack awareness reads the node label in an init container with its own token only', () => {
    const ms = synth((c) => new KafkaCluster(c, 'kafka', { namespace: 'data', instance: 'i', zookeeperConnect: 'zk:2181', rackLabel: 'topology.kubernetes.io/zone' }));
    const spec = podSpec(find(ms, 'StatefulSet', 'kafka'));
    expect(spec.initContainers[0].command[2]).toBe("kubectl get node \"$NODE_NAME\" -o jsonpath='{.metadata.labels.topology\\.kubernetes\\.io/zone}' > /etc/kafka-rack/rack");
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.serviceAccountName).toBe('kafka');
    expect(spec.containers[0].volumeMounts.map((m: any) => m.name)).not.toContain('api-token');
    expect(find(ms, 'ClusterRole', 'edgestack-data-kafka-node-reader').rules).toEqual([{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]);
  });

  test('the client-utility Pod is opt-in', () => {
    expect(synth((c) => new KafkaCluster(c, 'k', { namespace: 'data', instance: 'i', zookeeperConnect: 'zk:2181' })).some((m) => m.kind === 'Pod')).toBe(false);
    const ms = synth((c) => new KafkaCluster(c, 'k', { namespace: 'data', instance: 'i', zookeeperConnect: 'zk:2181', clientUtility: true }));
    expect(podSpec(find(ms, 'Pod', 'kafka-client')).containers[0].env).toContainEqual({ name: 'KAFKA_BOOTSTRAP', value: 'kafka.data.svc.cluster.local:9092' });
  });

  test('fails when min.insync.replicas exceeds replicas', () => {
    expect(() => synth((c) => new KafkaCluster(c, 'k', { namespace: 'data', instance: 'i', zookeeperConnect: 'zk:2181', replicas: 1, minInsyncReplicas: 2 })))
      .toThrow('KafkaCluster: minInsyncReplicas 2 is greater than replicas 1; use at most 1');
  });

  test('fails on a multi-node KRaft cluster and on ZooKeeper mode without zookeeperConnect', () => {
    expect(() => synth((c) => new KafkaCluster(c, 'k', { namespace: 'x', instance: 'i', mode: KafkaMode.KRAFT, replicas: 3 })))
      .toThrow('KafkaCluster: KRaft mode here is a single combined node, got replicas 3; use 1');
    expect(() => synth((c) => new KafkaCluster(c, 'k', { namespace: 'x', instance: 'i' })))
      .toThrow('KafkaCluster: ZooKeeper mode needs zookeeperConnect; pass ZooKeeperEnsemble.connectString');
  });
});
