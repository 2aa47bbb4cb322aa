import { findSite } from '../charts/find-site';
import { CLOUD_SINK_RESOURCE_ID } from '../constructs/rule-engine-cloud';
import { siteEndpoints } from '../charts/site-endpoints';
import { Fleet, SiteSpec } from '../inventory/fleet';
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
 * Resolves the endpoints of site `siteId` of environment `env`:
 * - `localMqtt`: `{}` when the site runs Mosquitto; the sink then uses the engine's default MQTT server
 *   (`MQTT_SOURCE__DEFAULT__SERVERS`, set by the RuleEngine construct), so the address is never duplicated.
 * - `cloudMqtt`: `{ resourceId: 'cloud', server: 'mqtts://<cloud.mqttHost>:<cloud.mqttPort>' }` (TLS, 8883) when
 *   the site has a cloud endpoint. `resourceId` selects the engine's `sinks.mqtt.cloud` section, which holds the
 *   client certificate paths (RuleEngine `cloud`, Secret `rule-engine-cloud`); the action's own properties win.
 * - `cloudKafka`: `{ resourceId: 'cloud', brokers: <cloud.kafkaBootstrap>, tlsEnable: true, saslAuthType:
 *   'scram_sha_512' }` (the cloud Kafka's external SASL_SSL listener; the SASL user and password come from the
 *   engine's `sinks.kafka.cloud` section and its environment, never from the rule).
 * - `edgeKafka`: `{ brokers: 'kafka.edge-<site>.svc.cluster.local:9092' }` when the site runs Kafka.
 * Addresses come from `siteEndpoints` (lib/charts), the same function that feeds the Pulumi stack outputs.
 * @throws Error when the environment or site does not exist
 */
export function resolveSiteEndpoints(fleet: Fleet, env: string, siteId: string): SiteEndpoints {
  const site = findSite(fleet, env, siteId);
  const addresses = siteEndpoints(fleet, env, siteId);
  const chartId = `${env}-${siteId}`;
  const available: Partial<Record<FleetEndpoint, EndpointProperties>> = {};
  const missing: Partial<Record<FleetEndpoint, string>> = {};
  if (site.components.mosquitto) {
    available[FleetEndpoint.LOCAL_MQTT] = {};
  } else {
    missing[FleetEndpoint.LOCAL_MQTT] = 'no local MQTT broker (components.mosquitto is not set)';
  }
  if (addresses.cloudMqtt && addresses.cloudKafkaBootstrap) {
    available[FleetEndpoint.CLOUD_MQTT] = { resourceId: CLOUD_SINK_RESOURCE_ID, server: addresses.cloudMqtt };
    available[FleetEndpoint.CLOUD_KAFKA] = {
      resourceId: CLOUD_SINK_RESOURCE_ID, brokers: addresses.cloudKafkaBootstrap, tlsEnable: true, saslAuthType: 'scram_sha_512',
    };
  } else {
    const why = `no cloud endpoint (it is a ${site.role} site without a "cloud" entry)`;
    missing[FleetEndpoint.CLOUD_MQTT] = why;
    missing[FleetEndpoint.CLOUD_KAFKA] = why;
  }
  if (site.role === 'edge' && addresses.kafkaBootstrap) {
    available[FleetEndpoint.EDGE_KAFKA] = { brokers: addresses.kafkaBootstrap };
  } else {
    missing[FleetEndpoint.EDGE_KAFKA] = `no edge Kafka (profile ${site.profile ?? site.role} runs no Kafka; components.kafka is not set)`;
  }
  return { chartId, site, available, missing, mirroredTopics: site.components.mirrorMaker?.topics ?? [] };
}
