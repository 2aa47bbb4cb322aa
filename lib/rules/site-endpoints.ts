import { KAFKA_INTERNAL_PORT } from '../constructs/kafka-broker-config';
import { Fleet, SiteSpec } from '../inventory/fleet';
import { siteNamespaces } from '../inventory/site-namespaces';
import { FleetEndpoint } from './fleet-endpoint';

/** Connection properties of one endpoint, in the connector's own property names (`server`, `brokers`, ...). */
export type EndpointProperties = Readonly<Record<string, string | number | boolean>>;

/** The endpoints one site can reach, resolved from the inventory. */
export interface SiteEndpoints {
  /** Chart id of the site, `<env>-<siteId>` (used in every error message). */
  readonly chartId: string;
  /** The site. */
  readonly site: SiteSpec;
  /** Connection properties of each endpoint the site has. */
  readonly available: Readonly<Partial<Record<FleetEndpoint, EndpointProperties>>>;
  /** For each endpoint the site lacks: why, and the fix (completes "site X has no ..."). */
  readonly missing: Readonly<Partial<Record<FleetEndpoint, string>>>;
  /** Topics the site's MirrorMaker 2 replicates from its Kafka to the cloud Kafka; empty when none. */
  readonly mirroredTopics: readonly string[];
}

/**
 * CONF_KEY of Kafka streams that read the site's own Kafka: their brokers come from the engine config section
 * `sources.kafka.edge_kafka` (see {@link resolveSiteConnectorConfig}).
 */
export const EDGE_KAFKA_CONF_KEY = 'edge_kafka';

/**
 * Finds a site of the fleet.
 * @throws Error naming the environment or site that does not exist, and the ones that do
 */
export function findSite(fleet: Fleet, env: string, siteId: string): SiteSpec {
  const environment = fleet.environments.find((e) => e.name === env);
  if (!environment) {
    throw new Error(`environment "${env}" is not in the fleet; use one of ${fleet.environments.map((e) => e.name).join(', ')}`);
  }
  const site = environment.sites.find((s) => s.id === siteId);
  if (!site) {
    throw new Error(`site "${siteId}" is not in environment "${env}"; use one of ${environment.sites.map((s) => s.id).join(', ')}`);
  }
  return site;
}

/**
 * Resolves the endpoints of site `siteId` of environment `env`:
 * - `localMqtt`: `{}` when the site runs Mosquitto; the sink then uses the engine's default MQTT server
 *   (`MQTT_SOURCE__DEFAULT__SERVERS`, set by the RuleEngine construct), so the address is never duplicated.
 * - `cloudMqtt`: `{ server: 'ssl://<cloud.mqttHost>:<cloud.mqttPort>' }` when the site has a cloud endpoint.
 * - `cloudKafka`: `{ brokers: <cloud.kafkaBootstrap>, tlsEnable: true, saslAuthType: 'scram_sha_512' }` (the cloud
 *   Kafka's external SASL_SSL listener).
 * - `edgeKafka`: `{ brokers: 'kafka.<namespace>.svc.cluster.local:9092' }` when the site runs Kafka.
 * @throws Error when the environment or site does not exist
 */
export function resolveSiteEndpoints(fleet: Fleet, env: string, siteId: string): SiteEndpoints {
  const site = findSite(fleet, env, siteId);
  const chartId = `${env}-${siteId}`;
  const available: Partial<Record<FleetEndpoint, EndpointProperties>> = {};
  const missing: Partial<Record<FleetEndpoint, string>> = {};
  if (site.components.mosquitto) {
    available[FleetEndpoint.LOCAL_MQTT] = {};
  } else {
    missing[FleetEndpoint.LOCAL_MQTT] = 'no local MQTT broker (components.mosquitto is not set)';
  }
  if (site.cloud) {
    available[FleetEndpoint.CLOUD_MQTT] = { server: `ssl://${site.cloud.mqttHost}:${site.cloud.mqttPort}` };
    available[FleetEndpoint.CLOUD_KAFKA] = { brokers: site.cloud.kafkaBootstrap, tlsEnable: true, saslAuthType: 'scram_sha_512' };
  } else {
    const why = `no cloud endpoint (it is a ${site.role} site without a "cloud" entry)`;
    missing[FleetEndpoint.CLOUD_MQTT] = why;
    missing[FleetEndpoint.CLOUD_KAFKA] = why;
  }
  if (site.components.kafka) {
    available[FleetEndpoint.EDGE_KAFKA] = { brokers: `kafka.${siteNamespaces(site).workloads}.svc.cluster.local:${KAFKA_INTERNAL_PORT}` };
  } else {
    missing[FleetEndpoint.EDGE_KAFKA] = `no edge Kafka (profile ${site.profile ?? site.role} runs no Kafka; components.kafka is not set)`;
  }
  return { chartId, site, available, missing, mirroredTopics: site.components.mirrorMaker?.topics ?? [] };
}
