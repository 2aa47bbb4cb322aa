import * as pulumi from '@pulumi/pulumi';
import { z } from 'zod';
import { ConfigKeySpec } from './config-reader';

/** Minimum password length accepted from stack config (characters). */
export const MIN_PASSWORD_LENGTH = 12;

/** Minimum length of tokens and the Erlang node cookie (characters). */
export const MIN_TOKEN_LENGTH = 32;

/** Mosquitto user the rule engine connects as; its password is written to the Secret `rule-engine-mqtt`. */
export const RULE_ENGINE_MQTT_USER = 'rule-engine';

/** User names for MQTT, Kafka SASL and HTTP basic auth: no `:` (the separator of passwd/htpasswd lines), no spaces. */
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

const password = z
  .string({ error: 'expected a string password' })
  .min(MIN_PASSWORD_LENGTH, { error: `passwords must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .refine((p) => !/[\r\n]/.test(p), { error: 'passwords must not contain a line break' });

const token = (what: string) => z.string({ error: `expected a string ${what}` }).min(MIN_TOKEN_LENGTH, { error: `the ${what} must be at least ${MIN_TOKEN_LENGTH} characters` });

const pem = (label: RegExp, what: string) => z.string({ error: `expected a PEM ${what}` }).regex(label, { error: `expected a PEM ${what} (-----BEGIN ...-----)` });
const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/;
const PRIVATE_KEY = /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----[\s\S]+-----END ([A-Z]+ )?PRIVATE KEY-----/;

/** `{ "<username>": "<password>", ... }` with at least one user. */
const userPasswords = z
  .record(z.string().regex(USERNAME, { error: 'user names are 1-64 characters of A-Z a-z 0-9 . _ @ - (no ":")' }), password, {
    error: 'expected an object {"<username>": "<password>"}',
  })
  .refine((users) => Object.keys(users).length > 0, { error: 'expected at least one user' });

/** Users and their plaintext passwords, `{ "<username>": "<password>" }`. */
export type UserPasswords = Readonly<Record<string, string>>;

/** One account. */
export interface UsernamePassword {
  readonly username: string;
  readonly password: string;
}

/** EMQX secrets of the cloud site. */
export interface EmqxCredentials {
  /** Password of the dashboard user `admin`. */
  readonly dashboardPassword: string;
  /** Erlang node cookie shared by the EMQX nodes (at least 32 characters). */
  readonly nodeCookie: string;
}

/** Client certificate of an edge Mosquitto bridge to the cloud EMQX, PEM. */
export interface BridgeTls {
  /** Client certificate, signed by the CA of the cloud `mqtt-client-ca`. */
  readonly tlsCrt: string;
  /** Its private key. */
  readonly tlsKey: string;
  /** CA certificate that signed the cloud EMQX server certificate. */
  readonly caCrt: string;
}

/** The rule engine's credentials for the cloud sinks (Secret `rule-engine-cloud`), PEM and SCRAM. */
export interface RuleEngineCloudCredentials {
  /** MQTT client certificate for the cloud EMQX (8883), signed by the CA of the cloud `mqtt-client-ca`. */
  readonly tlsCrt: string;
  /** Its private key. */
  readonly tlsKey: string;
  /** CA certificate that signed the cloud EMQX and Kafka server certificates. */
  readonly caCrt: string;
  /** SCRAM-SHA-512 user of the rule engine on the cloud Kafka. */
  readonly kafkaUsername: string;
  /** Its password. */
  readonly kafkaPassword: string;
}

/**
 * Every credential a site may need, read from secret stack config as secret Outputs. Only the sets the site's
 * Secrets need are present (see `credentialsNeeded` in `site-secrets.ts`).
 */
export interface SiteCredentials {
  /** Edge: Mosquitto users (devices and `rule-engine`), hashed into the Secret `mosquitto-passwd`. */
  readonly mosquittoUsers?: pulumi.Output<UserPasswords>;
  /** Edge: bearer token of the rule engine REST API (port 9081). */
  readonly ruleEngineRestToken?: pulumi.Output<string>;
  /** Edge gateways with a bridge: the bridge's client certificate. */
  readonly mosquittoBridgeTls?: pulumi.Output<BridgeTls>;
  /** Edge sites with a rule engine: its cloud EMQX client certificate, the cloud CA and its cloud Kafka user. */
  readonly ruleEngineCloud?: pulumi.Output<RuleEngineCloudCredentials>;
  /** Edge data centers: SCRAM-SHA-512 user of MirrorMaker 2 on the cloud Kafka. */
  readonly mirrorMakerCloudUser?: pulumi.Output<UsernamePassword>;
  /** Cloud: password of the PKCS12 keystore of the Kafka external listener. */
  readonly kafkaKeystorePassword?: pulumi.Output<string>;
  /** Cloud: EMQX dashboard password and node cookie. */
  readonly emqx?: pulumi.Output<EmqxCredentials>;
  /** Cloud: PEM certificate of the CA that signs the edge bridges' client certificates. */
  readonly mqttClientCa?: pulumi.Output<string>;
  /** Cloud: basic-auth users of the dashboard Ingress, hashed into the htpasswd key `auth`. */
  readonly basicAuthUsers?: pulumi.Output<UserPasswords>;
}

/** Name of one credential set: a key of {@link SiteCredentials} and its config key `edgestack:<name>`. */
export type CredentialName = keyof SiteCredentials;

/** How one credential set is read: its key, description and the shape of its decrypted value. */
export interface CredentialSpec extends ConfigKeySpec {
  readonly key: CredentialName;
  /** `object`: JSON, set with `pulumi config set --secret --path 'edgestack:<key>.<field>' <value>`; `string`: plain. */
  readonly form: 'object' | 'string';
  /** Shape of the decrypted value. */
  readonly schema: z.ZodType<unknown>;
}

/** The credential sets, in the order they are read and reported. */
export const CREDENTIAL_SPECS: readonly CredentialSpec[] = [
  {
    key: 'mosquittoUsers',
    form: 'object',
    description: `Mosquitto users {"<username>": "<password>"}, including "${RULE_ENGINE_MQTT_USER}" when the site runs the rule engine`,
    schema: userPasswords,
  },
  { key: 'ruleEngineRestToken', form: 'string', description: 'bearer token of the rule engine REST API', schema: token('token') },
  {
    key: 'mosquittoBridgeTls',
    form: 'object',
    description: 'bridge client certificate {"tlsCrt": PEM, "tlsKey": PEM, "caCrt": PEM}',
    schema: z.object(
      { tlsCrt: pem(CERTIFICATE, 'certificate'), tlsKey: pem(PRIVATE_KEY, 'private key'), caCrt: pem(CERTIFICATE, 'certificate') },
      { error: 'expected an object {"tlsCrt": ..., "tlsKey": ..., "caCrt": ...}' },
    ),
  },
  {
    key: 'ruleEngineCloud',
    form: 'object',
    description: 'rule engine cloud credentials {"tlsCrt": PEM, "tlsKey": PEM, "caCrt": PEM, "kafkaUsername": "...", "kafkaPassword": "..."}',
    schema: z.object(
      {
        tlsCrt: pem(CERTIFICATE, 'certificate'),
        tlsKey: pem(PRIVATE_KEY, 'private key'),
        caCrt: pem(CERTIFICATE, 'certificate'),
        kafkaUsername: z.string().regex(USERNAME, { error: 'kafkaUsername is 1-64 characters of A-Z a-z 0-9 . _ @ -' }),
        kafkaPassword: password,
      },
      { error: 'expected an object {"tlsCrt": ..., "tlsKey": ..., "caCrt": ..., "kafkaUsername": "...", "kafkaPassword": "..."}' },
    ),
  },
  {
    key: 'mirrorMakerCloudUser',
    form: 'object',
    description: 'SCRAM user of MirrorMaker 2 on the cloud Kafka {"username": "...", "password": "..."}',
    schema: z.object(
      { username: z.string().regex(USERNAME, { error: 'username is 1-64 characters of A-Z a-z 0-9 . _ @ -' }), password },
      { error: 'expected an object {"username": "...", "password": "..."}' },
    ),
  },
  { key: 'kafkaKeystorePassword', form: 'string', description: 'password of the Kafka external listener keystore', schema: password },
  {
    key: 'emqx',
    form: 'object',
    description: 'EMQX secrets {"dashboardPassword": "...", "nodeCookie": "..."}',
    schema: z.object(
      { dashboardPassword: password, nodeCookie: token('node cookie') },
      { error: 'expected an object {"dashboardPassword": "...", "nodeCookie": "..."}' },
    ),
  },
  { key: 'mqttClientCa', form: 'string', description: 'PEM CA certificate of the edge bridge client certificates', schema: pem(CERTIFICATE, 'certificate') },
  { key: 'basicAuthUsers', form: 'object', description: 'dashboard basic-auth users {"<username>": "<password>"}', schema: userPasswords },
];

/** Adds the rule engine's own account to the `mosquittoUsers` shape, for sites that run the rule engine. */
export function withRuleEngineUser(schema: z.ZodType<unknown>): z.ZodType<unknown> {
  return schema.refine((users) => Object.prototype.hasOwnProperty.call(users, RULE_ENGINE_MQTT_USER), {
    error: `expected a user "${RULE_ENGINE_MQTT_USER}" (the rule engine's account, also written to the Secret rule-engine-mqtt)`,
  });
}
