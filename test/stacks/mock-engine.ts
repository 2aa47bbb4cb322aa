import * as pulumi from '@pulumi/pulumi';

/** Signature of a secret value in the serialized resource inputs the mock monitor receives. */
export const SECRET_SIG_KEY = '4dabf18193072939515e22adb298388d';
export const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

/** One resource registration as the engine would receive it. */
export interface RegisteredResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** URN of the parent ('' at the stack root). */
  readonly parent: string;
  /** URNs of the explicit dependencies (`dependsOn`, expanded). */
  readonly dependencies: readonly string[];
  /** URN of the provider reference ('' for components). */
  provider: string;
  /** Inputs; secret values appear as `{ [SECRET_SIG_KEY]: SECRET_SIG, value }`. */
  inputs: Record<string, unknown>;
}

interface MonitorRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getDependenciesList(): string[];
}

interface MockMonitorLike {
  registerResource(req: MonitorRequest, callback: unknown): Promise<void>;
  newUrn(parent: string, type: string, name: string): string;
}

/**
 * Installs Pulumi mocks (`pulumi.runtime.setMocks`) and records every registration with its parent and
 * dependencies, which `Mocks.newResource` alone does not show: the monitor's `registerResource` is wrapped.
 */
export class MockEngine {
  public readonly resources: RegisteredResource[] = [];
  private current?: RegisteredResource;

  /**
   * @param project - project name (`new pulumi.Config()` reads `<project>:*` keys)
   * @param stack - stack name (`pulumi.getStack()`)
   * @param config - full keys to string values, JSON for objects (as the CLI passes stack config)
   * @param secretKeys - the keys the CLI would mark as secret @default []
   */
  constructor(project: string, stack: string, config: Record<string, string>, secretKeys: string[] = []) {
    pulumi.runtime.setAllConfig(config, secretKeys);
    const mocks: pulumi.runtime.Mocks = {
      newResource: (args) => {
        if (this.current) {
          this.current.inputs = args.inputs as Record<string, unknown>;
          this.current.provider = args.provider ?? '';
        }
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    };
    pulumi.runtime.setMocks(mocks, project, stack, false);
    const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorLike;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      const record: RegisteredResource = {
        urn: monitor.newUrn(req.getParent(), req.getType(), req.getName()),
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent(),
        dependencies: req.getDependenciesList(),
        provider: '',
        inputs: {},
      };
      this.resources.push(record);
      this.current = record;
      const done = register(req, callback);
      this.current = undefined;
      return done;
    };
  }

  /** Registrations of one type token, e.g. `kubernetes:core/v1:Secret`. */
  ofType(type: string): RegisteredResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The registration with this URN. @throws Error when none */
  byUrn(urn: string): RegisteredResource {
    const found = this.resources.find((r) => r.urn === urn);
    if (!found) throw new Error(`no resource ${urn}`);
    return found;
  }
}

/** The value of an Output (under mocks every Output resolves). */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

/** Waits until each resource is registered (its URN resolves). */
export async function registered(resources: readonly pulumi.Resource[]): Promise<void> {
  await Promise.all(resources.map((r) => promiseOf(r.urn)));
}

/** `value` with every secret-wrapped subtree replaced by `'[secret]'`: what would be stored unencrypted. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record[SECRET_SIG_KEY] === SECRET_SIG) return '[secret]';
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, withoutSecrets(v)]));
  }
  return value;
}

/** The value inside a secret wrapper. @throws Error when `value` is not a secret */
export function unwrapSecret(value: unknown): unknown {
  const record = value as Record<string, unknown> | undefined;
  if (!record || record[SECRET_SIG_KEY] !== SECRET_SIG) throw new Error(`not a secret: ${JSON.stringify(value)}`);
  return record.value;
}
