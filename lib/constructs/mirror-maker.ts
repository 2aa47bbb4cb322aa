import * as kplus from 'cdk8s-plus-27';
import { Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { ignoreChecks, markExternal } from './external-references';
import { componentLabels } from './labels';
import { Placement } from './placement';
import { addRuntimeDefaultSeccomp, restrictedContainer, restrictedPod } from './pod-security';
import { selectByLabels } from './workload-selector';

/** Port of MirrorMaker 2's internal REST listener (used by the probes). */
export const MIRROR_MAKER_REST_PORT = 8080;
const CREDENTIALS_DIR = '/etc/mm2/cloud-credentials';

/** Props of {@link MirrorMaker}. */
export interface MirrorMakerProps {
  readonly namespace: string;
  /** `app.kubernetes.io/instance` value. */
  readonly instance: string;
  /** Source cluster alias; remote topics in the cloud are named `<alias>.<topic>`. Use the site id. */
  readonly sourceAlias: string;
  /** Source (site) Kafka bootstrap, e.g. `kafka.edge-dc24.svc.cluster.local:9092`. */
  readonly sourceBootstrap: string;
  /** Cloud Kafka external bootstrap (`host:9094`, SASL_SSL with SCRAM-SHA-512). */
  readonly targetBootstrap: string;
  /** Topics (or regular expressions) to replicate. */
  readonly topics: readonly string[];
  /** Replication factor of topics MM2 creates in the cloud cluster (at most its broker count). @default 3 */
  readonly targetReplicationFactor?: number;
  /** Secret with keys `username` and `password` of the SCRAM user on the cloud Kafka. @default 'mirror-maker-cloud' */
  readonly credentialsSecret?: string;
  /** Image. @default 'confluentinc/cp-kafka:7.6.1' */
  readonly image?: string;
  /** JVM heap. @default Size.mebibytes(256) */
  readonly heap?: Size;
  /** Container resources. @default - requests 100m/384Mi, limits 500m/512Mi */
  readonly resources?: kplus.ContainerResources;
  /** Placement (the site's edge nodes). */
  readonly placement: Placement;
}

/**
 * Kafka's own MirrorMaker 2 in dedicated mode (`connect-mirror-maker`), one replica next to the edge Kafka. It
 * replicates the chosen topics (the alarms) one way, site to cloud, over SASL_SSL. Its offsets and checkpoints are
 * stored in the cloud cluster, so after a link outage it resumes where it stopped (within the edge topic retention).
 * Credentials stay in a Secret, read through Kafka's DirectoryConfigProvider; the ConfigMap holds no secret.
 * @see https://kafka.apache.org/documentation/#georeplication
 * @see https://cwiki.apache.org/confluence/display/KAFKA/KIP-382%3A+MirrorMaker+2.0
 */
export class MirrorMaker extends Construct {
  /** The Deployment. */
  public readonly deployment: kplus.Deployment;

  /** @throws Error when `topics` is empty or `targetReplicationFactor` is below 1 */
  constructor(scope: Construct, id: string, props: MirrorMakerProps) {
    super(scope, id);
    if (props.topics.length === 0) throw new Error('MirrorMaker: topics is empty; list the topics to replicate, e.g. ["alarms"]');
    const rf = props.targetReplicationFactor ?? 3;
    if (!Number.isInteger(rf) || rf < 1) throw new Error(`MirrorMaker: targetReplicationFactor ${rf} is not a positive integer; use the cloud broker count (at most 3)`);
    const labels = componentLabels('mirror-maker', props.instance, 'replication');
    const src = props.sourceAlias;
    const secretName = props.credentialsSecret ?? 'mirror-maker-cloud';
    const config = new kplus.ConfigMap(this, 'Config', {
      metadata: { name: 'mirror-maker', namespace: props.namespace, labels: labels.all },
      data: { 'mm2.properties': mirrorMakerProperties(src, props.sourceBootstrap, props.targetBootstrap, props.topics, rf) },
    });
    const deployment = new kplus.Deployment(this, 'Resource', {
      metadata: { name: 'mirror-maker', namespace: props.namespace, labels: labels.all },
      replicas: 1,
      select: false,
      strategy: kplus.DeploymentStrategy.recreate(),
      podMetadata: { labels: { ...labels.all, ...props.placement.podLabels() } },
      securityContext: restrictedPod(1000),
      automountServiceAccountToken: false,
    });
    selectByLabels(deployment, labels.selector);
    this.deployment = deployment;
    const heap = props.heap ?? Size.mebibytes(256);
    const credentials = kplus.Volume.fromSecret(this, 'CredentialsVolume', kplus.Secret.fromSecretName(this, 'Credentials', secretName), { name: 'cloud-credentials' });
    deployment.addContainer({
      name: 'mirror-maker',
      image: props.image ?? 'confluentinc/cp-kafka:7.6.1',
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      command: ['connect-mirror-maker', '/etc/mm2/config/mm2.properties'],
      envVariables: {
        KAFKA_HEAP_OPTS: kplus.EnvValue.fromValue(`-Xms${heap.toMebibytes()}m -Xmx${heap.toMebibytes()}m`),
        LOG_DIR: kplus.EnvValue.fromValue('/tmp/logs'),
      },
      ports: [{ number: MIRROR_MAKER_REST_PORT, name: 'rest' }],
      readiness: kplus.Probe.fromTcpSocket({ port: MIRROR_MAKER_REST_PORT, initialDelaySeconds: Duration.seconds(20), periodSeconds: Duration.seconds(10) }),
      liveness: kplus.Probe.fromTcpSocket({ port: MIRROR_MAKER_REST_PORT, initialDelaySeconds: Duration.seconds(60), periodSeconds: Duration.seconds(30), failureThreshold: 5 }),
      resources: props.resources ?? {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) },
        memory: { request: Size.mebibytes(384), limit: Size.mebibytes(512) },
      },
      securityContext: restrictedContainer(1000),
      volumeMounts: [
        { path: '/etc/mm2/config', volume: kplus.Volume.fromConfigMap(this, 'ConfigVolume', config, { name: 'config' }), readOnly: true },
        { path: CREDENTIALS_DIR, volume: credentials, readOnly: true },
        { path: '/tmp', volume: kplus.Volume.fromEmptyDir(this, 'Tmp', 'tmp') },
      ],
    });
    props.placement.applyTo(deployment);
    addRuntimeDefaultSeccomp(deployment);
    markExternal(deployment, [`Secret/${secretName}`]);
    ignoreChecks(deployment, ['bp/stateful-identity'], 'MirrorMaker 2 is a Kafka client (image cp-kafka), not a broker: it keeps its state in the target cluster');
  }
}

/**
 * The `mm2.properties` of a one-way `<source>->cloud` flow.
 * @see https://github.com/apache/kafka/blob/trunk/connect/mirror/README.md
 */
export function mirrorMakerProperties(source: string, sourceBootstrap: string, targetBootstrap: string, topics: readonly string[], rf: number): string {
  const lines = [
    `clusters = ${source}, cloud`,
    `${source}.bootstrap.servers = ${sourceBootstrap}`,
    `cloud.bootstrap.servers = ${targetBootstrap}`,
    'cloud.security.protocol = SASL_SSL',
    'cloud.sasl.mechanism = SCRAM-SHA-512',
    `cloud.sasl.jaas.config = org.apache.kafka.common.security.scram.ScramLoginModule required username="\${dir:${CREDENTIALS_DIR}:username}" password="\${dir:${CREDENTIALS_DIR}:password}";`,
    'cloud.producer.acks = all',
    'cloud.producer.enable.idempotence = true',
    'config.providers = dir',
    'config.providers.dir.class = org.apache.kafka.common.config.provider.DirectoryConfigProvider',
    `${source}->cloud.enabled = true`,
    `${source}->cloud.topics = ${topics.join(', ')}`,
    `cloud->${source}.enabled = false`,
    'sync.topic.acls.enabled = false',
    'emit.checkpoints.enabled = true',
    'emit.heartbeats.enabled = true',
    'offset-syncs.topic.location = target',
    `replication.factor = ${rf}`,
    `checkpoints.topic.replication.factor = ${rf}`,
    `heartbeats.topic.replication.factor = ${rf}`,
    `offset-syncs.topic.replication.factor = ${rf}`,
    `offset.storage.replication.factor = ${rf}`,
    `config.storage.replication.factor = ${rf}`,
    `status.storage.replication.factor = ${rf}`,
    'tasks.max = 1',
    'dedicated.mode.enable.internal.rest = true',
    `listeners = http://0.0.0.0:${MIRROR_MAKER_REST_PORT}`,
  ];
  return `${lines.join('\n')}\n`;
}
