import { z } from 'zod';

/**
 * A connector's self-describing configuration spec: a zod object whose fields carry their description
 * (`.describe()`), their default (`.default()`) and their unit in the field name (`timeoutMs`, `maxBytes`).
 * Docs and validation come from the same place, as Redpanda Connect's `ConfigSpec`.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sources/overview.html
 */
export interface ConnectorSpec<S extends z.ZodObject = z.ZodObject> {
  /** Registry name, as used in `TYPE="mqtt"` or an action key (`{"mqtt": {...}}`). */
  readonly type: string;
  /** One-line summary for docs and `GET /connectors`-style listings. */
  readonly summary: string;
  /** The properties: unknown keys are ignored (eKuiper's common sink properties pass through). */
  readonly schema: S;
}

/** Thrown when a connector's properties are invalid; the message names the connector, the key and the fix. */
export class ConnectorConfigError extends Error {
  override readonly name = 'ConnectorConfigError';
}

/**
 * Validates `props` against `spec`, applying defaults.
 * @param where what is being configured, for messages (e.g. `rule rule1 action 0 (mqtt sink)`).
 * @throws ConnectorConfigError naming every invalid key, the value received and the expected type.
 */
export function parseConnectorProps<S extends z.ZodObject>(spec: ConnectorSpec<S>, props: unknown, where: string): z.output<S> {
  const result = spec.schema.safeParse(props ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(root)';
    return `property "${key}": ${issue.message}`;
  });
  throw new ConnectorConfigError(`${where}: invalid ${spec.type} properties: ${problems.join('; ')}. Fix the properties and retry.`);
}

/** One documented field of a spec, for generated docs. */
export interface SpecField {
  readonly name: string;
  readonly description: string;
  readonly default?: unknown;
}

/** Lists the fields of a spec with their descriptions and defaults (for docs and the CLI). */
export function describeSpec(spec: ConnectorSpec): SpecField[] {
  return Object.entries(spec.schema.shape).map(([name, field]) => {
    const schema = field as z.ZodType;
    const def = (schema as unknown as { def: { type: string; defaultValue?: unknown } }).def;
    return {
      name,
      description: schema.description ?? '',
      ...(def.type === 'default' ? { default: def.defaultValue } : {}),
    };
  });
}
