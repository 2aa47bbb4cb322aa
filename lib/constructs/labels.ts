/** Value of `app.kubernetes.io/part-of` on every object. */
export const PART_OF = 'edgestack';

/**
 * Recommended labels of one component instance.
 * `app.kubernetes.io/name` and `app.kubernetes.io/instance` also form the selector.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
 */
export interface ComponentLabels {
  /** Selector labels: name and instance. Stable for the life of the workload. */
  readonly selector: Record<string, string>;
  /** Selector labels plus component and part-of. */
  readonly all: Record<string, string>;
}

/**
 * Labels for a component.
 * @param name - `app.kubernetes.io/name`, e.g. `kafka` (also used by check-manifests to recognise the role)
 * @param instance - `app.kubernetes.io/instance`, e.g. the chart id `prod-cloud`
 * @param component - `app.kubernetes.io/component`, e.g. `broker`
 */
export function componentLabels(name: string, instance: string, component: string): ComponentLabels {
  const selector = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': instance };
  return { selector, all: { ...selector, 'app.kubernetes.io/component': component, 'app.kubernetes.io/part-of': PART_OF } };
}
