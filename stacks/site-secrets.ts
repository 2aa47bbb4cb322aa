import * as pulumi from '@pulumi/pulumi';
import { Fleet, SecretRequirement, requiredSecrets } from '../lib';
import { SecretManifest } from './chart-deployment';
import { CredentialName, RULE_ENGINE_MQTT_USER, SiteCredentials } from './credentials';
import { htpasswdFile } from './htpasswd';
import { mosquittoPasswordFile } from './mosquitto-password-file';

/** How the keys of one required Secret are filled from the stack's credentials. */
interface SecretSource {
  /** Keys of the Secret `build` fills. */
  readonly keys: readonly string[];
  /** Credential sets the Secret is built from. */
  readonly credentials: readonly CredentialName[];
  /** The Secret's `stringData`; `stackName` scopes the deterministic salts. */
  build(credentials: SiteCredentials, stackName: string): pulumi.Output<Record<string, string>>;
}

/** A credential set that `loadStackConfig` read because {@link credentialsNeeded} listed it. */
function need<K extends CredentialName>(credentials: SiteCredentials, key: K): NonNullable<SiteCredentials[K]> {
  const value = credentials[key];
  if (value === undefined) throw new Error(`Credential set ${key} was not loaded; loadStackConfig reads every set credentialsNeeded() lists`);
  return value as NonNullable<SiteCredentials[K]>;
}

/** Sources by Secret name (the names `requiredSecrets` returns, see lib/charts/required-secrets.ts). */
const SOURCES: Readonly<Record<string, SecretSource>> = {
  'mosquitto-passwd': {
    keys: ['passwd'],
    credentials: ['mosquittoUsers'],
    build: (c, stack) => need(c, 'mosquittoUsers').apply((users): Record<string, string> => ({ passwd: mosquittoPasswordFile(users, stack) })),
  },
  'rule-engine-mqtt': {
    keys: ['username', 'password'],
    credentials: ['mosquittoUsers'],
    build: (c) => need(c, 'mosquittoUsers').apply((users): Record<string, string> => ({ username: RULE_ENGINE_MQTT_USER, password: users[RULE_ENGINE_MQTT_USER] })),
  },
  'rule-engine-rest-token': {
    keys: ['token'],
    credentials: ['ruleEngineRestToken'],
    build: (c) => need(c, 'ruleEngineRestToken').apply((token): Record<string, string> => ({ token })),
  },
  'mosquitto-bridge-tls': {
    keys: ['tls.crt', 'tls.key', 'ca.crt'],
    credentials: ['mosquittoBridgeTls'],
    build: (c) => need(c, 'mosquittoBridgeTls').apply((tls): Record<string, string> => ({ 'tls.crt': tls.tlsCrt, 'tls.key': tls.tlsKey, 'ca.crt': tls.caCrt })),
  },
  'rule-engine-cloud': {
    keys: ['tls.crt', 'tls.key', 'ca.crt', 'kafka-username', 'kafka-password'],
    credentials: ['ruleEngineCloud'],
    build: (c) => need(c, 'ruleEngineCloud').apply((cloud): Record<string, string> => ({
      'tls.crt': cloud.tlsCrt, 'tls.key': cloud.tlsKey, 'ca.crt': cloud.caCrt, 'kafka-username': cloud.kafkaUsername, 'kafka-password': cloud.kafkaPassword,
    })),
  },
  'mirror-maker-cloud': {
    keys: ['username', 'password'],
    credentials: ['mirrorMakerCloudUser'],
    build: (c) => need(c, 'mirrorMakerCloudUser').apply((user): Record<string, string> => ({ username: user.username, password: user.password })),
  },
  'kafka-keystore-password': {
    keys: ['password'],
    credentials: ['kafkaKeystorePassword'],
    build: (c) => need(c, 'kafkaKeystorePassword').apply((password): Record<string, string> => ({ password })),
  },
  'emqx-secrets': {
    keys: ['password', 'cookie'],
    credentials: ['emqx'],
    build: (c) => need(c, 'emqx').apply((emqx): Record<string, string> => ({ password: emqx.dashboardPassword, cookie: emqx.nodeCookie })),
  },
  'mqtt-client-ca': {
    keys: ['ca.crt'],
    credentials: ['mqttClientCa'],
    build: (c) => need(c, 'mqttClientCa').apply((ca): Record<string, string> => ({ 'ca.crt': ca })),
  },
  'sysop-basic-auth': {
    keys: ['auth'],
    credentials: ['basicAuthUsers'],
    build: (c, stack) => need(c, 'basicAuthUsers').apply((users): Record<string, string> => ({ auth: htpasswdFile(users, stack) })),
  },
};

function sourceOf(requirement: SecretRequirement): SecretSource {
  const source = SOURCES[requirement.name];
  if (!source) {
    throw new Error(
      `The manifests require Secret ${requirement.namespace}/${requirement.name} (keys ${Object.keys(requirement.keys).join(', ')}), ` +
        'which the stack program cannot fill: add a source for it to stacks/site-secrets.ts',
    );
  }
  const required = Object.keys(requirement.keys).sort().join(', ');
  const filled = [...source.keys].sort().join(', ');
  if (required !== filled) {
    throw new Error(`Secret ${requirement.namespace}/${requirement.name} needs keys ${required} but stacks/site-secrets.ts fills ${filled}`);
  }
  return source;
}

/**
 * The credential sets one site's Secrets are built from, in the order of `requiredSecrets`.
 * @throws Error when the site or environment is unknown, or a required Secret has no source in this file or
 *   its source fills other keys than the manifests read
 */
export function credentialsNeeded(fleet: Fleet, env: string, siteId: string): CredentialName[] {
  const names = requiredSecrets(fleet, env, siteId).flatMap((r) => sourceOf(r).credentials);
  return [...new Set(names)];
}

/**
 * One {@link SecretManifest} per required Secret of the site, its `stringData` built from the credentials and
 * kept secret. Password files are hashed here (Mosquitto `$7$`, htpasswd `$6$`), so only hashes reach the pods
 * that need no plaintext.
 *
 * @param requirements - `requiredSecrets(fleet, env, siteId)`
 * @param credentials - from `loadStackConfig`
 * @param stackName - the stack (salt scope of the password files)
 * @throws Error when a Secret has no source, or its source does not fill exactly the required keys
 */
export function siteSecretManifests(requirements: readonly SecretRequirement[], credentials: SiteCredentials, stackName: string): SecretManifest[] {
  return requirements.map((requirement) => ({
    namespace: requirement.namespace,
    name: requirement.name,
    stringData: pulumi.secret(sourceOf(requirement).build(credentials, stackName)) as pulumi.Output<Record<string, string>>,
  }));
}
