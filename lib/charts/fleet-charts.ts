import { App, Chart } from 'cdk8s';
import { EXAMPLE_FLEET } from '../inventory/example-fleet';
import { Fleet, SiteSpec } from '../inventory/fleet';
import { validateFleet } from '../inventory/validate-fleet';
import { exampleRuleSet } from '../rules/example-rule-sets';
import { resolveSiteDefinitions } from '../rules/resolve-site-definitions';
import { SiteRuleSet } from '../rules/site-rule-set';
import { chartId } from './chart-id';
import { CloudChart } from './cloud-chart';
import { EdgeSiteChart } from './edge-site-chart';
import { guardUniqueResourceFiles } from './unique-resource-files';

/** Options of {@link createFleetCharts}. */
export interface FleetChartsOptions {
  /**
   * The streams, tables and rules of each edge site that runs a rule engine. They are validated at synth time with
   * the runtime's own parser and planner and shipped in the RuleEngine's ConfigMap. A site's own `definitions`
   * (already resolved JSON) take precedence.
   * @default exampleRuleSet (the gateway walkthrough rule, the data-center alarms and aggregates)
   */
  readonly ruleSets?: (site: SiteSpec) => SiteRuleSet;
}

/**
 * Validates the fleet and adds one chart per (environment, site) to the app, with id `<env>-<siteId>`:
 * a {@link CloudChart} for the cloud site, an {@link EdgeSiteChart} for each edge site.
 * @param app - the cdk8s App
 * @param fleet - the inventory @default EXAMPLE_FLEET
 * @param options - rule sets per site; see {@link FleetChartsOptions}
 * @returns the charts, in inventory order
 * @throws InventoryError when the fleet is invalid
 * @throws Error at synth when two objects of one chart share a kind and name (they would share a file)
 * @throws RuleValidationError when a site's rule set does not parse or plan, or names an endpoint the site lacks
 * @see https://cdk8s.io/docs/latest/basics/chart/
 */
export function createFleetCharts(app: App, fleet: Fleet = EXAMPLE_FLEET, options: FleetChartsOptions = {}): Chart[] {
  const ruleSets = options.ruleSets ?? exampleRuleSet;
  validateFleet(fleet);
  const charts: Chart[] = [];
  for (const env of fleet.environments) {
    const cloud = env.sites.find((s) => s.role === 'cloud');
    const cloudKafkaReplicas = cloud?.components.kafka?.replicas ?? 3;
    for (const site of env.sites) {
      const id = chartId(env.name, site.id);
      charts.push(guardUniqueResourceFiles(site.role === 'cloud'
        ? new CloudChart(app, id, { env, site })
        : new EdgeSiteChart(app, id, {
          env, site, cloudKafkaReplicas,
          definitions: site.definitions ?? (site.components.ruleEngine
            ? resolveSiteDefinitions(fleet, env.name, site.id, ruleSets(site))
            : undefined),
        })));
    }
  }
  return charts;
}
