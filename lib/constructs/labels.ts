/** Value of `app.kubernetes.io/part-of` on every object. */
export const PART_OF = 'edgestack';

/**
 * Recommended labels of one component instance.
 * `app.kubernetes.io/name` forms the selector.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
 */
export interface ComponentLabels {
  /**
   * Selector labels: `app.kubernetes.io/name` only. Names are unique per namespace, and a namespace belongs to one
   * site of one environment (its own cluster), so the instance label is not needed to select and stays out of
   * immutable selectors.
   */
  readonly selector: Record<string, string>;
  /** Selector labels plus instance, component and part-of. */
  readonly all: Record<string, string>;
}

/**
 * Labels for a component.
 * @param name - `app.kubernetes.io/name`, e.g. `kafka` (also used by check-manifests to recognise the role)
 * @param instance - `app.kubernetes.io/instance`, e.g. the chart id `prod-cloud`
 * @param component - `app.kubernetes.io/component`, e.g. `broker`
 */
export function componentLabels(name: string, instance: string, component: string): ComponentLabels {
  const selector = { 'app.kubernetes.io/name': name };
  return {
    selector,
    all: { ...selector, 'app.kubernetes.io/instance': instance, 'app.kubernetes.io/component': component, 'app.kubernetes.io/part-of': PART_OF },
  };
}
