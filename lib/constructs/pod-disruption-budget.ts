import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

/** Props of {@link PodDisruptionBudget}. */
export interface PodDisruptionBudgetProps {
  /** Name of the PDB. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** The workload whose pods it protects; the PDB selects with the workload's own `matchLabels`. */
  readonly workload: kplus.Workload;
  /** Labels on the PDB object. @default - none */
  readonly labels?: Record<string, string>;
  /** Maximum pods down during a voluntary disruption. @default 1 */
  readonly maxUnavailable?: number;
}

/**
 * A policy/v1 PodDisruptionBudget selecting a workload's pods, `maxUnavailable: 1` by default, with
 * `unhealthyPodEvictionPolicy: AlwaysAllow` so node drains can evict crash-looping pods.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
export class PodDisruptionBudget extends Construct {
  /** The L1 object. */
  public readonly resource: kplus.k8s.KubePodDisruptionBudget;

  constructor(scope: Construct, id: string, props: PodDisruptionBudgetProps) {
    super(scope, id);
    const maxUnavailable = props.maxUnavailable ?? 1;
    if (!Number.isInteger(maxUnavailable) || maxUnavailable < 1) {
      throw new Error(`PodDisruptionBudget "${props.name}": maxUnavailable ${maxUnavailable} would block every eviction; use an integer of at least 1`);
    }
    this.resource = new kplus.k8s.KubePodDisruptionBudget(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
      spec: {
        maxUnavailable: kplus.k8s.IntOrString.fromNumber(maxUnavailable),
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
        selector: { matchLabels: props.workload.matchLabels },
      },
    });
  }
}
