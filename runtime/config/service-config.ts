import { z } from 'zod';

/** Properties of one connector section (`sources.mqtt.default`), validated later by the connector's spec. */
const section = z.record(z.string(), z.unknown());
/** Sections by connector type, then by key: `{ mqtt: { default: {...}, cloud: {...} } }`. */
const sections = z.record(z.string(), z.record(z.string(), section));

/**
 * The service configuration: YAML (`EDGESTACK_CONFIG`) overlaid by environment variables. Unknown keys are errors.
 * Units are in the names (`Bytes`, `Ms`).
 *
 * ```yaml
 * rest: { bind: 127.0.0.1, port: 9081, tokenFile: /run/secrets/edgestack-token, bodyLimitBytes: 1048576 }
 * dataDir: /var/lib/edgestack
 * definitionsFile: /etc/edgestack/definitions.json
 * source: { maxPayloadBytes: 1048576 }
 * sources: { mqtt: { default: { server: tcp://mosquitto:1883, qos: 1 } }, kafka: { default: { brokers: kafka:9092 } } }
 * sinks: { mqtt: { cloud: { server: tcp://emqx.cloud:1883 } } }
 * embeddedBroker: { enabled: auto, port: 1883 }
 * log: { level: info }
 * ```
 * @see https://ekuiper.org/docs/en/latest/configuration/global_configurations.html
 */
export const serviceConfigSchema = z
  .strictObject({
    rest: z
      .strictObject({
        bind: z.string().min(1).default('127.0.0.1').describe('Address the REST API listens on; anything but loopback requires tokenFile'),
        port: z.number().int().min(0).max(65535).default(9081).describe('REST API port (0 picks a free port)'),
        tokenFile: z.string().min(1).optional().describe('File holding the bearer token required on every request'),
        bodyLimitBytes: z.number().int().positive().default(1048576).describe('Largest accepted request body, in bytes'),
      })
      .prefault({}),
    dataDir: z.string().min(1).default('./data').describe('Directory of the SQLite store'),
    definitionsFile: z.string().min(1).optional().describe('Definitions JSON loaded at start (rules as code)'),
    source: z
      .strictObject({
        maxPayloadBytes: z.number().int().positive().default(1048576).describe('Largest accepted source message, in bytes'),
      })
      .prefault({}),
    sources: sections.default({}).describe('Source connection sections by type and CONF_KEY'),
    sinks: sections.default({}).describe('Sink connection sections by type and resourceId'),
    embeddedBroker: z
      .strictObject({
        enabled: z.enum(['auto', 'always', 'never']).default('auto').describe('auto: start aedes when no MQTT server is configured'),
        host: z.string().default('127.0.0.1').describe('Address the embedded broker listens on'),
        port: z.number().int().min(0).max(65535).default(1883).describe('Port of the embedded broker'),
      })
      .prefault({}),
    log: z
      .strictObject({
        level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info').describe('Log level'),
      })
      .prefault({}),
  })
  .prefault({});

/** The validated service configuration. */
export type ServiceConfig = z.output<typeof serviceConfigSchema>;
