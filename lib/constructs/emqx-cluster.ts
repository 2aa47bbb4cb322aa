import * as kplus from 'cdk8s-plus-27';
import { Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterStatefulSetProps, completeClusterStatefulSet, createClusterStatefulSet } from './cluster-stateful-set';
import { componentLabels } from './labels';
import { Placement } from './placement';
import { restrictedContainer } from './pod-security';
import { createHeadlessService, createService } from './service';

/** EMQX ports by name. */
export const EMQX_PORTS = { mqtt: 1883, mqtts: 8883, ws: 8083, wss: 8084, dashboard: 18083, ekka: 4370, genrpc: 5369 } as const;
const EMQX_UID = 1000;
const CERT_DIR = '/opt/emqx/etc/certs';

/** Props of {@link EmqxCluster}. */
export interface EmqxClusterProps {
  readonly namespace: string;
  /** `app.kubernetes.io/instance` value. */
  readonly instance: string;
  /** Nodes. @default 3 */
  readonly replicas?: number;
  /** Type of the external Service `emqx` (8883 mqtts, 8084 wss). @default 'LoadBalancer' */
  readonly serviceType?: 'LoadBalancer' | 'NodePort';
  /** Image. @default 'emqx/emqx:5.8.6' */
  readonly image?: string;
  /** Data volume per node. @default Size.gibibytes(1) */
  readonly storage?: Size;
  /** StorageClass. @default - cluster default */
  readonly storageClassName?: string;
  /** Container resources. @default - requests 250m/512Mi, limits 2 CPU/1Gi */
  readonly resources?: kplus.ContainerResources;
  /** Placement. @default Placement.cloud() */
  readonly placement?: Placement;
  /** Server certificate Secret (`tls.crt`, `tls.key`) for 8883/8084. @default 'emqx-tls' */
  readonly tlsSecret?: string;
  /** Secret with `ca.crt` of the CA that signs the edge bridges' client certificates. @default 'mqtt-client-ca' */
  readonly clientCaSecret?: string;
  /** Secret with `password` (dashboard admin) and `cookie` (Erlang node cookie). @default 'emqx-secrets' */
  readonly credentialsSecret?: string;
}

/**
 * An EMQX 5 cluster: StatefulSet `emqx` (Parallel) with DNS (SRV) discovery over the headless Service
 * `emqx-headless`, Services `emqx` (TLS ports 8883/8084, NodePort or LoadBalancer), `emqx-internal` (1883/8083,
 * in-cluster only: plaintext MQTT is never exposed) and `emqx-dashboard` (18083, behind an Ingress), a PDB, a
 * data PVC per node and cloud placement.
 *
 * Authentication: the 8883 listener requires a client certificate signed by `clientCaSecret` (edge bridges; the
 * certificate CN becomes the user name); the other listeners use EMQX's built-in password database. The dashboard
 * password and the node cookie come from a Secret.
 * @see https://docs.emqx.com/en/emqx/v5.8/deploy/cluster/create-cluster.html
 * @see https://docs.emqx.com/en/emqx/v5.8/configuration/configuration.html
 */
export class EmqxCluster extends Construct {
  /** Selector labels of the EMQX pods. */
  public readonly selectorLabels: Record<string, string>;
  /** The StatefulSet. */
  public readonly statefulSet: kplus.StatefulSet;

  /** @throws Error when `replicas` is below 1 */
  constructor(scope: Construct, id: string, props: EmqxClusterProps) {
    super(scope, id);
    const replicas = props.replicas ?? 3;
    if (!Number.isInteger(replicas) || replicas < 1) throw new Error(`EmqxCluster: replicas ${replicas} is not a positive integer; use 3`);
    const ns = props.namespace;
    const labels = componentLabels('emqx', props.instance, 'mqtt-broker');
    this.selectorLabels = labels.selector;
    const tlsSecret = props.tlsSecret ?? 'emqx-tls';
    const caSecret = props.clientCaSecret ?? 'mqtt-client-ca';
    const credentials = props.credentialsSecret ?? 'emqx-secrets';
    const headlessName = 'emqx-headless';
    const env = new kplus.ConfigMap(this, 'Env', {
      metadata: { name: 'emqx-env', namespace: ns, labels: labels.all },
      data: {
        EMQX_NAME: 'emqx',
        EMQX_CLUSTER__DISCOVERY_STRATEGY: 'dns',
        EMQX_CLUSTER__DNS__NAME: `${headlessName}.${ns}.svc.cluster.local`,
        EMQX_CLUSTER__DNS__RECORD_TYPE: 'srv',
        EMQX_DASHBOARD__DEFAULT_USERNAME: 'admin',
        EMQX_AUTHENTICATION__1__MECHANISM: 'password_based',
        EMQX_AUTHENTICATION__1__BACKEND: 'built_in_database',
        EMQX_AUTHENTICATION__1__USER_ID_TYPE: 'username',
        EMQX_LISTENERS__SSL__DEFAULT__BIND: `0.0.0.0:${EMQX_PORTS.mqtts}`,
        EMQX_LISTENERS__SSL__DEFAULT__ENABLE_AUTHN: 'false',
        EMQX_LISTENERS__SSL__DEFAULT__SSL_OPTIONS__CERTFILE: `${CERT_DIR}/server/tls.crt`,
        EMQX_LISTENERS__SSL__DEFAULT__SSL_OPTIONS__KEYFILE: `${CERT_DIR}/server/tls.key`,
        EMQX_LISTENERS__SSL__DEFAULT__SSL_OPTIONS__CACERTFILE: `${CERT_DIR}/client-ca/ca.crt`,
        EMQX_LISTENERS__SSL__DEFAULT__SSL_OPTIONS__VERIFY: 'verify_peer',
        EMQX_LISTENERS__SSL__DEFAULT__SSL_OPTIONS__FAIL_IF_NO_PEER_CERT: 'true',
        EMQX_MQTT__PEER_CERT_AS_USERNAME: 'cn',
        EMQX_LISTENERS__WSS__DEFAULT__SSL_OPTIONS__CERTFILE: `${CERT_DIR}/server/tls.crt`,
        EMQX_LISTENERS__WSS__DEFAULT__SSL_OPTIONS__KEYFILE: `${CERT_DIR}/server/tls.key`,
      },
    });
    const headless = createHeadlessService(this, 'Headless', {
      name: headlessName, namespace: ns, labels: labels.all,
      ports: [{ name: 'ekka', port: EMQX_PORTS.ekka }, { name: 'genrpc', port: EMQX_PORTS.genrpc }],
    });
    createService(this, 'External', {
      name: 'emqx', namespace: ns, labels: labels.all, selector: labels.selector, type: props.serviceType ?? 'LoadBalancer',
      ports: [{ name: 'mqtts', port: EMQX_PORTS.mqtts }, { name: 'wss', port: EMQX_PORTS.wss }],
    });
    createService(this, 'Internal', {
      name: 'emqx-internal', namespace: ns, labels: labels.all, selector: labels.selector,
      ports: [{ name: 'mqtt', port: EMQX_PORTS.mqtt }, { name: 'ws', port: EMQX_PORTS.ws }],
    });
    createService(this, 'Dashboard', {
      name: 'emqx-dashboard', namespace: ns, labels: labels.all, selector: labels.selector, ports: [{ name: 'dashboard', port: EMQX_PORTS.dashboard }],
    });

    const placement = props.placement ?? Placement.cloud();
    const cluster: ClusterStatefulSetProps = { name: 'emqx', namespace: ns, labels, headless, replicas, placement, uid: EMQX_UID };
    const sts = createClusterStatefulSet(this, cluster);
    this.statefulSet = sts;
    const secret = (id2: string, name: string) => kplus.Secret.fromSecretName(this, id2, name);
    sts.addContainer({
      name: 'emqx',
      image: props.image ?? 'emqx/emqx:5.8.6',
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      envFrom: [kplus.Env.fromConfigMap(env)],
      envVariables: {
        POD_NAME: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME),
        EMQX_HOST: kplus.EnvValue.fromValue(`$(POD_NAME).${headlessName}.${ns}.svc.cluster.local`),
        EMQX_DASHBOARD__DEFAULT_PASSWORD: kplus.EnvValue.fromSecretValue({ secret: secret('Credentials', credentials), key: 'password' }),
        EMQX_NODE__COOKIE: kplus.EnvValue.fromSecretValue({ secret: secret('Cookie', credentials), key: 'cookie' }),
      },
      ports: Object.entries(EMQX_PORTS).map(([name, number]) => ({ name, number })),
      readiness: kplus.Probe.fromHttpGet('/status', { port: EMQX_PORTS.dashboard, periodSeconds: Duration.seconds(5), failureThreshold: 12 }),
      liveness: kplus.Probe.fromHttpGet('/status', { port: EMQX_PORTS.dashboard, initialDelaySeconds: Duration.seconds(60), periodSeconds: Duration.seconds(30) }),
      resources: props.resources ?? {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(2000) },
        memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
      },
      securityContext: restrictedContainer(EMQX_UID),
      volumeMounts: [
        { path: '/opt/emqx/log', volume: kplus.Volume.fromEmptyDir(this, 'Log', 'log') },
        { path: '/tmp', volume: kplus.Volume.fromEmptyDir(this, 'Tmp', 'tmp') },
        { path: `${CERT_DIR}/server`, volume: kplus.Volume.fromSecret(this, 'TlsVolume', secret('Tls', tlsSecret), { name: 'server-tls' }), readOnly: true },
        { path: `${CERT_DIR}/client-ca`, volume: kplus.Volume.fromSecret(this, 'CaVolume', secret('Ca', caSecret), { name: 'client-ca' }), readOnly: true },
      ],
    });
    completeClusterStatefulSet(this, sts, {
      ...cluster,
      volumeClaims: [{ name: 'data', size: props.storage ?? Size.gibibytes(1), mountPath: '/opt/emqx/data', storageClassName: props.storageClassName }],
      spreadAcrossHosts: replicas > 1,
      externalReferences: [`Secret/${tlsSecret}`, `Secret/${caSecret}`, `Secret/${credentials}`],
    });
  }
}
