import { stringify } from 'yaml';
import type { z } from 'zod';
import { mergeConfig } from '../../runtime/config/load-config';
import { serviceConfigSchema } from '../../runtime/config/service-config';

/** The service configuration as written in `engine.yaml` (the input shape of the runtime's `serviceConfigSchema`). */
export type EngineConfigInput = z.input<typeof serviceConfigSchema>;

/** What {@link renderEngineConfig} writes into `engine.yaml`. */
export interface EngineConfigProps {
  /** REST API address. */
  readonly restBind: string;
  /** REST API port. */
  readonly restPort: number;
  /** File holding the REST bearer token (a mounted Secret). */
  readonly restTokenFile: string;
  /** Directory of the engine's SQLite store. */
  readonly dataDir: string;
  /** The definitions file the engine applies at start (rules as code). */
  readonly definitionsFile: string;
  /**
   * Bootstrap `host:port` of the site's own Kafka, written to `sources.kafka.default.brokers`: the section a
   * `TYPE="kafka"` stream without `CONF_KEY` reads. @default - none (no Kafka source section)
   */
  readonly kafkaBootstrap?: string;
  /**
   * Sink connection sections by type and `resourceId` (`sinks.<type>.<resourceId>`), without credentials (those
   * come from the environment, `<TYPE>_SINK__<RESOURCEID>__<PROP>`). @default - none
   */
  readonly sinks?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  /** Further settings deep-merged last, in the service's own schema. @default - none */
  readonly extra?: EngineConfigInput;
}

/**
 * Renders the rule engine's `engine.yaml` in the service's config schema (`runtime/config/service-config.ts`):
 * `rest`, `dataDir`, `definitionsFile`, `sources`, `sinks`. The local MQTT server is not written here: it is set
 * by `MQTT_SOURCE__DEFAULT__SERVERS` in the pod environment, the only place Kubernetes expands `$(HOST_IP)`.
 * The rendered document is validated with the runtime's schema, so synth fails instead of the pod.
 *
 * @throws Error `RuleEngine: engine.yaml is not a valid service configuration: key "<path>": <problem>; fix ...`
 * @see https://ekuiper.org/docs/en/latest/configuration/global_configurations.html
 * @see https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
 */
export function renderEngineConfig(props: EngineConfigProps): string {
  const base: Record<string, unknown> = {
    rest: { bind: props.restBind, port: props.restPort, tokenFile: props.restTokenFile },
    dataDir: props.dataDir,
    definitionsFile: props.definitionsFile,
    ...(props.kafkaBootstrap ? { sources: { kafka: { default: { brokers: props.kafkaBootstrap } } } } : {}),
    ...(props.sinks && Object.keys(props.sinks).length > 0 ? { sinks: props.sinks } : {}),
  };
  const config = props.extra ? mergeConfig(base, props.extra as Record<string, unknown>) : base;
  const result = serviceConfigSchema.safeParse(config);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `key "${i.path.join('.') || '(root)'}": ${i.message}`).join('; ');
    throw new Error(
      `RuleEngine: engine.yaml is not a valid service configuration: ${problems}; ` +
        'fix engineConfig to the keys of runtime/config/service-config.ts (connections go under sources.<type>.<confKey> / sinks.<type>.<resourceId>)',
    );
  }
  return stringify(config);
}
