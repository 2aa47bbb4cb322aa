import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { ConnectorRegistry } from '../connectors/registry';

/** The service's own variables and the config key each sets. */
export const EDGESTACK_ENV: Readonly<Record<string, { path: string[]; type: 'string' | 'number' }>> = {
  EDGESTACK_REST_BIND: { path: ['rest', 'bind'], type: 'string' },
  EDGESTACK_REST_PORT: { path: ['rest', 'port'], type: 'number' },
  EDGESTACK_REST_TOKEN_FILE: { path: ['rest', 'tokenFile'], type: 'string' },
  EDGESTACK_REST_BODY_LIMIT_BYTES: { path: ['rest', 'bodyLimitBytes'], type: 'number' },
  EDGESTACK_DATA_DIR: { path: ['dataDir'], type: 'string' },
  EDGESTACK_DEFINITIONS: { path: ['definitionsFile'], type: 'string' },
  EDGESTACK_MAX_PAYLOAD_BYTES: { path: ['source', 'maxPayloadBytes'], type: 'number' },
  EDGESTACK_LOG_LEVEL: { path: ['log', 'level'], type: 'string' },
  EDGESTACK_EMBEDDED_BROKER: { path: ['embeddedBroker', 'enabled'], type: 'string' },
  EDGESTACK_EMBEDDED_BROKER_PORT: { path: ['embeddedBroker', 'port'], type: 'number' },
};

/** Thrown for an environment variable whose value cannot be used. */
export class EnvConfigError extends Error {
  override readonly name = 'EnvConfigError';
}

const CONNECTOR_ENV = /^([A-Z0-9]+)_(SOURCE|SINK)__([A-Z0-9_]+?)__([A-Z0-9_]+)$/;

function baseType(schema: z.ZodType | undefined): string {
  let def = (schema as unknown as { def?: { type: string; innerType?: z.ZodType } } | undefined)?.def;
  while (def && (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
    def = (def.innerType as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
  }
  return def?.type ?? 'unknown';
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node[key] = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

/**
 * Builds a config overlay from the environment:
 * - the service's own `EDGESTACK_*` variables ({@link EDGESTACK_ENV});
 * - eKuiper's connector naming `<TYPE>_<SOURCE|SINK>__<CONFKEY>__<PROP>`, e.g.
 *   `MQTT_SOURCE__DEFAULT__SERVERS=[tcp://127.0.0.1:1883]` sets `sources.mqtt.default.servers`. The key is
 *   lower-cased; the property is matched case-insensitively against the connector's spec (`PROTOCOLVERSION` →
 *   `protocolVersion`). Values are YAML (`[a,b]` is a list, `1` a number) except for string properties, which
 *   are taken verbatim (a numeric password stays a string).
 *
 * @see https://ekuiper.org/docs/en/latest/configuration/configuration.html#environment-variable-syntax
 * @throws EnvConfigError naming the variable when a number is expected and the value is not one.
 */
export function envOverlay(env: NodeJS.ProcessEnv, registry: ConnectorRegistry): Record<string, unknown> {
  const overlay: Record<string, unknown> = {};
  for (const [name, target] of Object.entries(EDGESTACK_ENV)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    if (target.type === 'number') {
      const n = Number(raw);
      if (!Number.isInteger(n)) throw new EnvConfigError(`${name}="${raw}" is not an integer; set it to a whole number such as 9081`);
      setPath(overlay, target.path, n);
    } else {
      setPath(overlay, target.path, raw);
    }
  }
  for (const [name, raw] of Object.entries(env)) {
    const m = CONNECTOR_ENV.exec(name);
    if (!m || raw === undefined) continue;
    const [, typeUpper, kindUpper, keyUpper, propUpper] = m as unknown as [string, string, string, string, string];
    const type = typeUpper.toLowerCase();
    const kind = kindUpper === 'SOURCE' ? 'sources' : 'sinks';
    const specs = kind === 'sources' ? registry.sourceSpecs() : registry.sinkSpecs();
    const shape = (specs.find((s) => s.type === type)?.schema.shape ?? {}) as Record<string, z.ZodType>;
    const prop = Object.keys(shape).find((k) => k.toLowerCase() === propUpper.toLowerCase().replace(/_/g, '')) ?? propUpper.toLowerCase();
    const fieldType = baseType(shape[prop]);
    const value = fieldType === 'string' || fieldType === 'enum' ? raw : parseYaml(raw);
    setPath(overlay, [kind, type, keyUpper.toLowerCase(), prop], value);
  }
  return overlay;
}
