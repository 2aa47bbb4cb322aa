import * as kplus from 'cdk8s-plus-27';
import { Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterStatefulSetProps, completeClusterStatefulSet, createClusterStatefulSet } from './cluster-stateful-set';
import {
  KAFKA_CONTROLLER_PORT, KAFKA_EXTERNAL_PORT, KAFKA_INTERNAL_PORT, KAFKA_KEYSTORE_DIR, KAFKA_KEYSTORE_PASSWORD_DIR,
  KafkaMode, kafkaBrokerConfig, kraftClusterId,
} from './kafka-broker-config';
import { KafkaClientPod } from './kafka-client-pod';
import { KafkaExternalAccess } from './kafka-external-access';
import { KAFKA_RACK_FILE, KafkaRackAwareness } from './kafka-rack-awareness';
import { componentLabels } from './labels';
import { Placement } from './placement';
import { restrictedContainer } from './pod-security';
import { createHeadlessService, createService } from './service';

const KAFKA_UID = 1000;

/** External SASL_SSL listener settings (cloud Kafka reached by edge MirrorMaker 2). */
export interface KafkaExternalListenerProps {
  /** Public DNS domain: brokers advertise `kafka-<n>.<domain>:9094`, bootstrap is `kafka-bootstrap.<domain>:9094`. */
  readonly domain: string;
  /** Service type of the per-broker and bootstrap Services. @default 'LoadBalancer' */
  readonly serviceType?: 'LoadBalancer' | 'NodePort';
  /** Secret (cert-manager Certificate with a PKCS12 keystore) holding `keystore.p12`. @default 'kafka-external-tls' */
  readonly keystoreSecret?: string;
  /** Secret holding the keystore password under key `password`. @default 'kafka-keystore-password' */
  readonly keystorePasswordSecret?: string;
}

/** Props of {@link KafkaCluster}. */
export interface KafkaClusterProps {
  /** Namespace. */
  readonly namespace: string;
  /** `app.kubernetes.io/instance` value (the chart id). */
  readonly instance: string;
  /** Metadata mode. @default KafkaMode.ZOOKEEPER */
  readonly mode?: KafkaMode;
  /** ZooKeeper connect string; required in ZooKeeper mode. */
  readonly zookeeperConnect?: string;
  /** Brokers; exactly 1 in KRaft mode. @default 3 (ZooKeeper mode), 1 (KRaft mode) */
  readonly replicas?: number;
  /** `min.insync.replicas`; at most `replicas`. @default - 2 with 3 or more brokers, else 1 */
  readonly minInsyncReplicas?: number;
  /** Image (Confluent cp-kafka, uid 1000). @default 'confluentinc/cp-kafka:7.6.1' */
  readonly image?: string;
  /** Log volume per broker. @default Size.gibibytes(20) */
  readonly storage?: Size;
  /** StorageClass. @default - cluster default */
  readonly storageClassName?: string;
  /** JVM heap (-Xms = -Xmx). @default Size.gibibytes(1) */
  readonly heap?: Size;
  /** Container resources. @default - requests 500m/1536Mi, limits 2 CPU/2Gi */
  readonly resources?: kplus.ContainerResources;
  /** Placement. @default Placement.cloud() */
  readonly placement?: Placement;
  /** Node label whose value becomes `broker.rack`. @default - no rack awareness */
  readonly rackLabel?: string;
  /** Create the client-utility Pod `kafka-client` (kafka-topics, console producer/consumer). @default false */
  readonly clientUtility?: boolean;
  /** External SASL_SSL listener on 9094. @default - none (in-cluster PLAINTEXT listener only) */
  readonly external?: KafkaExternalListenerProps;
  /** Allow producers to create topics on first use. @default false */
  readonly autoCreateTopics?: boolean;
}

/**
 * A Kafka cluster: StatefulSet `kafka` with headless Service `kafka-headless` (per-pod DNS) and bootstrap Service
 * `kafka`, a policy/v1 PDB and a log PVC per broker.
 *
 * - The broker id (KRaft node id) is the pod ordinal, taken from the pod host name at start.
 * - Each pod advertises its own headless DNS name (and `kafka-<n>.<domain>` on the external listener).
 * - ZooKeeper mode for the cloud; single-node KRaft mode (combined broker+controller, replication factor 1) for
 *   edge data centers.
 * - Heap from `heap`, TCP probes on the internal listener, rack from a node label (see {@link KafkaRackAwareness}).
 * - Broker settings live in the ConfigMap `kafka-config` (env), so a change is reviewable in the diff.
 * @see https://kafka.apache.org/documentation/#configuration
 * @see https://docs.confluent.io/platform/7.6/installation/docker/config-reference.html
 */
export class KafkaCluster extends Construct {
  /** Bootstrap Service name. */
  public readonly serviceName = 'kafka';
  /** In-cluster bootstrap address `kafka.<ns>.svc.cluster.local:9092`. */
  public readonly bootstrap: string;
  /** Selector labels of the broker pods. */
  public readonly selectorLabels: Record<string, string>;
  /** The StatefulSet. */
  public readonly statefulSet: kplus.StatefulSet;

  /**
   * @throws Error when `minInsyncReplicas` exceeds `replicas`, KRaft mode has more than one broker, or ZooKeeper
   * mode has no `zookeeperConnect`
   */
  constructor(scope: Construct, id: string, props: KafkaClusterProps) {
    super(scope, id);
    const mode = props.mode ?? KafkaMode.ZOOKEEPER;
    const replicas = props.replicas ?? (mode === KafkaMode.KRAFT ? 1 : 3);
    const minIsr = props.minInsyncReplicas ?? (replicas >= 3 ? 2 : 1);
    if (minIsr > replicas) {
      throw new Error(`KafkaCluster: minInsyncReplicas ${minIsr} is greater than replicas ${replicas}; use at most ${replicas}`);
    }
    if (mode === KafkaMode.KRAFT && replicas !== 1) {
      throw new Error(`KafkaCluster: KRaft mode here is a single combined node, got replicas ${replicas}; use 1`);
    }
    if (mode === KafkaMode.ZOOKEEPER && !props.zookeeperConnect) {
      throw new Error('KafkaCluster: ZooKeeper mode needs zookeeperConnect; pass ZooKeeperEnsemble.connectString');
    }
    const ns = props.namespace;
    const labels = componentLabels('kafka', props.instance, 'broker');
    this.selectorLabels = labels.selector;
    const headlessName = 'kafka-headless';
    const headlessDomain = `${headlessName}.${ns}.svc.cluster.local`;
    this.bootstrap = `${this.serviceName}.${ns}.svc.cluster.local:${KAFKA_INTERNAL_PORT}`;
    const heap = props.heap ?? Size.gibibytes(1);
    const external = props.external;

    const config = new kplus.ConfigMap(this, 'Config', {
      metadata: { name: 'kafka-config', namespace: ns, labels: labels.all },
      data: kafkaBrokerConfig({
        mode, replicas, minInsyncReplicas: minIsr, headlessDomain, external: external !== undefined,
        zookeeperConnect: props.zookeeperConnect, clusterId: kraftClusterId(props.instance),
        autoCreateTopics: props.autoCreateTopics ?? false,
      }),
    });

    const ports = [{ name: 'internal', port: KAFKA_INTERNAL_PORT }];
    if (mode === KafkaMode.KRAFT) ports.push({ name: 'controller', port: KAFKA_CONTROLLER_PORT });
    if (external) ports.push({ name: 'external', port: KAFKA_EXTERNAL_PORT });
    const headless = createHeadlessService(this, 'Headless', { name: headlessName, namespace: ns, labels: labels.all, ports });
    createService(this, 'Bootstrap', { name: this.serviceName, namespace: ns, labels: labels.all, selector: labels.selector, ports: [ports[0]] });

    const placement = props.placement ?? Placement.cloud();
    const cluster: ClusterStatefulSetProps = {
      name: 'kafka', namespace: ns, labels, headless, replicas, placement, uid: KAFKA_UID, terminationGracePeriod: Duration.seconds(60),
    };
    const sts = createClusterStatefulSet(this, cluster);
    this.statefulSet = sts;

    const emptyDir = (name: string) => kplus.Volume.fromEmptyDir(this, `${name}-volume`, name);
    const mounts: kplus.VolumeMount[] = [
      { path: '/etc/kafka', volume: emptyDir('config') },
      { path: '/var/log/kafka', volume: emptyDir('logs') },
      { path: '/tmp', volume: emptyDir('tmp') },
    ];
    const externalRefs: string[] = [];
    let rackExport = '';
    if (props.rackLabel) {
      const rack = new KafkaRackAwareness(this, 'Rack', { namespace: ns, labels: labels.all, nodeLabel: props.rackLabel, uid: KAFKA_UID });
      mounts.push({ path: '/etc/kafka-rack', volume: rack.addTo(sts), readOnly: true });
      rackExport = `if [ -s ${KAFKA_RACK_FILE} ]; then export KAFKA_BROKER_RACK="$(cat ${KAFKA_RACK_FILE})"; fi; `;
      externalRefs.push('ConfigMap/kube-root-ca.crt');
    }
    const advertised = [`INTERNAL://$(POD_NAME).${headlessDomain}:${KAFKA_INTERNAL_PORT}`];
    if (external) {
      advertised.push(`EXTERNAL://$(POD_NAME).${external.domain}:${KAFKA_EXTERNAL_PORT}`);
      const keystore = external.keystoreSecret ?? 'kafka-external-tls';
      const password = external.keystorePasswordSecret ?? 'kafka-keystore-password';
      mounts.push(
        { path: KAFKA_KEYSTORE_DIR, volume: kplus.Volume.fromSecret(this, 'KeystoreVolume', kplus.Secret.fromSecretName(this, 'Keystore', keystore), { name: 'keystore', items: { 'keystore.p12': { path: 'keystore.p12' } } }), readOnly: true },
        { path: KAFKA_KEYSTORE_PASSWORD_DIR, volume: kplus.Volume.fromSecret(this, 'KeystorePasswordVolume', kplus.Secret.fromSecretName(this, 'KeystorePassword', password), { name: 'keystore-password' }), readOnly: true },
      );
      externalRefs.push(`Secret/${keystore}`, `Secret/${password}`);
      new KafkaExternalAccess(this, 'External', {
        namespace: ns, labels: labels.all, selector: labels.selector, replicas, domain: external.domain, serviceType: external.serviceType ?? 'LoadBalancer',
      });
    }
    const idVar = mode === KafkaMode.KRAFT ? 'KAFKA_NODE_ID' : 'KAFKA_BROKER_ID';
    sts.addContainer({
      name: 'kafka',
      image: props.image ?? 'confluentinc/cp-kafka:7.6.1',
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      command: ['bash', '-c', `export ${idVar}="\${HOSTNAME##*-}"; ${rackExport}exec /etc/confluent/docker/run`],
      envFrom: [kplus.Env.fromConfigMap(config)],
      envVariables: {
        POD_NAME: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME),
        KAFKA_ADVERTISED_LISTENERS: kplus.EnvValue.fromValue(advertised.join(',')),
        KAFKA_HEAP_OPTS: kplus.EnvValue.fromValue(`-Xms${heap.toMebibytes()}m -Xmx${heap.toMebibytes()}m`),
      },
      ports: ports.map((p) => ({ number: p.port, name: p.name })),
      readiness: kplus.Probe.fromTcpSocket({ port: KAFKA_INTERNAL_PORT, initialDelaySeconds: Duration.seconds(20), periodSeconds: Duration.seconds(10) }),
      liveness: kplus.Probe.fromTcpSocket({ port: KAFKA_INTERNAL_PORT, initialDelaySeconds: Duration.seconds(60), periodSeconds: Duration.seconds(20), failureThreshold: 6 }),
      resources: props.resources ?? {
        cpu: { request: kplus.Cpu.millis(500), limit: kplus.Cpu.millis(2000) },
        memory: { request: Size.mebibytes(1536), limit: Size.gibibytes(2) },
      },
      securityContext: restrictedContainer(KAFKA_UID),
      volumeMounts: mounts,
    });
    const storage = props.storage ?? Size.gibibytes(20);
    completeClusterStatefulSet(this, sts, {
      ...cluster,
      volumeClaims: [{ name: 'data', size: storage, mountPath: '/var/lib/kafka/data', storageClassName: props.storageClassName }],
      spreadAcrossHosts: replicas > 1,
      externalReferences: externalRefs,
    });
    if (props.clientUtility) {
      new KafkaClientPod(this, 'Client', { namespace: ns, instance: props.instance, image: props.image ?? 'confluentinc/cp-kafka:7.6.1', bootstrap: this.bootstrap, placement });
    }
  }
}
