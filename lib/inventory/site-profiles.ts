import { DEFAULT_EDGE_TAINT, SITE_LABEL } from './node-labels';
import { CloudEndpoint, EdgeProfile, EnvironmentTier, ResourceSpec, SiteSpec } from './fleet';

/** Shorthand for a {@link ResourceSpec}: CPU in millicores, memory in MiB. */
export function resources(cpuRequestMillicores: number, memoryRequestMiB: number, cpuLimitMillicores: number, memoryLimitMiB: number): ResourceSpec {
  return { cpuRequestMillicores, memoryRequestMiB, cpuLimitMillicores, memoryLimitMiB };
}

/** Rule engine resources from situation 1 of issue 2: requests 100m/100Mi, limits 1 CPU/1Gi. */
export const RULE_ENGINE_RESOURCES: ResourceSpec = resources(100, 100, 1000, 1024);

/** Options of {@link cloudSite}. */
export interface CloudSiteOptions {
  /** Environment tier: `prod` gets 3 ZooKeeper, 3 Kafka and 3 EMQX nodes, `dev` one of each (EMQX keeps 3). */
  readonly tier: EnvironmentTier;
  /** Public DNS domain, e.g. `prod.example.dev`. */
  readonly domain: string;
  /** StorageClass for PVCs. @default - cluster default */
  readonly storageClass?: string;
}

/** A cloud site with ZooKeeper, ZooKeeper-mode Kafka and EMQX, sized for the tier. */
export function cloudSite(options: CloudSiteOptions): SiteSpec {
  const prod = options.tier === 'prod';
  return {
    id: 'cloud',
    role: 'cloud',
    nodeLabels: {},
    storageClass: options.storageClass,
    domain: options.domain,
    components: {
      zookeeper: { replicas: prod ? 3 : 1, storageGiB: prod ? 10 : 2, resources: resources(250, 512, 1000, 1024) },
      kafka: {
        mode: 'zookeeper',
        replicas: prod ? 3 : 1,
        minInsyncReplicas: prod ? 2 : 1,
        storageGiB: prod ? 100 : 10,
        heapMiB: prod ? 2048 : 768,
        resources: prod ? resources(1000, 3072, 2000, 4096) : resources(250, 1024, 1000, 1536),
        clientUtility: true,
        rackLabel: 'topology.kubernetes.io/zone',
      },
      emqx: { replicas: 3, serviceType: 'LoadBalancer', storageGiB: prod ? 5 : 1, resources: resources(250, 512, 2000, 1024) },
    },
  };
}

/** Options shared by the edge site builders. */
export interface EdgeSiteOptions {
  /** Site id (DNS-1123 label). */
  readonly id: string;
  /** Environment tier. */
  readonly tier: EnvironmentTier;
  /** How the site reaches the cloud. */
  readonly cloud: CloudEndpoint;
  /** StorageClass for PVCs. @default - cluster default */
  readonly storageClass?: string;
}

/** An `edge-datacenter` site: single-node KRaft Kafka, Mosquitto, rule engine, MirrorMaker 2 for the alarms topic. */
export function dataCenterSite(options: EdgeSiteOptions): SiteSpec {
  return edgeSite(options, 'edge-datacenter', {
    kafka: {
      mode: 'kraft',
      replicas: 1,
      minInsyncReplicas: 1,
      storageGiB: 20,
      heapMiB: 512,
      resources: resources(250, 768, 1000, 1024),
      clientUtility: false,
    },
    mosquitto: { storageGiB: 1, maxQueuedMessages: 100000, allowAnonymous: false, bridgeTopics: [], resources: resources(50, 64, 500, 256) },
    ruleEngine: { mode: 'deployment', storageGiB: 1, resources: RULE_ENGINE_RESOURCES },
    mirrorMaker: { topics: ['alarms'], heapMiB: 256, resources: resources(100, 384, 500, 512) },
  });
}

/** An `edge-gateway` site (Raspberry-Pi class): Mosquitto bridged to the cloud EMQX and a rule engine. */
export function gatewaySite(options: EdgeSiteOptions): SiteSpec {
  return edgeSite(options, 'edge-gateway', {
    mosquitto: { storageGiB: 0, maxQueuedMessages: 100000, allowAnonymous: false, bridgeTopics: ['alarms/#'], resources: resources(50, 32, 250, 128) },
    ruleEngine: { mode: 'deployment', storageGiB: 0, resources: RULE_ENGINE_RESOURCES },
  });
}

/**
 * The fields every edge site builder sets the same way: role `edge`, the site label `edgestack.io/site: <id>` on its
 * nodes, the default edge taint, and the options' StorageClass and cloud endpoint.
 */
function edgeSite(options: EdgeSiteOptions, profile: EdgeProfile, components: SiteSpec['components']): SiteSpec {
  return {
    id: options.id,
    role: 'edge',
    profile,
    nodeLabels: { [SITE_LABEL]: options.id },
    taint: DEFAULT_EDGE_TAINT,
    storageClass: options.storageClass,
    cloud: options.cloud,
    components,
  };
}

/** The public endpoints of an environment's cloud site, from its domain. */
export function cloudEndpointFor(domain: string): CloudEndpoint {
  return { mqttHost: `emqx.${domain}`, mqttPort: 8883, kafkaBootstrap: `kafka-bootstrap.${domain}:9094` };
}
