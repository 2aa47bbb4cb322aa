import { Fleet, RuleDefinitions } from '../inventory/fleet';
import { FleetEndpoint } from './fleet-endpoint';
import { Rule, renderRuleOptions } from './rule';
import { MISSING_FIX, RuleAction } from './sink';
import { SiteEndpoints, resolveSiteEndpoints } from './site-endpoints';
import { SiteRuleSet } from './site-rule-set';
import { SiteValidator } from './site-validator';

/** A stream or table declaration: its DDL and the endpoint it reads. */
interface SourceDeclaration {
  readonly label: string;
  readonly endpoint: FleetEndpoint | undefined;
  toDdl(): string;
}

function checkSourceEndpoint(v: SiteValidator, endpoints: SiteEndpoints, kind: 'stream' | 'table', name: string, s: SourceDeclaration): void {
  if (s.endpoint !== undefined && !endpoints.available[s.endpoint]) {
    const factory = kind === 'stream' ? 'Stream' : 'Table';
    throw v.fail(kind, name, `${factory}.${s.label} points to an endpoint the site does not have: ${endpoints.missing[s.endpoint]}; ${MISSING_FIX}`);
  }
}

function resolveRule(v: SiteValidator, endpoints: SiteEndpoints, rule: Rule): object {
  const actions: RuleAction[] = rule.actions.map((sink, i) => {
    try {
      return sink.resolve(endpoints);
    } catch (err) {
      throw v.fail('rule', rule.id, `action ${i}: ${(err as Error).message}`);
    }
  });
  const options = renderRuleOptions(rule.options);
  const def = { id: rule.id, ...(rule.name ? { name: rule.name } : {}), sql: rule.sql, actions, ...(options ? { options } : {}) };
  v.checkRule(def);
  return def;
}

/**
 * Resolves a site's rule set into the plain JSON the RuleEngine construct ships in `definitions.json`, and
 * validates it at synth time with the runtime's own parser, planner and connector specs (a fresh engine per site):
 * - sinks and streams naming fleet endpoints get the site's addresses (see {@link resolveSiteEndpoints});
 * - streams and tables are created in order, then each rule is parsed and planned against them.
 *
 * Error messages follow {@link RuleValidationError}: `<env>-<siteId>: <stream|table|rule> <name>[ at line L, column
 * C]: <problem and fix>`.
 *
 * @param fleet the inventory
 * @param env environment name, e.g. `dev`
 * @param siteId site id, e.g. `gw01`
 * @param ruleSet the site's streams, tables and rules
 * @returns `{ streams, tables, rules }`: DDL strings and eKuiper rule objects `{ id, sql, actions, options }`
 * @throws RuleValidationError on bad SQL; an unknown stream, table or function; a sink or stream pointing to an
 *   endpoint the site does not have; invalid sink properties; a duplicate rule id or stream name; rules for a site
 *   that runs no rule engine
 * @throws Error when the environment or site is not in the fleet
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
export function resolveSiteDefinitions(fleet: Fleet, env: string, siteId: string, ruleSet: SiteRuleSet): RuleDefinitions {
  const endpoints = resolveSiteEndpoints(fleet, env, siteId);
  const v = new SiteValidator(endpoints.chartId);
  const streams = ruleSet.streams ?? [];
  const tables = ruleSet.tables ?? [];
  const rules = ruleSet.rules ?? [];
  if (!endpoints.site.components.ruleEngine && streams.length + tables.length + rules.length > 0) {
    const [kind, subject] = rules.length > 0 ? ['rule', rules[0].id] as const : ['stream', '#1'] as const;
    throw v.fail(kind, subject, 'the site runs no rule engine (components.ruleEngine is not set); move the rule set to an edge site or add a rule engine');
  }
  const streamDdl = streams.map((s, i) => {
    const ddl = s.toDdl();
    const name = v.addSource('stream', ddl, `#${i + 1}`);
    checkSourceEndpoint(v, endpoints, 'stream', name, s);
    return ddl;
  });
  const tableDdl = tables.map((t, i) => {
    const ddl = t.toDdl();
    const name = v.addSource('table', ddl, `#${i + 1}`);
    checkSourceEndpoint(v, endpoints, 'table', name, t);
    return ddl;
  });
  return { streams: streamDdl, tables: tableDdl, rules: rules.map((r) => resolveRule(v, endpoints, r)) };
}
