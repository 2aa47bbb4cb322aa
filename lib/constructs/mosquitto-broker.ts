import * as kplus from 'cdk8s-plus-27';
import { Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { createDataVolume } from './data-volume';
import { ignoreChecks, markExternal } from './external-references';
import { componentLabels } from './labels';
import { MOSQUITTO_PATHS, MosquittoBridgeConf, renderMosquittoConf } from './mosquitto-conf';
import { Placement } from './placement';
import { addRuntimeDefaultSeccomp, restrictedContainer } from './pod-security';
import { createService } from './service';
import { createSingleReplicaWorkload } from './single-replica-workload';

/** MQTT listener port. */
export const MQTT_PORT = 1883;
const MOSQUITTO_UID = 1883;

/** Props of {@link MosquittoBroker}. */
export interface MosquittoBrokerProps {
  readonly namespace: string;
  /** `app.kubernetes.io/instance` value. */
  readonly instance: string;
  /** Placement; `perNode` runs one broker per edge node (DaemonSet). */
  readonly placement: Placement;
  /**
   * Publish 1883 on the node address (`hostPort`), for LAN devices: KubeEdge edge nodes have no ClusterIP/NodePort
   * proxy without EdgeMesh. The namespace must allow host ports (Pod Security `privileged`). @default false
   */
  readonly hostPort?: boolean;
  /** `allow_anonymous true`; only for a dev environment. @default false */
  readonly allowAnonymous?: boolean;
  /** `max_queued_messages`. @default 100000 */
  readonly maxQueuedMessages?: number;
  /** Persistence volume; a PersistentVolumeClaim `mosquitto-data` is created (Deployment mode only). @default - emptyDir */
  readonly storage?: Size;
  /** StorageClass of the claim. @default - cluster default */
  readonly storageClassName?: string;
  /** Secret with the hashed password file under key `passwd` (`mosquitto_passwd` format). @default 'mosquitto-passwd' */
  readonly passwordSecret?: string;
  /** TLS bridge to the cloud EMQX. @default - no bridge */
  readonly bridge?: MosquittoBridgeConf;
  /** Secret (`kubernetes.io/tls` plus `ca.crt`) with the bridge client certificate. @default 'mosquitto-bridge-tls' */
  readonly bridgeTlsSecret?: string;
  /** Image. @default 'eclipse-mosquitto:2.0.18' */
  readonly image?: string;
  /** Container resources. @default - requests 50m/64Mi, limits 500m/256Mi */
  readonly resources?: kplus.ContainerResources;
  /** Extra labels for the ConfigMap and workload (e.g. the environment). @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * Mosquitto 2: ConfigMap `mosquitto` (`mosquitto.conf` from {@link renderMosquittoConf}), a Deployment (or DaemonSet
 * with a per-node placement) `mosquitto` and a Service `mosquitto` on 1883. The password file comes from a Secret.
 * @see https://mosquitto.org/man/mosquitto-conf-5.html
 * @see https://hub.docker.com/_/eclipse-mosquitto
 */
export class MosquittoBroker extends Construct {
  /** Service name. */
  public readonly serviceName = 'mosquitto';
  /** Selector labels of the broker pods. */
  public readonly selectorLabels: Record<string, string>;
  /** The workload. */
  public readonly workload: kplus.Deployment | kplus.DaemonSet;

  /** @throws Error when `storage` is combined with a per-node placement */
  constructor(scope: Construct, id: string, props: MosquittoBrokerProps) {
    super(scope, id);
    if (props.storage && props.placement.perNode) {
      throw new Error('MosquittoBroker: storage needs Deployment mode; a per-node (DaemonSet) broker keeps its queue on an emptyDir, so drop storage');
    }
    const ns = props.namespace;
    const labels = componentLabels('mosquitto', props.instance, 'mqtt-broker');
    const objectLabels = { ...labels.all, ...props.labels };
    this.selectorLabels = labels.selector;
    const passwordSecret = props.passwordSecret ?? 'mosquitto-passwd';
    const bridgeSecret = props.bridgeTlsSecret ?? 'mosquitto-bridge-tls';
    const config = new kplus.ConfigMap(this, 'Config', {
      metadata: { name: 'mosquitto', namespace: ns, labels: objectLabels },
      data: {
        'mosquitto.conf': renderMosquittoConf({
          port: MQTT_PORT, allowAnonymous: props.allowAnonymous ?? false, maxQueuedMessages: props.maxQueuedMessages ?? 100000, bridge: props.bridge,
        }),
      },
    });
    const workload = createSingleReplicaWorkload(this, {
      name: 'mosquitto', namespace: ns, labels: objectLabels, selector: labels.selector, placement: props.placement, uid: MOSQUITTO_UID,
    });
    this.workload = workload;

    const data = createDataVolume(this, {
      claimName: 'mosquitto-data', namespace: ns, labels: objectLabels, storage: props.storage, storageClassName: props.storageClassName,
    });
    const mounts: kplus.VolumeMount[] = [
      { path: MOSQUITTO_PATHS.config, volume: kplus.Volume.fromConfigMap(this, 'ConfigVolume', config, { name: 'config' }), readOnly: true },
      { path: MOSQUITTO_PATHS.auth, volume: kplus.Volume.fromSecret(this, 'AuthVolume', kplus.Secret.fromSecretName(this, 'Auth', passwordSecret), { name: 'auth', defaultMode: 0o440 }), readOnly: true },
      { path: MOSQUITTO_PATHS.data, volume: data },
    ];
    const external = [`Secret/${passwordSecret}`];
    if (props.bridge) {
      mounts.push({ path: MOSQUITTO_PATHS.bridgeTls, volume: kplus.Volume.fromSecret(this, 'BridgeVolume', kplus.Secret.fromSecretName(this, 'BridgeTls', bridgeSecret), { name: 'bridge-tls', defaultMode: 0o440 }), readOnly: true });
      external.push(`Secret/${bridgeSecret}`);
    }
    workload.addContainer({
      name: 'mosquitto',
      image: props.image ?? 'eclipse-mosquitto:2.0.18',
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      ports: [{ number: MQTT_PORT, name: 'mqtt', hostPort: props.hostPort ? MQTT_PORT : undefined }],
      readiness: kplus.Probe.fromTcpSocket({ port: MQTT_PORT, periodSeconds: Duration.seconds(10) }),
      liveness: kplus.Probe.fromTcpSocket({ port: MQTT_PORT, initialDelaySeconds: Duration.seconds(15), periodSeconds: Duration.seconds(20) }),
      resources: props.resources ?? {
        cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(500) },
        memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) },
      },
      securityContext: restrictedContainer(MOSQUITTO_UID),
      volumeMounts: mounts,
    });
    props.placement.applyTo(workload);
    addRuntimeDefaultSeccomp(workload);
    markExternal(workload, external);
    if (props.hostPort) {
      ignoreChecks(workload, ['pss/host-ports'], `hostPort ${MQTT_PORT} for LAN devices on KubeEdge nodes (no ClusterIP proxy without EdgeMesh); namespace ${ns} enforces Pod Security privileged for this reason only`);
    }
    createService(this, 'Service', { name: this.serviceName, namespace: ns, labels: objectLabels, selector: labels.selector, ports: [{ name: 'mqtt', port: MQTT_PORT }] });
  }
}
