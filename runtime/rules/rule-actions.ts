import type { RuleDefinition } from '../engine/contract';
import type { ConnectorRegistry } from '../connectors/registry';
import { SinkEncoder } from '../connectors/sink-encoder';
import type { ConnectionDefaults } from './connection-defaults';

/** One action of a rule, resolved: its sink type, node name and effective properties. */
export interface ResolvedAction {
  readonly type: string;
  /** `sink_<type>_<index>`, the node name in status and topo. */
  readonly name: string;
  /** Configured section (by `resourceId`, default `default`) overridden by the action's own properties. */
  readonly props: Readonly<Record<string, unknown>>;
  /** Where, for error messages: `rule <id> action <i> (<type>)`. */
  readonly where: string;
}

/**
 * Resolves each action of `def` against the configured connection defaults.
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/overview.html
 */
export function resolveActions(def: RuleDefinition, connections: ConnectionDefaults): ResolvedAction[] {
  return def.actions.map((action, i) => {
    const [type, own] = Object.entries(action)[0] as [string, Readonly<Record<string, unknown>>];
    const key = typeof own?.resourceId === 'string' ? own.resourceId : 'default';
    return {
      type,
      name: `sink_${type}_${i}`,
      props: { ...connections.sink(type, key), ...(own ?? {}) },
      where: `rule ${def.id} action ${i} (${type})`,
    };
  });
}

/**
 * Checks every action's sink type and properties (connector spec and common sink properties).
 * @throws UnknownConnectorError | ConnectorConfigError naming the rule, the action index and the key.
 */
export function validateActions(def: RuleDefinition, registry: ConnectorRegistry, connections: ConnectionDefaults): void {
  for (const a of resolveActions(def, connections)) {
    registry.validateSink(a.type, a.props, a.where);
    SinkEncoder.fromAction(a.props, a.where);
  }
}
