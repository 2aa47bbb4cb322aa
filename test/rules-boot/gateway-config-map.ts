import { Testing } from 'cdk8s';
import { EdgeSiteChart } from '../../lib/charts/edge-site-chart';
import { findSite } from '../../lib/charts/find-site';
import { Fleet } from '../../lib/inventory/fleet';
import { exampleRuleSet, resolveSiteDefinitions } from '../../lib/rules';

/** The `data` of the rule engine's ConfigMap (`rule-engine-config`) as synthesized for one edge site. */
export type RuleEngineConfigData = Readonly<Record<string, string>>;

/**
 * Synthesizes the edge site chart `<env>-<siteId>` in memory with the site's example rule set (resolved and
 * validated by resolveSiteDefinitions, exactly the wiring the fleet charts use) and returns the data of its
 * `rule-engine-config` ConfigMap.
 * @throws Error when the chart has no such ConfigMap
 */
export function synthRuleEngineConfig(fleet: Fleet, env: string, siteId: string): RuleEngineConfigData {
  const environment = fleet.environments.find((e) => e.name === env);
  const site = findSite(fleet, env, siteId);
  if (!environment) throw new Error(`environment ${env} not in the fleet`);
  const chart = new EdgeSiteChart(Testing.app(), `${env}-${siteId}`, {
    env: environment,
    site,
    definitions: resolveSiteDefinitions(fleet, env, siteId, exampleRuleSet(site)),
  });
  const configMap = Testing.synth(chart).find((o) => o.kind === 'ConfigMap' && o.metadata?.name === 'rule-engine-config');
  if (!configMap) throw new Error(`chart ${env}-${siteId} has no ConfigMap rule-engine-config`);
  return configMap.data as RuleEngineConfigData;
}
