import * as pulumi from '@pulumi/pulumi';
import { z } from 'zod';
import { StackConfigError } from './stack-config-error';

/** One configuration key: its name without the project prefix and what it holds (used in error messages). */
export interface ConfigKeySpec {
  /** Key without the project prefix, e.g. `site`. */
  readonly key: string;
  /** What the key holds, e.g. `the site id, e.g. dc24`. */
  readonly description: string;
}

/**
 * Reads one stack's configuration and turns every missing or malformed key into a {@link StackConfigError} that
 * names the key, the stack settings file and the `pulumi config set` command.
 *
 * Plain keys are read with `Config.get`. Secret keys are read with `Config.getSecret`, never echoed in errors,
 * and returned as secret Outputs; their shape is checked synchronously (on the value the engine passed in), so a
 * malformed secret stops the program before any resource is registered. (`Config.requireSecretObject` would
 * throw `ConfigTypeError`, whose message quotes the secret value, on malformed JSON.)
 *
 * @see https://www.pulumi.com/docs/iac/concepts/config/
 * @see https://www.pulumi.com/docs/iac/concepts/secrets/
 */
export class ConfigReader {
  /**
   * @param cfg - configuration bag of the project, e.g. `new pulumi.Config('edgestack')`
   * @param stackName - the stack being run (named in every error)
   */
  constructor(
    private readonly cfg: pulumi.Config,
    public readonly stackName: string,
  ) {}

  /** Full key `<project>:<key>`. */
  fullKey(key: string): string {
    return `${this.cfg.name}:${key}`;
  }

  /**
   * A required plain string.
   * @throws StackConfigError when the key is absent or empty, or `pattern` does not match (`expected` names the form)
   */
  requireString(spec: ConfigKeySpec, pattern?: RegExp, expected?: string): string {
    const value = this.cfg.get(spec.key);
    if (value === undefined || value === '') throw this.missing(spec, false);
    if (pattern && !pattern.test(value)) {
      throw this.invalid(spec.key, `value ${JSON.stringify(value)} is not ${expected ?? `matching ${pattern}`}`, false);
    }
    return value;
  }

  /** An optional plain string; `undefined` when absent or empty. */
  optionalString(spec: ConfigKeySpec): string | undefined {
    const value = this.cfg.get(spec.key);
    return value === undefined || value === '' ? undefined : value;
  }

  /** True when the key is present (plain or secret). */
  has(key: string): boolean {
    return this.cfg.get(key) !== undefined;
  }

  /**
   * A required plain JSON value (YAML objects and lists in the stack file arrive as JSON), checked with `schema`.
   * @throws StackConfigError when absent, not JSON, or not matching `schema`
   */
  requireObject<T>(spec: ConfigKeySpec, schema: z.ZodType<T>): T {
    const raw = this.cfg.get(spec.key);
    if (raw === undefined) throw this.missing(spec, false);
    return this.parse(spec.key, raw, schema, false);
  }

  /**
   * A required secret string, checked with `schema`, returned as a secret Output.
   * @throws StackConfigError when absent or not matching `schema` (the message never contains the value)
   */
  requireSecretString(spec: ConfigKeySpec, schema: z.ZodType<string>): pulumi.Output<string> {
    const raw = this.rawSecret(spec);
    const result = schema.safeParse(raw);
    if (!result.success) throw this.invalid(spec.key, describeIssues(result.error), true);
    return pulumi.secret(result.data);
  }

  /**
   * A required secret JSON value, checked with `schema`, returned as a secret Output.
   * @throws StackConfigError when absent, not JSON, or not matching `schema` (the message never contains the value)
   */
  requireSecretObject<T>(spec: ConfigKeySpec, schema: z.ZodType<T>): pulumi.Output<T> {
    return pulumi.secret(this.parse(spec.key, this.rawSecret(spec), schema, true)) as pulumi.Output<T>;
  }

  /** An optional secret string, as a secret Output. */
  optionalSecretString(spec: ConfigKeySpec): pulumi.Output<string> | undefined {
    return this.cfg.getSecret(spec.key);
  }

  /** A {@link StackConfigError} for a missing key. */
  missing(spec: ConfigKeySpec, secret: boolean): StackConfigError {
    return StackConfigError.missing(this.fullKey(spec.key), this.stackName, spec.description, secret);
  }

  /** A {@link StackConfigError} for an invalid key. */
  invalid(key: string, problem: string, secret: boolean): StackConfigError {
    return StackConfigError.invalid(this.fullKey(key), this.stackName, problem, secret);
  }

  /**
   * The decrypted string of a secret key. `Config.getSecret` wraps the string the engine passed in (already
   * decrypted) in a secret Output; the string itself is read once here to check its shape and never leaves
   * this class except inside `pulumi.secret(...)`.
   */
  private rawSecret(spec: ConfigKeySpec): string {
    if (this.cfg.getSecret(spec.key) === undefined) throw this.missing(spec, true);
    return this.cfg.get(spec.key) as string;
  }

  private parse<T>(key: string, raw: string, schema: z.ZodType<T>, secret: boolean): T {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw this.invalid(key, secret ? 'the value is not valid JSON' : `value ${JSON.stringify(raw)} is not valid JSON`, secret);
    }
    const result = schema.safeParse(json);
    if (!result.success) throw this.invalid(key, describeIssues(result.error), secret);
    return result.data;
  }
}

/**
 * Formats zod issues as `path: message; path: message` (no received values: zod's messages name types and
 * bounds only). An issue at the root is shown as `value`.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : 'value'}: ${issue.message}`)
    .join('; ');
}
