/**
 * Reads the rule's streams and tables (eKuiper `DataSourcePlan`): decode, schema and strict validation.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/streams/overview.html
 */
import type { StreamDefinition } from '../engine/contract';
import type { LogicalPlan } from './logical-plan';

/** The sources of a rule, in FROM/JOIN order. */
export class DataSourcePlan implements LogicalPlan {
  readonly kind = 'DataSourcePlan';
  readonly opName = '';

  /** @param sources stream and table definitions with the alias used in the SQL */
  constructor(readonly sources: ReadonlyArray<{ readonly def: StreamDefinition; readonly alias?: string }>) {}

  info(): string {
    return this.sources.map((s) => `${s.def.kind} ${s.def.name}${s.alias ? ` AS ${s.alias}` : ''}${s.def.columns.length ? '' : ' (schemaless)'}`).join(', ');
  }
}
