import * as kplus from 'cdk8s-plus-27';
import { Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { createHash } from 'node:crypto';
import { RuleDefinitions } from '../inventory/fleet';
import { createDataVolume } from './data-volume';
import { markExternal } from './external-references';
import { componentLabels } from './labels';
import { Placement } from './placement';
import { addRuntimeDefaultSeccomp, restrictedContainer } from './pod-security';
import { CloudSinkEndpoints, RULE_ENGINE_CLOUD_DIR, RULE_ENGINE_CLOUD_SECRET, cloudSinkSections } from './rule-engine-cloud';
import { EngineConfigInput, renderEngineConfig } from './rule-engine-config';
import { createService } from './service';
import { createSingleReplicaWorkload } from './single-replica-workload';

/** REST port of the rule engine (eKuiper's `restPort`). */
export const RULE_ENGINE_REST_PORT = 9081;
/** Pod annotation holding {@link configChecksum} of the ConfigMap data; a config change rolls the pods. */
export const CONFIG_CHECKSUM_ANNOTATION = 'edgestack.io/config-checksum';
/** Default image, built from `runtime/Dockerfile`. */
export const RULE_ENGINE_IMAGE = 'edgestack/rule-engine:0.1.0';
const RULE_ENGINE_UID = 10001;
const CONFIG_DIR = '/etc/edgestack';
const DATA_DIR = '/var/lib/edgestack';
const TOKEN_DIR = '/var/run/secrets/edgestack/rest-token';

/** Props of {@link RuleEngine}. */
export interface RuleEngineProps {
  readonly namespace: string;
  /** `app.kubernetes.io/instance` value. */
  readonly instance: string;
  /** Placement (edge site); `perNode` runs one engine per edge node (DaemonSet). */
  readonly placement: Placement;
  /** Image. @default RULE_ENGINE_IMAGE ('edgestack/rule-engine:0.1.0') */
  readonly image?: string;
  /**
   * Host of the local MQTT broker; may use `$(HOST_IP)` (the node address, set from `status.hostIP`) to reach a
   * broker published with a hostPort. @default '127.0.0.1'
   */
  readonly mqttHost?: string;
  /** MQTT port. @default 1883 */
  readonly mqttPort?: number;
  /** Secret with keys `username` and `password` for the local broker. @default 'rule-engine-mqtt' */
  readonly mqttCredentialsSecret?: string;
  /** Secret with key `token`, the bearer token of the REST API. @default 'rule-engine-rest-token' */
  readonly restTokenSecret?: string;
  /** Store volume: a PersistentVolumeClaim `rule-engine-data` (Deployment mode only). @default - emptyDir */
  readonly storage?: Size;
  /** StorageClass. @default - cluster default */
  readonly storageClassName?: string;
  /** Streams, tables and rules, rendered into `definitions.json`. @default - empty lists */
  readonly definitions?: RuleDefinitions;
  /**
   * Bootstrap `host:port` of the site's own Kafka: `sources.kafka.default.brokers` in `engine.yaml`, read by Kafka
   * streams without `CONF_KEY` (`Stream.edgeKafka`). @default - none
   */
  readonly kafkaBootstrap?: string;
  /**
   * The cloud endpoints the rules may send to (`resourceId: 'cloud'` actions). Renders `sinks.mqtt.cloud` and
   * `sinks.kafka.cloud` into `engine.yaml`, mounts the Secret's `tls.crt`, `tls.key`, `ca.crt` at
   * `/var/run/secrets/edgestack/cloud` and sets `KAFKA_SINK__CLOUD__SASLUSERNAME` / `__SASLPASSWORD` from its keys
   * `kafka-username` / `kafka-password`. @default - none (no cloud sink sections, no cloud Secret)
   */
  readonly cloud?: CloudSinkEndpoints & {
    /** Secret with the cloud credentials (see `ruleEngineCloudKeys`). @default 'rule-engine-cloud' */
    readonly credentialsSecret?: string;
  };
  /**
   * Extra settings deep-merged into `engine.yaml`, in the service's schema (`runtime/config/service-config.ts`);
   * validated at synth. @default - none
   */
  readonly engineConfig?: EngineConfigInput;
  /** Container resources. @default - requests 100m/100Mi, limits 1 CPU/1Gi */
  readonly resources?: kplus.ContainerResources;
  /**
   * Required pod affinity: run on the same node as these pods (e.g. the hostPort MQTT broker in another namespace).
   * @default - none
   */
  readonly colocateWith?: { readonly labels: Record<string, string>; readonly namespace: string };
}

/**
 * The edge rule engine (`runtime/`, eKuiper-compatible): a Deployment (or DaemonSet) `rule-engine`, its ConfigMap
 * `rule-engine-config` (`engine.yaml` in the service's config schema, `definitions.json`) and a Service on 9081
 * (`/ping` probes). The local MQTT server is set only through the environment (`$(HOST_IP)` is expanded there,
 * never in a mounted file).
 * Environment: `EDGESTACK_REST_*`, `EDGESTACK_DATA_DIR`, `EDGESTACK_CONFIG`, `EDGESTACK_DEFINITIONS` and eKuiper's
 * `MQTT_SOURCE__DEFAULT__SERVERS` / `__USERNAME` / `__PASSWORD` (credentials from a Secret); with `cloud`, the
 * cloud sink sections and their credentials (Secret `rule-engine-cloud`).
 * @see https://ekuiper.org/docs/en/latest/configuration/configuration.html
 * @see https://ekuiper.org/docs/en/latest/guide/sources/builtin/mqtt.html
 */
export class RuleEngine extends Construct {
  /** Service name. */
  public readonly serviceName = 'rule-engine';
  /** Selector labels of the engine pods. */
  public readonly selectorLabels: Record<string, string>;
  /** The workload. */
  public readonly workload: kplus.Deployment | kplus.DaemonSet;

  /**
   * @throws Error when `storage` is combined with a per-node placement
   * @throws Error when `engine.yaml` would not pass the service's config schema (see {@link renderEngineConfig})
   */
  constructor(scope: Construct, id: string, props: RuleEngineProps) {
    super(scope, id);
    if (props.storage && props.placement.perNode) {
      throw new Error('RuleEngine: storage needs Deployment mode; per-node (DaemonSet) engines keep their store on an emptyDir, so drop storage');
    }
    const ns = props.namespace;
    const labels = componentLabels('rule-engine', props.instance, 'stream-processing');
    this.selectorLabels = labels.selector;
    const mqttServer = `tcp://${props.mqttHost ?? '127.0.0.1'}:${props.mqttPort ?? 1883}`;
    const definitions = props.definitions ?? { streams: [], tables: [], rules: [] };
    const data = {
      'engine.yaml': renderEngineConfig({
        restBind: '0.0.0.0', restPort: RULE_ENGINE_REST_PORT, restTokenFile: `${TOKEN_DIR}/token`, dataDir: DATA_DIR,
        definitionsFile: `${CONFIG_DIR}/definitions.json`, kafkaBootstrap: props.kafkaBootstrap, extra: props.engineConfig,
        sinks: props.cloud ? cloudSinkSections(props.cloud) : undefined,
      }),
      'definitions.json': `${JSON.stringify({ streams: definitions.streams, tables: definitions.tables, rules: definitions.rules }, null, 2)}\n`,
    };
    const config = new kplus.ConfigMap(this, 'Config', { metadata: { name: 'rule-engine-config', namespace: ns, labels: labels.all }, data });
    const checksum = configChecksum(data);
    const workload = createSingleReplicaWorkload(this, {
      name: 'rule-engine', namespace: ns, labels: labels.all, selector: labels.selector, placement: props.placement, uid: RULE_ENGINE_UID,
      podAnnotations: { [CONFIG_CHECKSUM_ANNOTATION]: checksum },
    });
    this.workload = workload;

    const mqttSecret = kplus.Secret.fromSecretName(this, 'MqttCredentials', props.mqttCredentialsSecret ?? 'rule-engine-mqtt');
    const tokenSecret = kplus.Secret.fromSecretName(this, 'RestToken', props.restTokenSecret ?? 'rule-engine-rest-token');
    const cloudSecret = props.cloud
      ? kplus.Secret.fromSecretName(this, 'CloudCredentials', props.cloud.credentialsSecret ?? RULE_ENGINE_CLOUD_SECRET)
      : undefined;
    const store = createDataVolume(this, {
      claimName: 'rule-engine-data', namespace: ns, labels: labels.all, storage: props.storage, storageClassName: props.storageClassName,
    });
    const ping = (period: number, delay: number, failures: number) => kplus.Probe.fromHttpGet('/ping', {
      port: RULE_ENGINE_REST_PORT, periodSeconds: Duration.seconds(period), initialDelaySeconds: Duration.seconds(delay), failureThreshold: failures,
    });
    workload.addContainer({
      name: 'rule-engine',
      image: props.image ?? RULE_ENGINE_IMAGE,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      args: ['serve'],
      envVariables: {
        HOST_IP: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_IP),
        EDGESTACK_REST_BIND: kplus.EnvValue.fromValue('0.0.0.0'),
        EDGESTACK_REST_PORT: kplus.EnvValue.fromValue(String(RULE_ENGINE_REST_PORT)),
        EDGESTACK_REST_TOKEN_FILE: kplus.EnvValue.fromValue(`${TOKEN_DIR}/token`),
        EDGESTACK_DATA_DIR: kplus.EnvValue.fromValue(DATA_DIR),
        EDGESTACK_CONFIG: kplus.EnvValue.fromValue(`${CONFIG_DIR}/engine.yaml`),
        EDGESTACK_DEFINITIONS: kplus.EnvValue.fromValue(`${CONFIG_DIR}/definitions.json`),
        MQTT_SOURCE__DEFAULT__SERVERS: kplus.EnvValue.fromValue(`[${mqttServer}]`),
        MQTT_SOURCE__DEFAULT__USERNAME: kplus.EnvValue.fromSecretValue({ secret: mqttSecret, key: 'username' }),
        MQTT_SOURCE__DEFAULT__PASSWORD: kplus.EnvValue.fromSecretValue({ secret: mqttSecret, key: 'password' }),
        ...(cloudSecret ? {
          KAFKA_SINK__CLOUD__SASLUSERNAME: kplus.EnvValue.fromSecretValue({ secret: cloudSecret, key: 'kafka-username' }),
          KAFKA_SINK__CLOUD__SASLPASSWORD: kplus.EnvValue.fromSecretValue({ secret: cloudSecret, key: 'kafka-password' }),
        } : {}),
      },
      ports: [{ number: RULE_ENGINE_REST_PORT, name: 'rest' }],
      readiness: ping(10, 5, 3),
      liveness: ping(30, 20, 4),
      resources: props.resources ?? {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(100), limit: Size.gibibytes(1) },
      },
      securityContext: restrictedContainer(RULE_ENGINE_UID),
      volumeMounts: [
        { path: CONFIG_DIR, volume: kplus.Volume.fromConfigMap(this, 'ConfigVolume', config, { name: 'config' }), readOnly: true },
        { path: TOKEN_DIR, volume: kplus.Volume.fromSecret(this, 'TokenVolume', tokenSecret, { name: 'rest-token', defaultMode: 0o440 }), readOnly: true },
        ...(cloudSecret ? [{
          path: RULE_ENGINE_CLOUD_DIR,
          volume: kplus.Volume.fromSecret(this, 'CloudVolume', cloudSecret, {
            name: 'cloud-credentials', defaultMode: 0o440,
            items: { 'tls.crt': { path: 'tls.crt' }, 'tls.key': { path: 'tls.key' }, 'ca.crt': { path: 'ca.crt' } },
          }),
          readOnly: true,
        }] : []),
        { path: DATA_DIR, volume: store },
        { path: '/tmp', volume: kplus.Volume.fromEmptyDir(this, 'Tmp', 'tmp') },
      ],
    });
    props.placement.applyTo(workload);
    if (props.colocateWith) {
      const broker = kplus.Pods.select(this, 'Broker', {
        labels: props.colocateWith.labels,
        namespaces: kplus.Namespaces.select(this, 'BrokerNamespace', { names: [props.colocateWith.namespace] }),
      });
      workload.scheduling.colocate(broker, { topology: kplus.Topology.HOSTNAME });
    }
    addRuntimeDefaultSeccomp(workload);
    markExternal(workload, [`Secret/${mqttSecret.name}`, `Secret/${tokenSecret.name}`, ...(cloudSecret ? [`Secret/${cloudSecret.name}`] : [])]);
    createService(this, 'Service', { name: this.serviceName, namespace: ns, labels: labels.all, selector: labels.selector, ports: [{ name: 'rest', port: RULE_ENGINE_REST_PORT }] });
  }
}

/** sha256 (hex) of ConfigMap data serialized as JSON with its keys sorted. */
export function configChecksum(data: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.keys(data).sort().map((k) => [k, data[k]]));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}
