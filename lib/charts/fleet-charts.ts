import { App, Chart } from 'cdk8s';
import { EXAMPLE_FLEET } from '../inventory/example-fleet';
import { Fleet } from '../inventory/fleet';
import { validateFleet } from '../inventory/validate-fleet';
import { chartId } from './chart-id';
import { CloudChart } from './cloud-chart';
import { EdgeSiteChart } from './edge-site-chart';

/**
 * Validates the fleet and adds one chart per (environment, site) to the app, with id `<env>-<siteId>`:
 * a {@link CloudChart} for the cloud site, an {@link EdgeSiteChart} for each edge site.
 * @param app - the cdk8s App
 * @param fleet - the inventory @default EXAMPLE_FLEET
 * @returns the charts, in inventory order
 * @throws InventoryError when the fleet is invalid
 * @see https://cdk8s.io/docs/latest/basics/chart/
 */
export function createFleetCharts(app: App, fleet: Fleet = EXAMPLE_FLEET): Chart[] {
  validateFleet(fleet);
  const charts: Chart[] = [];
  for (const env of fleet.environments) {
    const cloud = env.sites.find((s) => s.role === 'cloud');
    const cloudKafkaReplicas = cloud?.components.kafka?.replicas ?? 3;
    for (const site of env.sites) {
      const id = chartId(env.name, site.id);
      charts.push(site.role === 'cloud'
        ? new CloudChart(app, id, { env, site })
        : new EdgeSiteChart(app, id, { env, site, cloudKafkaReplicas }));
    }
  }
  return charts;
}
