/**
 * Connection properties from the service config, looked up by connector type and key. A stream's `CONF_KEY`
 * (default `default`) selects the source section (`sources.mqtt.default`); an action's `resourceId` (default
 * `default`) selects the sink section. Action properties override the section.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sources/builtin/mqtt.html#global-configurations
 */
export interface ConnectionDefaults {
  /** Properties of source `type` under `confKey`; empty when none are configured. */
  source(type: string, confKey: string): Readonly<Record<string, unknown>>;
  /** Properties of sink `type` under `key`; empty when none are configured. */
  sink(type: string, key: string): Readonly<Record<string, unknown>>;
}

/** No configured connections (every property comes from the stream or action). */
export const NO_CONNECTION_DEFAULTS: ConnectionDefaults = {
  source: () => ({}),
  sink: () => ({}),
};
