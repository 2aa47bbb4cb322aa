import { App, Chart, Testing } from 'cdk8s';
import { createFleetCharts } from '../../../lib/charts/fleet-charts';

/** A synthesized Kubernetes object (plain JSON). */
export type Manifest = {
  apiVersion: string; kind: string; spec?: any; data?: Record<string, string>; [field: string]: any;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
};

/** The kinds that carry a pod template (or are a pod). */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'];

/** A fresh test chart, and its manifests once built. */
export function synth(build: (chart: Chart) => void): Manifest[] {
  const chart = Testing.chart();
  build(chart);
  return Testing.synth(chart) as Manifest[];
}

/** The one manifest of a kind and name; throws when missing so a test cannot silently pass. */
export function find(manifests: readonly Manifest[], kind: string, name: string): Manifest {
  const m = manifests.find((o) => o.kind === kind && o.metadata.name === name);
  if (!m) throw new Error(`no ${kind}/${name} in ${manifests.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return m;
}

/** The pod spec of a workload or pod. */
export function podSpec(m: Manifest): any {
  return m.kind === 'Pod' ? m.spec : m.spec.template.spec;
}

/** The pod template labels of a workload (metadata labels for a Pod). */
export function podLabels(m: Manifest): Record<string, string> {
  return (m.kind === 'Pod' ? m.metadata.labels : m.spec.template.metadata.labels) ?? {};
}

/** True when every matchLabels entry is among the labels. */
export function selects(matchLabels: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.keys(matchLabels).length > 0 && Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
}

/** Every chart of the example fleet, synthesized in memory, by chart id. */
export function exampleFleetManifests(): Map<string, Manifest[]> {
  const app = new App({ outdir: 'unused' });
  const charts = createFleetCharts(app);
  return new Map(charts.map((c) => [c.node.id, c.toJson() as Manifest[]]));
}
