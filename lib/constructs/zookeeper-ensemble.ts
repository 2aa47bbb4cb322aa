import * as kplus from 'cdk8s-plus-27';
import { Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterStatefulSetProps, completeClusterStatefulSet, createClusterStatefulSet } from './cluster-stateful-set';
import { componentLabels } from './labels';
import { Placement } from './placement';
import { restrictedContainer } from './pod-security';
import { createHeadlessService, createService } from './service';

/** Client port of ZooKeeper. */
export const ZOOKEEPER_CLIENT_PORT = 2181;
const FOLLOWER_PORT = 2888;
const ELECTION_PORT = 3888;
const ZOOKEEPER_UID = 1000;

/** Props of {@link ZooKeeperEnsemble}. */
export interface ZooKeeperEnsembleProps {
  /** Namespace. */
  readonly namespace: string;
  /** `app.kubernetes.io/instance` value (the chart id). */
  readonly instance: string;
  /** Number of servers; odd, and at least 3 when `production`. @default 3 */
  readonly replicas?: number;
  /** Enforce the production quorum rule (odd and at least 3 servers). @default true */
  readonly production?: boolean;
  /** Image (official `zookeeper` image, runs as uid 1000). @default 'zookeeper:3.8.4' */
  readonly image?: string;
  /** Data volume size per server (snapshots and transaction log). @default Size.gibibytes(10) */
  readonly storage?: Size;
  /** StorageClass. @default - cluster default */
  readonly storageClassName?: string;
  /** Container resources. @default - requests 250m/512Mi, limits 1 CPU/1Gi */
  readonly resources?: kplus.ContainerResources;
  /** Placement. @default Placement.cloud() */
  readonly placement?: Placement;
}

/**
 * A ZooKeeper ensemble: StatefulSet (Parallel pod management, ids from the pod ordinal), headless Service for
 * 2181/2888/3888, client Service `zookeeper`, policy/v1 PDB (`maxUnavailable: 1`), a data PVC per server,
 * preferred anti-affinity across hosts, TCP probes and a restricted securityContext.
 * Object names: `zookeeper`, `zookeeper-headless`.
 * @see https://zookeeper.apache.org/doc/r3.8.4/zookeeperAdmin.html
 * @see https://hub.docker.com/_/zookeeper
 */
export class ZooKeeperEnsemble extends Construct {
  /** Client Service name. */
  public readonly serviceName = 'zookeeper';
  /** `host:port` list for `zookeeper.connect`, one entry per server. */
  public readonly connectString: string;
  /** Selector labels of the pods. */
  public readonly selectorLabels: Record<string, string>;
  /** The StatefulSet. */
  public readonly statefulSet: kplus.StatefulSet;

  /**
   * @throws Error when `replicas` is even or below 3 with `production`, or below 1
   */
  constructor(scope: Construct, id: string, props: ZooKeeperEnsembleProps) {
    super(scope, id);
    const replicas = props.replicas ?? 3;
    if (!Number.isInteger(replicas) || replicas < 1) {
      throw new Error(`ZooKeeperEnsemble: replicas ${replicas} is not a positive integer; use 3`);
    }
    if ((props.production ?? true) && (replicas % 2 === 0 || replicas < 3)) {
      throw new Error(`ZooKeeperEnsemble: replicas ${replicas} cannot keep a production quorum; use an odd number of at least 3`);
    }
    const ns = props.namespace;
    const labels = componentLabels('zookeeper', props.instance, 'coordination');
    this.selectorLabels = labels.selector;
    const headlessName = 'zookeeper-headless';
    const fqdn = (i: number) => `zookeeper-${i}.${headlessName}.${ns}.svc.cluster.local`;
    const servers = Array.from({ length: replicas }, (_, i) => `server.${i + 1}=${fqdn(i)}:${FOLLOWER_PORT}:${ELECTION_PORT};${ZOOKEEPER_CLIENT_PORT}`);
    this.connectString = Array.from({ length: replicas }, (_, i) => `${fqdn(i)}:${ZOOKEEPER_CLIENT_PORT}`).join(',');

    const ports = [
      { name: 'client', port: ZOOKEEPER_CLIENT_PORT },
      { name: 'follower', port: FOLLOWER_PORT },
      { name: 'election', port: ELECTION_PORT },
    ];
    const headless = createHeadlessService(this, 'Headless', { name: headlessName, namespace: ns, labels: labels.all, ports });
    createService(this, 'Client', { name: this.serviceName, namespace: ns, labels: labels.all, selector: labels.selector, ports: [ports[0]] });

    const placement = props.placement ?? Placement.cloud();
    const cluster: ClusterStatefulSetProps = { name: 'zookeeper', namespace: ns, labels, headless, replicas, placement, uid: ZOOKEEPER_UID };
    const sts = createClusterStatefulSet(this, cluster);
    this.statefulSet = sts;
    const tmp = (name: string) => kplus.Volume.fromEmptyDir(this, `${name}-volume`, name);
    sts.addContainer({
      name: 'zookeeper',
      image: props.image ?? 'zookeeper:3.8.4',
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      // The server id (myid) is the pod ordinal + 1.
      command: ['bash', '-c', 'export ZOO_MY_ID=$(( ${HOSTNAME##*-} + 1 )) && exec /docker-entrypoint.sh zkServer.sh start-foreground'],
      envVariables: {
        ZOO_SERVERS: kplus.EnvValue.fromValue(servers.join(' ')),
        ZOO_DATA_DIR: kplus.EnvValue.fromValue('/data'),
        ZOO_DATA_LOG_DIR: kplus.EnvValue.fromValue('/data/log'),
        ZOO_4LW_COMMANDS_WHITELIST: kplus.EnvValue.fromValue('srvr,mntr,ruok'),
        ZOO_STANDALONE_ENABLED: kplus.EnvValue.fromValue(replicas === 1 ? 'true' : 'false'),
        JVMFLAGS: kplus.EnvValue.fromValue('-Xms256m -Xmx256m'),
      },
      ports: ports.map((p) => ({ number: p.port, name: p.name })),
      readiness: kplus.Probe.fromTcpSocket({ port: ZOOKEEPER_CLIENT_PORT, periodSeconds: Duration.seconds(10), initialDelaySeconds: Duration.seconds(10) }),
      liveness: kplus.Probe.fromTcpSocket({ port: ZOOKEEPER_CLIENT_PORT, periodSeconds: Duration.seconds(20), initialDelaySeconds: Duration.seconds(30), failureThreshold: 6 }),
      resources: props.resources ?? {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
      },
      securityContext: restrictedContainer(ZOOKEEPER_UID),
      volumeMounts: [
        { path: '/conf', volume: tmp('conf') },
        { path: '/logs', volume: tmp('logs') },
        { path: '/tmp', volume: tmp('tmp') },
      ],
    });
    completeClusterStatefulSet(this, sts, {
      ...cluster,
      volumeClaims: [{ name: 'data', size: props.storage ?? Size.gibibytes(10), mountPath: '/data', storageClassName: props.storageClassName }],
      // ZooKeeper spreads its servers even when there is only one (unlike Kafka and EMQX).
      spreadAcrossHosts: true,
    });
  }
}
