import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Placement } from './placement';
import { restrictedPod } from './pod-security';
import { selectByLabels } from './workload-selector';

/** Props of {@link createSingleReplicaWorkload}. */
export interface SingleReplicaWorkloadProps {
  /** Workload name (`metadata.name`). */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Labels on the workload object and its pods (the component labels plus any extra labels). */
  readonly labels: Record<string, string>;
  /** Selector labels (`matchLabels`); a subset of `labels`. */
  readonly selector: Record<string, string>;
  /** Placement; `perNode` selects the DaemonSet mode, and its pod labels are added to the pod template. */
  readonly placement: Placement;
  /** Numeric user, group and fsGroup of the restricted pod securityContext (see {@link restrictedPod}). */
  readonly uid: number;
  /** Pod template annotations (e.g. a config checksum). @default - none */
  readonly podAnnotations?: Record<string, string>;
}

/**
 * The workload of a single-instance edge component, created with construct id `'Resource'` in `scope`:
 * a Deployment with 1 replica and the `Recreate` strategy (one pod owns the data volume), or a DaemonSet when the
 * placement is `perNode`. The pods get a restricted securityContext, no service account token, and the workload
 * selects them by `selector` (see {@link selectByLabels}). Callers add containers, then apply the placement.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#recreate-deployment
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 * @see https://cdk8s.io/docs/latest/plus/cdk8s-plus-27/deployment/
 */
export function createSingleReplicaWorkload(scope: Construct, props: SingleReplicaWorkloadProps): kplus.Deployment | kplus.DaemonSet {
  const workloadProps: kplus.DeploymentProps = {
    metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
    select: false,
    podMetadata: { labels: { ...props.labels, ...props.placement.podLabels() }, annotations: props.podAnnotations },
    securityContext: restrictedPod(props.uid),
    automountServiceAccountToken: false,
  };
  const workload = props.placement.perNode
    ? new kplus.DaemonSet(scope, 'Resource', workloadProps)
    : new kplus.Deployment(scope, 'Resource', { ...workloadProps, replicas: 1, strategy: kplus.DeploymentStrategy.recreate() });
  selectByLabels(workload, props.selector);
  return workload;
}
