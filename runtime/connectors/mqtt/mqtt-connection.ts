import type { IClientOptions } from 'mqtt';
import { z } from 'zod';
import { readPem } from '../read-pem';
import { ConnectorConfigError } from '../spec';

/**
 * Connection properties shared by the MQTT source and sink, named as eKuiper's `mqtt_source.yaml`.
 * `servers` (a list, eKuiper < 1.5) and `server` are both accepted; the first entry of `servers` is used.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sources/builtin/mqtt.html
 */
export const mqttConnectionFields = {
  server: z.string().optional().describe('Broker URL, e.g. tcp://127.0.0.1:1883 (tcp, ssl, mqtt, mqtts, ws, wss)'),
  servers: z.array(z.string()).optional().describe('Broker URLs (eKuiper < 1.5 form); the first is used'),
  username: z.string().optional().describe('User name for broker authentication'),
  password: z.string().optional().describe('Password for broker authentication (never logged)'),
  clientid: z.string().optional().describe('Client id; @default a random id'),
  protocolVersion: z.enum(['3.1', '3.1.1', '5']).default('3.1.1').describe('MQTT protocol version'),
  certificationPath: z.string().optional().describe('Client certificate file (PEM) for mutual TLS'),
  privateKeyPath: z.string().optional().describe('Client private key file (PEM) for mutual TLS'),
  rootCaPath: z.string().optional().describe('CA certificate file (PEM) used to verify the broker'),
  insecureSkipVerify: z.boolean().default(false).describe('Skip verification of the broker certificate'),
  keepAliveSec: z.number().int().min(0).default(60).describe('Keep-alive interval, in seconds'),
  connectTimeoutMs: z.number().int().positive().default(5000).describe('Time to wait for the first connection before continuing in the background, in ms'),
  reconnectMinMs: z.number().int().positive().default(500).describe('First reconnect delay, in ms; doubles per failed attempt'),
  reconnectMaxMs: z.number().int().positive().default(30000).describe('Longest reconnect delay, in ms'),
};

/** Parsed connection properties. */
export type MqttConnectionProps = z.output<z.ZodObject<typeof mqttConnectionFields>>;

const VERSIONS = { '3.1': 3, '3.1.1': 4, '5': 5 } as const;

/** The broker URL of `props`. @throws ConnectorConfigError when neither server nor servers is set. */
export function brokerUrl(props: MqttConnectionProps, where: string): string {
  const url = props.server ?? props.servers?.[0];
  if (!url) {
    throw new ConnectorConfigError(
      `${where}: no MQTT server; set "server" in the action, or MQTT_SOURCE__DEFAULT__SERVERS / sources.mqtt.default.server in the config`,
    );
  }
  return url;
}

/**
 * Builds mqtt.js client options: credentials, TLS files, protocol version and keep-alive.
 * @throws ConnectorConfigError when a TLS file cannot be read.
 */
export function toClientOptions(props: MqttConnectionProps, where: string): IClientOptions {
  return {
    clientId: props.clientid ?? `edgestack_${Math.random().toString(16).slice(2, 10)}`,
    protocolVersion: VERSIONS[props.protocolVersion],
    keepalive: props.keepAliveSec,
    connectTimeout: props.connectTimeoutMs,
    reconnectPeriod: props.reconnectMinMs,
    clean: true,
    ...(props.username !== undefined ? { username: props.username } : {}),
    ...(props.password !== undefined ? { password: props.password } : {}),
    ...(props.rootCaPath ? { ca: readPem(props.rootCaPath, 'rootCaPath', where) } : {}),
    ...(props.certificationPath ? { cert: readPem(props.certificationPath, 'certificationPath', where) } : {}),
    ...(props.privateKeyPath ? { key: readPem(props.privateKeyPath, 'privateKeyPath', where) } : {}),
    rejectUnauthorized: !props.insecureSkipVerify,
  };
}
