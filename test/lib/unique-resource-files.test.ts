import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { createFleetCharts } from '../../lib/charts/fleet-charts';
import { guardUniqueResourceFiles } from '../../lib/charts/unique-resource-files';

function configMap(chart: Chart, id: string, namespace: string): void {
  new k8s.KubeConfigMap(chart, id, { metadata: { name: 'shared', namespace }, data: { a: '1' } });
}

describe('guardUniqueResourceFiles', () => {
  test('fails synth when two objects of one chart would be written to the same file', () => {
    const app = new App({ outdir: 'unused' });
    const chart = guardUniqueResourceFiles(new Chart(app, 'prod-x'));
    configMap(chart, 'A', 'edge-x');
    configMap(chart, 'B', 'edge-x-host');
    expect(() => app.synth()).toThrow(
      'chart prod-x: ConfigMap edge-x-host/shared and ConfigMap edge-x/shared would both be written to ConfigMap.shared.k8s.yaml; give one of them another name');
  });

  test('accepts objects of the same name in different charts, and of different kinds in one chart', () => {
    const app = new App({ outdir: 'unused' });
    configMap(guardUniqueResourceFiles(new Chart(app, 'a')), 'A', 'ns');
    const b = guardUniqueResourceFiles(new Chart(app, 'b'));
    configMap(b, 'A', 'ns');
    new k8s.KubeSecret(b, 'S', { metadata: { name: 'shared', namespace: 'ns' } });
    expect(b.node.validate()).toEqual([]);
  });

  test('the example fleet has one file per object in every chart', () => {
    const app = new App({ outdir: 'unused' });
    const charts = createFleetCharts(app);
    expect(charts.flatMap((c) => c.node.validate())).toEqual([]);
  });
});
