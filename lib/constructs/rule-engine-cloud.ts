/**
 * `resourceId` of the rule actions that write to the environment's cloud EMQX or cloud Kafka: the engine merges the
 * config section `sinks.<mqtt|kafka>.cloud` (and the env `MQTT_SINK__CLOUD__*` / `KAFKA_SINK__CLOUD__*`) under the
 * action's own properties.
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/overview.html#resource-reuse
 */
export const CLOUD_SINK_RESOURCE_ID = 'cloud';

/** Default name of the Secret holding the rule engine's cloud credentials (keys: {@link ruleEngineCloudKeys}). */
export const RULE_ENGINE_CLOUD_SECRET = 'rule-engine-cloud';

/** Directory where the files of the cloud Secret (`tls.crt`, `tls.key`, `ca.crt`) are mounted. */
export const RULE_ENGINE_CLOUD_DIR = '/var/run/secrets/edgestack/cloud';

/**
 * Keys of the Secret `rule-engine-cloud` of site `<env>-<siteId>` and their content, for `requiredSecrets`:
 * - `tls.crt` / `tls.key`: the engine's MQTT client certificate: the cloud EMQX SSL listener (8883) requires a client
 *   certificate signed by the CA in the cloud `mqtt-client-ca` and takes its CN as the MQTT user name
 *   (no password authentication on that listener);
 * - `ca.crt`: the CA that signed the cloud EMQX and Kafka server certificates;
 * - `kafka-username` / `kafka-password`: the engine's SCRAM-SHA-512 user on the cloud Kafka (SASL_SSL, 9094).
 */
export function ruleEngineCloudKeys(env: string, siteId: string): Record<string, string> {
  return {
    'tls.crt': `PEM client certificate of the rule engine, CN ${env}-${siteId}-rule-engine, signed by the CA in the cloud mqtt-client-ca (EMQX verifies it on 8883 and uses the CN as user name)`,
    'tls.key': 'PEM private key of that certificate',
    'ca.crt': 'PEM CA certificate that signed the cloud EMQX and Kafka server certificates',
    'kafka-username': `SCRAM-SHA-512 user of the rule engine on the cloud Kafka (e.g. rule-engine-${env}-${siteId})`,
    'kafka-password': 'its password',
  };
}

/** Where the rule engine sends to the cloud, for {@link cloudSinkSections}. */
export interface CloudSinkEndpoints {
  /** Cloud EMQX TLS listener, `mqtts://<host>:8883`. */
  readonly mqttServer: string;
  /** Cloud Kafka external SASL_SSL bootstrap, `host:9094`. */
  readonly kafkaBootstrap: string;
}

/**
 * The non-secret `sinks.<type>.cloud` sections of `engine.yaml`: addresses, TLS file paths (the mounted Secret) and
 * the SASL mechanism. The SASL user and password come from the environment (`KAFKA_SINK__CLOUD__SASLUSERNAME`,
 * `KAFKA_SINK__CLOUD__SASLPASSWORD`, from the Secret). Setting `server` here also keeps a cloud sink from inheriting
 * the local broker's credentials (`sources.mqtt.default`).
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/mqtt.html
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/plugin/kafka.html
 */
export function cloudSinkSections(endpoints: CloudSinkEndpoints, dir: string = RULE_ENGINE_CLOUD_DIR): Record<string, Record<string, Record<string, unknown>>> {
  return {
    mqtt: {
      [CLOUD_SINK_RESOURCE_ID]: {
        server: endpoints.mqttServer,
        certificationPath: `${dir}/tls.crt`,
        privateKeyPath: `${dir}/tls.key`,
        rootCaPath: `${dir}/ca.crt`,
      },
    },
    kafka: {
      [CLOUD_SINK_RESOURCE_ID]: {
        brokers: endpoints.kafkaBootstrap,
        tlsEnable: true,
        saslAuthType: 'scram_sha_512',
        rootCaPath: `${dir}/ca.crt`,
      },
    },
  };
}
