import type { ConnectionDefaults } from '../rules/connection-defaults';
import type { ServiceConfig } from './service-config';

/** MQTT connection keys a sink inherits from `sources.mqtt.default` when it names no server of its own. */
const MQTT_CONNECTION_KEYS = [
  'server',
  'servers',
  'username',
  'password',
  'protocolVersion',
  'certificationPath',
  'privateKeyPath',
  'rootCaPath',
  'insecureSkipVerify',
];

/**
 * Connection defaults from the config's `sources` and `sinks` sections. A missing key falls back to `default`
 * (eKuiper's CONF_KEY behaviour). An MQTT sink with no `server` uses the broker of `sources.mqtt.default`, so a
 * rule's `{"mqtt": {"topic": "out"}}` publishes to the same broker the streams read from.
 */
export function configConnections(config: ServiceConfig): ConnectionDefaults {
  const pick = (group: Record<string, Record<string, Record<string, unknown>>>, type: string, key: string): Record<string, unknown> => {
    const byKey = group[type] ?? {};
    return { ...(byKey.default ?? {}), ...(key !== 'default' ? (byKey[key] ?? {}) : {}) };
  };
  return {
    source: (type, confKey) => pick(config.sources, type, confKey.toLowerCase()),
    sink: (type, key) => {
      const props = pick(config.sinks, type, key.toLowerCase());
      if (type !== 'mqtt' || props.server !== undefined || props.servers !== undefined) return props;
      const broker = pick(config.sources, 'mqtt', 'default');
      const inherited: Record<string, unknown> = {};
      for (const k of MQTT_CONNECTION_KEYS) if (broker[k] !== undefined) inherited[k] = broker[k];
      return { ...inherited, ...props };
    },
  };
}

/** Whether any MQTT server is configured for sources (if not, `serve` starts the embedded broker). */
export function hasMqttServer(config: ServiceConfig): boolean {
  return Object.values(config.sources.mqtt ?? {}).some((s) => s.server !== undefined || s.servers !== undefined);
}
