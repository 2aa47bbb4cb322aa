import { EMQX_PORTS } from '../constructs/emqx-cluster';
import { KAFKA_EXTERNAL_PORT, KAFKA_INTERNAL_PORT } from '../constructs/kafka-broker-config';
import { MQTT_PORT } from '../constructs/mosquitto-broker';
import { RULE_ENGINE_REST_PORT } from '../constructs/rule-engine';
import { Fleet } from '../inventory/fleet';
import { siteNamespaces } from '../inventory/site-namespaces';
import { findSite } from './find-site';

/** The endpoints of one site (URLs, `host:port`), for Pulumi stack outputs. */
export interface SiteEndpoints {
  /**
   * MQTT endpoint: the cloud EMQX TLS listener (`mqtts://emqx.<domain>:8883`) for a cloud site; the site Mosquitto
   * Service for an edge site (LAN devices use any site node's address on port 1883, the broker's hostPort).
   */
  readonly mqtt: string;
  /** Kafka bootstrap `host:port`: in-cluster for an edge data center, the external SASL_SSL one for the cloud. */
  readonly kafkaBootstrap?: string;
  /** Rule engine REST base URL (edge sites). */
  readonly ruleEngineRest?: string;
  /** Edge sites: cloud EMQX `mqtts://host:port` the Mosquitto bridge connects to. */
  readonly cloudMqtt?: string;
  /** Edge sites: cloud Kafka external bootstrap MirrorMaker 2 replicates to. */
  readonly cloudKafkaBootstrap?: string;
}

/**
 * The endpoints of a site, from the inventory and the charts' Service names.
 * @throws Error when the environment or site is not in the fleet
 */
export function siteEndpoints(fleet: Fleet, env: string, siteId: string): SiteEndpoints {
  const site = findSite(fleet, env, siteId);
  const ns = siteNamespaces(site);
  if (site.role === 'cloud') {
    return {
      mqtt: `mqtts://emqx.${site.domain}:${EMQX_PORTS.mqtts}`,
      kafkaBootstrap: site.components.kafka ? `kafka-bootstrap.${site.domain}:${KAFKA_EXTERNAL_PORT}` : undefined,
    };
  }
  return {
    mqtt: `tcp://mosquitto.${ns.hostPorts}.svc.cluster.local:${MQTT_PORT}`,
    kafkaBootstrap: site.components.kafka ? `kafka.${ns.workloads}.svc.cluster.local:${KAFKA_INTERNAL_PORT}` : undefined,
    ruleEngineRest: site.components.ruleEngine ? `http://rule-engine.${ns.workloads}.svc.cluster.local:${RULE_ENGINE_REST_PORT}` : undefined,
    cloudMqtt: site.cloud ? `mqtts://${site.cloud.mqttHost}:${site.cloud.mqttPort}` : undefined,
    cloudKafkaBootstrap: site.cloud?.kafkaBootstrap,
  };
}
