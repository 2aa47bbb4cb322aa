/**
 * Typed fleet inventory: the single source of truth for every manifest `cdk8s synth` writes.
 *
 * A {@link Fleet} lists environments; each environment lists its sites. One site becomes one chart
 * (`<env>-<siteId>`), one `charts-out/` folder and one Pulumi stack.
 *
 * All sizes carry their unit in the field name (`memoryRequestMiB`, `storageGiB`, `cpuLimitMillicores`).
 */

/** Site role: `cloud` runs the control-plane side (ZooKeeper, Kafka, EMQX); `edge` runs on KubeEdge edge nodes. */
export type SiteRole = 'cloud' | 'edge';

/**
 * Edge site profiles.
 * - `edge-datacenter`: a small edge data center: single-node KRaft Kafka, Mosquitto, rule engine, MirrorMaker 2.
 * - `edge-gateway`: a Raspberry-Pi class gateway: Mosquitto and rule engine only.
 */
export type EdgeProfile = 'edge-datacenter' | 'edge-gateway';

/** All known edge profiles, in the order used by error messages. */
export const EDGE_PROFILES: readonly EdgeProfile[] = ['edge-datacenter', 'edge-gateway'];

/** Environment tier: `prod` enables the quorum and anonymous-access rules. */
export type EnvironmentTier = 'dev' | 'prod';

/** Taint effect, as in the Kubernetes Node API. @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/ */
export type TaintEffectName = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

/** A node taint `key[=value]:effect`. */
export interface TaintSpec {
  /** Taint key, e.g. `edge`. */
  readonly key: string;
  /** Taint value; empty string for a key-only taint. */
  readonly value: string;
  /** Taint effect. */
  readonly effect: TaintEffectName;
}

/** CPU and memory for one container: requests and limits. */
export interface ResourceSpec {
  /** CPU request in millicores (1000 = one core). */
  readonly cpuRequestMillicores: number;
  /** Memory request in MiB. */
  readonly memoryRequestMiB: number;
  /** CPU limit in millicores. */
  readonly cpuLimitMillicores: number;
  /** Memory limit in MiB. */
  readonly memoryLimitMiB: number;
}

/** ZooKeeper ensemble settings (cloud sites, Kafka ZooKeeper mode). */
export interface ZooKeeperSpec {
  /** Number of servers; odd and at least 3 in `prod`. */
  readonly replicas: number;
  /** Data volume size per server in GiB. */
  readonly storageGiB: number;
  /** Container resources. */
  readonly resources: ResourceSpec;
}

/** Kafka cluster settings. */
export interface KafkaSpec {
  /** `zookeeper` (cloud, needs `components.zookeeper`) or `kraft` (edge data center, single combined node). */
  readonly mode: 'zookeeper' | 'kraft';
  /** Number of brokers; 1 in `kraft` mode. */
  readonly replicas: number;
  /** `min.insync.replicas`; at most `replicas`. */
  readonly minInsyncReplicas: number;
  /** Log volume size per broker in GiB. */
  readonly storageGiB: number;
  /** JVM heap (-Xms = -Xmx) in MiB; must fit in the memory limit. */
  readonly heapMiB: number;
  /** Container resources. */
  readonly resources: ResourceSpec;
  /** Deploy the opt-in client-utility Pod (kafka-topics, console tools). */
  readonly clientUtility: boolean;
  /** Node label whose value becomes `broker.rack`; undefined disables rack awareness. */
  readonly rackLabel?: string;
}

/** EMQX cluster settings (cloud). */
export interface EmqxSpec {
  /** Number of EMQX nodes. */
  readonly replicas: number;
  /** How the TLS MQTT ports (8883, 8084) are exposed outside the cluster. */
  readonly serviceType: 'LoadBalancer' | 'NodePort';
  /** Data volume size per node in GiB. */
  readonly storageGiB: number;
  /** Container resources. */
  readonly resources: ResourceSpec;
}

/** Mosquitto settings (edge). */
export interface MosquittoSpec {
  /** Persistence volume in GiB; 0 uses an emptyDir (lost on reschedule). */
  readonly storageGiB: number;
  /** `max_queued_messages` per client; 0 means unlimited. */
  readonly maxQueuedMessages: number;
  /** Accept clients without credentials; only allowed in a `dev` environment. */
  readonly allowAnonymous: boolean;
  /** Topics bridged out to the cloud EMQX over TLS 8883 (mosquitto `topic <pattern> out 1`); empty disables the bridge. */
  readonly bridgeTopics: readonly string[];
  /** Container resources. */
  readonly resources: ResourceSpec;
}

/** Rule engine settings (edge). */
export interface RuleEngineSpec {
  /** `deployment` (one replica on the site) or `daemonset` (one per edge node of the site). */
  readonly mode: 'deployment' | 'daemonset';
  /** Store volume in GiB; 0 uses an emptyDir. */
  readonly storageGiB: number;
  /** Container resources. */
  readonly resources: ResourceSpec;
}

/** MirrorMaker 2 settings (edge data center). */
export interface MirrorMakerSpec {
  /** Topics replicated from the site's Kafka up to the cloud Kafka (regular expressions allowed by MM2). */
  readonly topics: readonly string[];
  /** Container resources. */
  readonly resources: ResourceSpec;
  /** JVM heap in MiB. */
  readonly heapMiB: number;
}

/** The components a site runs; an absent field means the component is not deployed. */
export interface SiteComponents {
  readonly zookeeper?: ZooKeeperSpec;
  readonly kafka?: KafkaSpec;
  readonly emqx?: EmqxSpec;
  readonly mosquitto?: MosquittoSpec;
  readonly ruleEngine?: RuleEngineSpec;
  readonly mirrorMaker?: MirrorMakerSpec;
}

/** How an edge site reaches its environment's cloud site (public names, not cluster DNS). */
export interface CloudEndpoint {
  /** Cloud EMQX host name for the TLS MQTT bridge. */
  readonly mqttHost: string;
  /** Cloud EMQX TLS port. @default 8883 in the example fleet */
  readonly mqttPort: number;
  /** Cloud Kafka external bootstrap `host:port` (SASL_SSL listener) for MirrorMaker 2. */
  readonly kafkaBootstrap: string;
}

/**
 * eKuiper-shaped rule set fed to the rule engine of an edge site (plain JSON data).
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
export interface RuleDefinitions {
  /** `CREATE STREAM ...` statements. */
  readonly streams: readonly string[];
  /** `CREATE TABLE ...` statements. */
  readonly tables: readonly string[];
  /** Rules `{ id, sql, actions, options }`. */
  readonly rules: readonly object[];
}

/** One site of one environment. */
export interface SiteSpec {
  /** DNS-1123 label, unique within the environment (e.g. `cloud`, `dc24`). */
  readonly id: string;
  /** Site role. */
  readonly role: SiteRole;
  /** Edge profile; required for edge sites, absent for cloud sites. */
  readonly profile?: EdgeProfile;
  /** Labels the site's nodes carry; edge workloads require each one (the site label at least). */
  readonly nodeLabels: Readonly<Record<string, string>>;
  /** Taint of the site's edge nodes, tolerated by edge workloads. @default edge=true:NoSchedule */
  readonly taint?: TaintSpec;
  /** StorageClass for the site's PVCs. @default - the cluster's default StorageClass */
  readonly storageClass?: string;
  /** Public DNS domain of a cloud site (Ingress, EMQX and Kafka external names), e.g. `prod.example.dev`. */
  readonly domain?: string;
  /** How an edge site reaches the cloud; required for edge sites. */
  readonly cloud?: CloudEndpoint;
  /** Components this site runs. */
  readonly components: SiteComponents;
  /** Rule set for the site's rule engine. @default - empty streams, tables and rules */
  readonly definitions?: RuleDefinitions;
}

/** One environment (one KubeEdge cluster): a cloud site and its edge sites. */
export interface EnvironmentSpec {
  /** DNS-1123 label (e.g. `dev`, `prod`). */
  readonly name: string;
  /** Tier; `prod` turns on the quorum rules. */
  readonly tier: EnvironmentTier;
  /** Sites of this environment. */
  readonly sites: readonly SiteSpec[];
}

/** The fleet: every environment and site. */
export interface Fleet {
  readonly environments: readonly EnvironmentSpec[];
}
