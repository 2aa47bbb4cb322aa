import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { logLevel } from 'kafkajs';
import { z } from 'zod';
import { readPem } from '../read-pem';
import { ConnectorConfigError } from '../spec';

/**
 * Connection properties shared by the Kafka source and sink, named as eKuiper's Kafka connector.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/plugin/kafka.html
 */
export const kafkaConnectionFields = {
  brokers: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .describe('Bootstrap brokers: "host:9092,host2:9092" or a list'),
  saslAuthType: z.enum(['none', 'plain', 'scram_sha_256', 'scram_sha_512']).default('none').describe('SASL mechanism'),
  saslUserName: z.string().optional().describe('SASL user name'),
  saslPassword: z.string().optional().describe('SASL password (never logged)'),
  tlsEnable: z.boolean().default(false).describe('Connect with TLS (implied by any certificate path)'),
  certificationPath: z.string().optional().describe('Client certificate file (PEM)'),
  privateKeyPath: z.string().optional().describe('Client private key file (PEM)'),
  rootCaPath: z.string().optional().describe('CA certificate file (PEM)'),
  insecureSkipVerify: z.boolean().default(false).describe('Skip verification of the broker certificate'),
  connectionTimeoutMs: z.number().int().positive().default(3000).describe('Connection timeout, in ms'),
  retryInitialMs: z.number().int().positive().default(300).describe('First retry delay, in ms (kafkajs doubles it per retry)'),
  retries: z.number().int().min(0).default(10).describe('Retries of a failed connection or request'),
};

/** Parsed Kafka connection properties. */
export type KafkaConnectionProps = z.output<z.ZodObject<typeof kafkaConnectionFields>>;

function sasl(props: KafkaConnectionProps, where: string): SASLOptions | undefined {
  if (props.saslAuthType === 'none') return undefined;
  if (!props.saslUserName || props.saslPassword === undefined) {
    throw new ConnectorConfigError(`${where}: saslAuthType "${props.saslAuthType}" needs saslUserName and saslPassword; set both or use saslAuthType "none"`);
  }
  const mechanism = ({ plain: 'plain', scram_sha_256: 'scram-sha-256', scram_sha_512: 'scram-sha-512' } as const)[props.saslAuthType];
  return { mechanism, username: props.saslUserName, password: props.saslPassword } as SASLOptions;
}

/**
 * Maps connector properties to kafkajs client options.
 * @throws ConnectorConfigError on SASL without credentials or an unreadable certificate file.
 */
export function toKafkaConfig(props: KafkaConnectionProps, clientId: string, where: string): KafkaConfig {
  const brokers = (Array.isArray(props.brokers) ? props.brokers : props.brokers.split(',')).map((b) => b.trim()).filter((b) => b);
  const tls = props.tlsEnable || Boolean(props.rootCaPath || props.certificationPath || props.privateKeyPath);
  const mechanism = sasl(props, where);
  return {
    clientId,
    brokers,
    connectionTimeout: props.connectionTimeoutMs,
    retry: { initialRetryTime: props.retryInitialMs, retries: props.retries },
    logLevel: logLevel.WARN,
    ...(tls
      ? {
          ssl: {
            rejectUnauthorized: !props.insecureSkipVerify,
            ...(props.rootCaPath ? { ca: [readPem(props.rootCaPath, 'rootCaPath', where) as Buffer] } : {}),
            ...(props.certificationPath ? { cert: readPem(props.certificationPath, 'certificationPath', where) } : {}),
            ...(props.privateKeyPath ? { key: readPem(props.privateKeyPath, 'privateKeyPath', where) } : {}),
          },
        }
      : {}),
    ...(mechanism ? { sasl: mechanism } : {}),
  };
}
