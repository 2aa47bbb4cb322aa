import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXAMPLE_FLEET } from '../../lib';
import { CredentialName, RULE_ENGINE_MQTT_USER } from '../../stacks/credentials';
import { credentialsNeeded } from '../../stacks/site-secrets';

/** Project root (where Pulumi.yaml is). */
export const ROOT = join(__dirname, '..', '..');

/** Folder of the stack settings files (`stackConfigDir` of Pulumi.yaml). */
export const STACK_DIR = join(ROOT, 'stacks', 'config');

/** Stack names that have a settings file, sorted. */
export function stackNames(): string[] {
  return readdirSync(STACK_DIR)
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/**
 * A stack file's `config:` as the Pulumi CLI hands it to the program: full keys to strings, with structured
 * values (lists, objects) as JSON.
 */
export function stackFileConfig(stack: string): Record<string, string> {
  const doc = parse(readFileSync(join(STACK_DIR, `Pulumi.${stack}.yaml`), 'utf8')) as { config?: Record<string, unknown> };
  return Object.fromEntries(
    Object.entries(doc.config ?? {}).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
}

/** The raw text of a stack file. */
export function stackFileText(stack: string): string {
  return readFileSync(join(STACK_DIR, `Pulumi.${stack}.yaml`), 'utf8');
}

function fakePem(kind: 'CERTIFICATE' | 'PRIVATE KEY', marker: string): string {
  return `-----BEGIN ${kind}-----\n${Buffer.from(marker).toString('base64')}\n-----END ${kind}-----\n`;
}

/** Plain test values (as the CLI passes decrypted secrets) for one credential set, unique to the stack. */
function testValue(stack: string, name: CredentialName): unknown {
  const pw = (what: string) => `pw-${stack}-${what}-0123456789`;
  switch (name) {
    case 'mosquittoUsers':
      return { [RULE_ENGINE_MQTT_USER]: pw('rule-engine'), 'sensor-01': pw('sensor-01') };
    case 'ruleEngineRestToken':
      return `token-${stack}-0123456789abcdef0123456789abcdef`;
    case 'mosquittoBridgeTls':
      return { tlsCrt: fakePem('CERTIFICATE', `crt-${stack}`), tlsKey: fakePem('PRIVATE KEY', `key-${stack}`), caCrt: fakePem('CERTIFICATE', `ca-${stack}`) };
    case 'ruleEngineCloud':
      return {
        tlsCrt: fakePem('CERTIFICATE', `engine-crt-${stack}`), tlsKey: fakePem('PRIVATE KEY', `engine-key-${stack}`),
        caCrt: fakePem('CERTIFICATE', `cloud-ca-${stack}`), kafkaUsername: `rule-engine-${stack}`, kafkaPassword: pw('rule-engine-kafka'),
      };
    case 'mirrorMakerCloudUser':
      return { username: `mm2-${stack}`, password: pw('mm2') };
    case 'kafkaKeystorePassword':
      return pw('keystore');
    case 'emqx':
      return { dashboardPassword: pw('emqx-admin'), nodeCookie: `cookie-${stack}-0123456789abcdef0123456789abcdef` };
    case 'mqttClientCa':
      return fakePem('CERTIFICATE', `client-ca-${stack}`);
    case 'basicAuthUsers':
      return { sysop: pw('sysop') };
  }
}

/** Secret config for a stack: each credential set it needs, as the CLI passes it (JSON for objects). */
export function testSecrets(stack: string): Record<string, string> {
  const [env, siteId] = [stack.slice(0, stack.indexOf('-')), stack.slice(stack.indexOf('-') + 1)];
  return Object.fromEntries(
    credentialsNeeded(EXAMPLE_FLEET, env, siteId).map((name) => {
      const value = testValue(stack, name);
      return [`edgestack:${name}`, typeof value === 'string' ? value : JSON.stringify(value)];
    }),
  );
}

/** Every secret string in `secrets` (leaf values of the JSON objects), the values no input may carry in plain. */
export function secretStrings(secrets: Record<string, string>): string[] {
  const leaves = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];
  return Object.values(secrets).flatMap((raw) => {
    try {
      return leaves(JSON.parse(raw));
    } catch {
      return [raw];
    }
  });
}
