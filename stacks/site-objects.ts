import { App } from 'cdk8s';
import { Fleet, createFleetCharts } from '../lib';
import { KubeObject } from './chart-deployment';

/**
 * The objects of one site's chart, synthesized in memory from the same `lib/` constructs `cdk8s synth` uses
 * (nothing is written: `App.synth()` is never called), so a stack applies exactly its `charts-out/<chartId>/`.
 * @param fleet - the inventory
 * @param chartId - `<env>-<siteId>`, the stack name
 * @returns the chart's objects in synth order
 * @throws InventoryError when the fleet is invalid; Error when no chart has this id
 * @see https://cdk8s.io/docs/latest/basics/chart/
 */
export function siteObjects(fleet: Fleet, chartId: string): KubeObject[] {
  const charts = createFleetCharts(new App(), fleet);
  const chart = charts.find((c) => c.node.id === chartId);
  if (!chart) {
    throw new Error(`No chart ${chartId} in the fleet; the charts are ${charts.map((c) => c.node.id).join(', ')}`);
  }
  return chart.toJson() as KubeObject[];
}
