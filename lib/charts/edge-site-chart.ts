import { Chart, ChartProps, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { KAFKA_CONTROLLER_PORT, KAFKA_INTERNAL_PORT, KafkaMode } from '../constructs/kafka-broker-config';
import { KafkaCluster } from '../constructs/kafka-cluster';
import { MirrorMaker } from '../constructs/mirror-maker';
import { MQTT_PORT, MosquittoBroker } from '../constructs/mosquitto-broker';
import { NetworkFlow } from '../constructs/network-flow';
import { Placement } from '../constructs/placement';
import { toContainerResources } from '../constructs/resources';
import { RULE_ENGINE_REST_PORT, RuleEngine } from '../constructs/rule-engine';
import { PodSecurityLevel, SiteNamespace } from '../constructs/site-namespace';
import { EnvironmentSpec, RuleDefinitions, SiteSpec } from '../inventory/fleet';
import { siteNamespaces } from '../inventory/site-namespaces';
import { ENVIRONMENT_LABEL } from './chart-id';

/** Why the `edge-<site>-host` namespace enforces Pod Security `privileged` (kept as a namespace annotation). */
export const HOST_PORT_REASON = 'Mosquitto publishes 1883 as a hostPort so LAN devices and the rule engine reach it on the node address: '
  + 'KubeEdge edge nodes have no ClusterIP/NodePort proxy without EdgeMesh. Only the MQTT broker runs here; it is otherwise restricted-compliant.';

/** Props of {@link EdgeSiteChart}. */
export interface EdgeSiteChartProps extends ChartProps {
  /** The environment. */
  readonly env: EnvironmentSpec;
  /** The edge site (validated). */
  readonly site: SiteSpec;
  /** Broker count of the environment's cloud Kafka (caps MirrorMaker 2's replication factor). @default 3 */
  readonly cloudKafkaReplicas?: number;
  /** Rule set for the rule engine; overrides `site.definitions`. @default - site.definitions, else empty */
  readonly definitions?: RuleDefinitions;
}

/**
 * One edge site: namespace `edge-<site>` (restricted) with the rule engine and, for an edge data center, the
 * single-node KRaft Kafka and MirrorMaker 2; namespace `edge-<site>-host` (privileged, documented) with the
 * hostPort Mosquitto. Everything is pinned to the site's edge nodes and tolerates their taint.
 */
export class EdgeSiteChart extends Chart {
  constructor(scope: Construct, id: string, props: EdgeSiteChartProps) {
    super(scope, id, { ...props, labels: { ...props.labels, [ENVIRONMENT_LABEL]: props.env.name } });
    const { env, site } = props;
    const c = site.components;
    const names = siteNamespaces(site);
    const ns = names.workloads;
    const hostNs = names.hostPorts ?? `${ns}-host`;
    const perNode = c.ruleEngine?.mode === 'daemonset';
    const placement = Placement.edgeSite(site, { perNode });
    const replicated = Placement.edgeSite(site);
    new SiteNamespace(this, 'Namespace', { name: ns });

    let broker: MosquittoBroker | undefined;
    if (c.mosquitto) {
      new SiteNamespace(this, 'HostNamespace', { name: hostNs, enforce: PodSecurityLevel.PRIVILEGED, reason: HOST_PORT_REASON });
      const m = c.mosquitto;
      broker = new MosquittoBroker(this, 'Mosquitto', {
        namespace: hostNs, instance: id, placement, hostPort: true, allowAnonymous: m.allowAnonymous, maxQueuedMessages: m.maxQueuedMessages,
        storage: m.storageGiB > 0 && !perNode ? Size.gibibytes(m.storageGiB) : undefined, storageClassName: site.storageClass,
        resources: toContainerResources(m.resources),
        bridge: m.bridgeTopics.length > 0 && site.cloud
          ? { host: site.cloud.mqttHost, port: site.cloud.mqttPort, clientId: `${env.name}-${site.id}-bridge`, topics: m.bridgeTopics, remotePrefix: `sites/${site.id}/` }
          : undefined,
      });
      new NetworkFlow(this, 'MqttDevices', { name: 'allow-mqtt', namespace: hostNs, podLabels: broker.selectorLabels, ports: [MQTT_PORT] });
    }
    let kafka: KafkaCluster | undefined;
    if (c.kafka) {
      kafka = new KafkaCluster(this, 'Kafka', {
        namespace: ns, instance: id, mode: KafkaMode.KRAFT, replicas: 1, minInsyncReplicas: 1, placement: replicated,
        storage: Size.gibibytes(c.kafka.storageGiB), storageClassName: site.storageClass, heap: Size.mebibytes(c.kafka.heapMiB),
        resources: toContainerResources(c.kafka.resources), clientUtility: c.kafka.clientUtility, autoCreateTopics: true,
      });
      new NetworkFlow(this, 'KafkaClients', {
        name: 'allow-kafka-clients', namespace: ns, podLabels: kafka.selectorLabels, ports: [KAFKA_INTERNAL_PORT], from: [{ podLabels: {} }],
      });
      new NetworkFlow(this, 'KafkaController', {
        name: 'allow-kafka-controller', namespace: ns, podLabels: kafka.selectorLabels, ports: [KAFKA_CONTROLLER_PORT], from: [{ podLabels: kafka.selectorLabels }],
      });
    }
    if (c.ruleEngine) {
      const engine = new RuleEngine(this, 'RuleEngine', {
        namespace: ns, instance: id, placement, mqttHost: '$(HOST_IP)', mqttPort: MQTT_PORT,
        storage: c.ruleEngine.storageGiB > 0 && !perNode ? Size.gibibytes(c.ruleEngine.storageGiB) : undefined, storageClassName: site.storageClass,
        resources: toContainerResources(c.ruleEngine.resources),
        definitions: props.definitions ?? site.definitions,
        kafkaBootstrap: kafka?.bootstrap,
        // Always on a site with a cloud endpoint, whether or not today's rules use it: a rule change that adds a
        // Sink.cloudMqtt or Sink.cloudKafka then rolls the pods without waiting for a new Secret.
        cloud: site.cloud ? { mqttServer: `mqtts://${site.cloud.mqttHost}:${site.cloud.mqttPort}`, kafkaBootstrap: site.cloud.kafkaBootstrap } : undefined,
        colocateWith: broker && !perNode ? { labels: broker.selectorLabels, namespace: hostNs } : undefined,
      });
      new NetworkFlow(this, 'RuleEngineRest', {
        name: 'allow-rule-engine-rest', namespace: ns, podLabels: engine.selectorLabels, ports: [RULE_ENGINE_REST_PORT], from: [{ podLabels: {} }],
      });
    }
    if (c.mirrorMaker && kafka && site.cloud) {
      new MirrorMaker(this, 'MirrorMaker', {
        namespace: ns, instance: id, placement: replicated, sourceAlias: site.id, sourceBootstrap: kafka.bootstrap,
        targetBootstrap: site.cloud.kafkaBootstrap, topics: c.mirrorMaker.topics, targetReplicationFactor: Math.min(3, props.cloudKafkaReplicas ?? 3),
        heap: Size.mebibytes(c.mirrorMaker.heapMiB), resources: toContainerResources(c.mirrorMaker.resources),
      });
    }
  }
}
