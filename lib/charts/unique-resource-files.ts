import { ApiObject, Chart } from 'cdk8s';

/**
 * Adds a synth-time validation to `chart`: no two of its objects may have the same kind and name. The app writes
 * one file per object, `charts-out/<chart>/<Kind>.<name>.k8s.yaml` (`YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE`),
 * so two such objects (e.g. a NetworkPolicy of the same name in two namespaces of one chart) would silently
 * overwrite each other's file.
 * @param chart the chart to guard
 * @returns the chart
 * @throws Error at synth (`app.synth()`), naming the chart, the kind, the name and the fix
 * @see https://cdk8s.io/docs/latest/reference/cdk8s/typescript/#yamloutputtype
 */
export function guardUniqueResourceFiles(chart: Chart): Chart {
  chart.node.addValidation({
    validate: () => {
      const seen = new Map<string, string>();
      const errors: string[] = [];
      for (const c of chart.node.findAll()) {
        if (!(c instanceof ApiObject)) continue;
        const file = `${c.kind}.${c.name}`;
        const where = `${c.kind} ${c.metadata.namespace ?? '(no namespace)'}/${c.name}`;
        const first = seen.get(file);
        if (first !== undefined) {
          errors.push(`chart ${chart.node.id}: ${where} and ${first} would both be written to ${file}.k8s.yaml; give one of them another name`);
        } else {
          seen.set(file, where);
        }
      }
      return errors;
    },
  });
  return chart;
}
