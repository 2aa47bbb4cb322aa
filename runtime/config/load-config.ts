import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { ConnectorRegistry } from '../connectors/registry';
import { envOverlay } from './env-overrides';
import { type ServiceConfig, serviceConfigSchema } from './service-config';

/** Thrown when the configuration is invalid; the message names each key, the value's problem and the source. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep-merges `over` into `base` (objects merge, anything else replaces). */
export function mergeConfig(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? mergeConfig(out[k] as Record<string, unknown>, v) : v;
  return out;
}

/**
 * Loads the service configuration: the YAML file (`file`, usually `EDGESTACK_CONFIG`), then the environment
 * overlay ({@link envOverlay}), validated by {@link serviceConfigSchema}.
 * @param file YAML path; @default no file
 * @throws ConfigError naming the file, the key and the fix.
 */
export function loadConfig(env: NodeJS.ProcessEnv, registry: ConnectorRegistry, file: string | undefined = env.EDGESTACK_CONFIG): ServiceConfig {
  let fromFile: unknown = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`cannot read config file "${file}" (EDGESTACK_CONFIG): ${(err as Error).message}`);
    }
    try {
      fromFile = parseYaml(text) ?? {};
    } catch (err) {
      throw new ConfigError(`config file "${file}" is not valid YAML: ${(err as Error).message}`);
    }
    if (!isObject(fromFile)) throw new ConfigError(`config file "${file}" must hold a mapping such as "rest: { port: 9081 }"`);
  }
  let overlay: Record<string, unknown>;
  try {
    overlay = envOverlay(env, registry);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const result = serviceConfigSchema.safeParse(mergeConfig(fromFile as Record<string, unknown>, overlay));
  if (!result.success) {
    const where = file ? `config file "${file}" or the environment` : 'the environment';
    const problems = result.error.issues.map((i) => `key "${i.path.join('.') || '(root)'}": ${i.message}`);
    throw new ConfigError(`invalid configuration in ${where}: ${problems.join('; ')}`);
  }
  return result.data;
}
