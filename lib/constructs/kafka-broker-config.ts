import { createHash } from 'node:crypto';

/** Kafka metadata mode. @see https://kafka.apache.org/documentation/#kraft */
export enum KafkaMode {
  /** Brokers registered in a ZooKeeper ensemble (cloud). */
  ZOOKEEPER = 'zookeeper',
  /** Single combined broker+controller node in KRaft mode (edge data center), no ZooKeeper. */
  KRAFT = 'kraft',
}

/** In-cluster PLAINTEXT listener port (inter-broker and in-namespace clients). */
export const KAFKA_INTERNAL_PORT = 9092;
/** KRaft controller listener port. */
export const KAFKA_CONTROLLER_PORT = 9093;
/** External SASL_SSL (SCRAM-SHA-512) listener port. */
export const KAFKA_EXTERNAL_PORT = 9094;
/** Where the external listener's PKCS12 keystore (cert-manager Secret) is mounted. */
export const KAFKA_KEYSTORE_DIR = '/etc/kafka/secrets/tls';
/** Where the keystore password Secret is mounted (one file per key, read by DirectoryConfigProvider). */
export const KAFKA_KEYSTORE_PASSWORD_DIR = '/etc/kafka/secrets/keystore-password';

/** Inputs of {@link kafkaBrokerConfig}. */
export interface KafkaBrokerConfigInput {
  readonly mode: KafkaMode;
  readonly replicas: number;
  readonly minInsyncReplicas: number;
  /** Headless Service FQDN suffix, e.g. `kafka-headless.data.svc.cluster.local`. */
  readonly headlessDomain: string;
  /** ZooKeeper connect string (zookeeper mode). */
  readonly zookeeperConnect?: string;
  /** KRaft cluster id (22 characters, base64url). */
  readonly clusterId?: string;
  /** Enables the external SASL_SSL listener. */
  readonly external: boolean;
  /** Allow producers to create topics on first use. */
  readonly autoCreateTopics: boolean;
}

/**
 * The broker settings shared by every pod, as cp-kafka environment variables (`KAFKA_FOO_BAR` = `foo.bar`,
 * `___` = `-`). Per-pod values (broker id, advertised listeners, rack) are set in the pod itself.
 * Replication factors follow the replica count (1 at the edge).
 * @see https://docs.confluent.io/platform/7.6/installation/docker/config-reference.html
 * @see https://kafka.apache.org/documentation/#brokerconfigs
 */
export function kafkaBrokerConfig(input: KafkaBrokerConfigInput): Record<string, string> {
  const rf = String(Math.min(3, input.replicas));
  const listeners = [`INTERNAL://0.0.0.0:${KAFKA_INTERNAL_PORT}`];
  const protocols = ['INTERNAL:PLAINTEXT'];
  if (input.mode === KafkaMode.KRAFT) {
    listeners.push(`CONTROLLER://0.0.0.0:${KAFKA_CONTROLLER_PORT}`);
    protocols.push('CONTROLLER:PLAINTEXT');
  }
  if (input.external) {
    listeners.push(`EXTERNAL://0.0.0.0:${KAFKA_EXTERNAL_PORT}`);
    protocols.push('EXTERNAL:SASL_SSL');
  }
  const config: Record<string, string> = {
    KAFKA_LISTENERS: listeners.join(','),
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: protocols.join(','),
    KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
    KAFKA_LOG_DIRS: '/var/lib/kafka/data/logs',
    KAFKA_MIN_INSYNC_REPLICAS: String(input.minInsyncReplicas),
    KAFKA_DEFAULT_REPLICATION_FACTOR: rf,
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: rf,
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: rf,
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: String(Math.min(input.minInsyncReplicas, Number(rf))),
    KAFKA_AUTO_CREATE_TOPICS_ENABLE: String(input.autoCreateTopics),
    KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: 'false',
    KAFKA_REPLICA_SELECTOR_CLASS: 'org.apache.kafka.common.replica.RackAwareReplicaSelector',
  };
  if (input.mode === KafkaMode.ZOOKEEPER) {
    config.KAFKA_ZOOKEEPER_CONNECT = input.zookeeperConnect ?? '';
  } else {
    const voters = Array.from({ length: input.replicas }, (_, i) => `${i}@kafka-${i}.${input.headlessDomain}:${KAFKA_CONTROLLER_PORT}`);
    config.KAFKA_PROCESS_ROLES = 'broker,controller';
    config.KAFKA_CONTROLLER_LISTENER_NAMES = 'CONTROLLER';
    config.KAFKA_CONTROLLER_QUORUM_VOTERS = voters.join(',');
    config.CLUSTER_ID = input.clusterId ?? '';
  }
  if (input.external) {
    Object.assign(config, {
      KAFKA_SASL_ENABLED_MECHANISMS: 'SCRAM-SHA-512',
      KAFKA_LISTENER_NAME_EXTERNAL_SASL_ENABLED_MECHANISMS: 'SCRAM-SHA-512',
      KAFKA_LISTENER_NAME_EXTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG: 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
      KAFKA_CONFIG_PROVIDERS: 'dir',
      KAFKA_CONFIG_PROVIDERS_DIR_CLASS: 'org.apache.kafka.common.config.provider.DirectoryConfigProvider',
      KAFKA_LISTENER_NAME_EXTERNAL_SSL_KEYSTORE_TYPE: 'PKCS12',
      KAFKA_LISTENER_NAME_EXTERNAL_SSL_KEYSTORE_LOCATION: `${KAFKA_KEYSTORE_DIR}/keystore.p12`,
      KAFKA_LISTENER_NAME_EXTERNAL_SSL_KEYSTORE_PASSWORD: `\${dir:${KAFKA_KEYSTORE_PASSWORD_DIR}:password}`,
    });
  }
  return config;
}

/**
 * A deterministic KRaft cluster id (22 characters of base64url, as `kafka-storage random-uuid` prints) derived
 * from a seed such as the chart id, so re-synthesis never changes it.
 */
export function kraftClusterId(seed: string): string {
  return createHash('sha256').update(`kraft:${seed}`).digest().subarray(0, 16).toString('base64url');
}
