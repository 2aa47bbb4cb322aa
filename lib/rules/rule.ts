import { Duration } from 'cdk8s';
import { Sink } from './sink';

/**
 * Rule options, in eKuiper's rule `options` (durations are rendered in ms).
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html#options
 */
export interface RuleOptions {
  /** Use the stream's TIMESTAMP field as event time, with watermarks. @default false */
  readonly isEventTime?: boolean;
  /** Allowed lateness of events under event time. @default - 0 ms (eKuiper's default) */
  readonly lateTolerance?: Duration;
  /** Send runtime errors as `{ "error": "..." }` rows to the sinks. @default true */
  readonly sendError?: boolean;
  /** Keep null fields in the output rows. @default false */
  readonly sendNilField?: boolean;
  /** Capacity of each node's input buffer, in rows. @default 1024 */
  readonly bufferLength?: number;
}

/**
 * A rule of a site's rule set: eKuiper's `{ id, sql, actions, options }`, with sinks naming fleet endpoints.
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
export interface Rule {
  /** Rule id, unique within the site (it is the engine's key for create-or-update and drop). */
  readonly id: string;
  /** Optional human-readable name. @default - none */
  readonly name?: string;
  /** The SELECT statement. */
  readonly sql: string;
  /** Where results go, in order; at least one. */
  readonly actions: readonly Sink[];
  /** Rule options. @default - eKuiper's defaults */
  readonly options?: RuleOptions;
}

/** Renders {@link RuleOptions} into eKuiper's JSON (`lateTolerance` in ms); undefined when none is set. */
export function renderRuleOptions(options: RuleOptions | undefined): Record<string, unknown> | undefined {
  if (!options) return undefined;
  const out = Object.fromEntries(Object.entries({
    isEventTime: options.isEventTime,
    lateTolerance: options.lateTolerance?.toMilliseconds(),
    sendError: options.sendError,
    sendNilField: options.sendNilField,
    bufferLength: options.bufferLength,
  }).filter(([, v]) => v !== undefined));
  return Object.keys(out).length > 0 ? out : undefined;
}
