/**
 * A fleet endpoint a stream reads from or a sink writes to. Each resolves, per site, to concrete connection
 * properties from the inventory (see {@link resolveSiteEndpoints}), so one rule works at every site that has the
 * endpoint.
 */
export enum FleetEndpoint {
  /** The site's own MQTT broker (Mosquitto): the rule engine's default MQTT server. */
  LOCAL_MQTT = 'localMqtt',
  /** The environment's cloud EMQX, over TLS (`mqtts://<cloud.mqttHost>:<cloud.mqttPort>`, 8883 by default). */
  CLOUD_MQTT = 'cloudMqtt',
  /** The environment's cloud Kafka, through its external SASL_SSL bootstrap (`cloud.kafkaBootstrap`). */
  CLOUD_KAFKA = 'cloudKafka',
  /** The site's own Kafka (edge data centers: single-node KRaft), whose mirrored topics MirrorMaker 2 copies up. */
  EDGE_KAFKA = 'edgeKafka',
}
