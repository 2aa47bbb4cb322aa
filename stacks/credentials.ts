import * as pulumi from '@pulumi/pulumi';
import { z } from 'zod';
import { ConfigKeySpec } from './config-reader';

/** Minimum password length accepted from stack config (characters). */
export const MIN_PASSWORD_LENGTH = 12;

/** Minimum length of the rule engine REST bearer token (characters). */
export const MIN_TOKEN_LENGTH = 32;

/** User names for MQTT, Kafka SASL and HTTP basic auth: no `:` (the separator of passwd/htpasswd lines), no spaces. */
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

const password = z
  .string({ error: 'expected a string password' })
  .min(MIN_PASSWORD_LENGTH, { error: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .refine((p) => !/[\r\n]/.test(p), { error: 'password must not contain a line break' });

/** `{ "<username>": "<password>", ... }` with at least one user. */
const userPasswords = z
  .record(z.string().regex(USERNAME, { error: 'user names are 1-64 characters of A-Z a-z 0-9 . _ @ - (no ":")' }), password, {
    error: 'expected an object {"<username>": "<password>"}',
  })
  .refine((users) => Object.keys(users).length > 0, { error: 'expected at least one user' });

/** `{ "username": "...", "password": "..." }`. */
const usernamePassword = z.object(
  { username: z.string().regex(USERNAME, { error: 'username is 1-64 characters of A-Z a-z 0-9 . _ @ -' }), password },
  { error: 'expected an object {"username": "...", "password": "..."}' },
);

/** Users and their plaintext passwords, `{ "<username>": "<password>" }`. */
export type UserPasswords = Readonly<Record<string, string>>;

/** One account. */
export interface UsernamePassword {
  readonly username: string;
  readonly password: string;
}

/**
 * Every credential a site may need, read from secret stack config. Only the sets the site's manifests
 * reference are present (see {@link credentialsNeeded}).
 */
export interface SiteCredentials {
  /** Mosquitto users (devices, the rule engine), hashed into the broker's password file. */
  readonly mosquittoUsers?: pulumi.Output<UserPasswords>;
  /** EMQX dashboard / REST API administrator of the cloud site. */
  readonly emqxDashboard?: pulumi.Output<UsernamePassword>;
  /** Kafka SASL/SCRAM users (MirrorMaker 2, clients), `{ "<username>": "<password>" }`. */
  readonly kafkaUsers?: pulumi.Output<UserPasswords>;
  /** Bearer token of the rule engine REST API (port 9081). */
  readonly ruleEngineRestToken?: pulumi.Output<string>;
  /** HTTP basic-auth users of the dashboard Ingresses, hashed into an htpasswd `auth` key. */
  readonly basicAuthUsers?: pulumi.Output<UserPasswords>;
}

/** Name of one credential set: a key of {@link SiteCredentials} and its config key `edgestack:<name>`. */
export type CredentialName = keyof SiteCredentials;

/** How one credential set is read: its key spec, its shape, and the example shown in the stack files. */
export interface CredentialSpec extends ConfigKeySpec {
  readonly key: CredentialName;
  /** Shape of the decrypted value. */
  readonly schema: z.ZodType<unknown>;
  /** `object` sets take JSON (`pulumi config set --secret --path 'edgestack:mosquittoUsers.alice' ...`). */
  readonly form: 'object' | 'string';
}

/** The credential sets, in the order they are read and reported. */
export const CREDENTIAL_SPECS: readonly CredentialSpec[] = [
  { key: 'mosquittoUsers', form: 'object', schema: userPasswords, description: 'Mosquitto users, {"<username>": "<password>"}' },
  { key: 'emqxDashboard', form: 'object', schema: usernamePassword, description: 'EMQX dashboard administrator, {"username": "...", "password": "..."}' },
  { key: 'kafkaUsers', form: 'object', schema: userPasswords, description: 'Kafka SASL/SCRAM users, {"<username>": "<password>"}' },
  {
    key: 'ruleEngineRestToken',
    form: 'string',
    schema: z.string().min(MIN_TOKEN_LENGTH, { error: `the token must be at least ${MIN_TOKEN_LENGTH} characters` }),
    description: 'bearer token of the rule engine REST API',
  },
  { key: 'basicAuthUsers', form: 'object', schema: userPasswords, description: 'dashboard basic-auth users, {"<username>": "<password>"}' },
];

/** The spec of one credential set. */
export function credentialSpec(name: CredentialName): CredentialSpec {
  return CREDENTIAL_SPECS.find((spec) => spec.key === name) as CredentialSpec;
}
