import * as kplus from 'cdk8s-plus-27';
import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { markExternal } from './external-references';
import { ComponentLabels } from './labels';
import { Placement } from './placement';
import { PodDisruptionBudget } from './pod-disruption-budget';
import { addRuntimeDefaultSeccomp, restrictedPod } from './pod-security';
import { addVolumeClaimTemplates, VolumeClaimTemplate } from './statefulset-storage';
import { selectByLabels, setServiceSelector, spreadAcrossHosts } from './workload-selector';

/** Props of {@link createClusterStatefulSet}: the StatefulSet of a replicated cluster (ZooKeeper, Kafka, EMQX). */
export interface ClusterStatefulSetProps {
  /** StatefulSet name (`metadata.name`), also the name of its PodDisruptionBudget and the pod name prefix. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Component labels: `all` on the objects and pods, `selector` for `matchLabels` and the headless Service. */
  readonly labels: ComponentLabels;
  /** Headless Service (see `createHeadlessService`) governing the pods' DNS names; its selector is set here. */
  readonly headless: kplus.Service;
  /** Number of pods. */
  readonly replicas: number;
  /** Placement; its pod labels go on the pod template and its node affinity/tolerations are applied on completion. */
  readonly placement: Placement;
  /** Numeric user, group and fsGroup of the restricted pod securityContext (see {@link restrictedPod}). */
  readonly uid: number;
  /** Time a pod gets to shut down. @default Duration.seconds(30) (the cdk8s-plus and Kubernetes default) */
  readonly terminationGracePeriod?: Duration;
}

/**
 * Creates the StatefulSet of a replicated cluster with construct id `'Resource'` in `scope`: `Parallel` pod
 * management, the restricted pod securityContext, no service account token, and pods selected by the component's
 * selector labels (also set on the headless Service). Add the containers, then call {@link completeClusterStatefulSet}.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
 * @see https://cdk8s.io/docs/latest/plus/cdk8s-plus-27/stateful-set/
 */
export function createClusterStatefulSet(scope: Construct, props: ClusterStatefulSetProps): kplus.StatefulSet {
  const sts = new kplus.StatefulSet(scope, 'Resource', {
    metadata: { name: props.name, namespace: props.namespace, labels: props.labels.all },
    service: props.headless,
    replicas: props.replicas,
    select: false,
    podManagementPolicy: kplus.PodManagementPolicy.PARALLEL,
    podMetadata: { labels: { ...props.labels.all, ...props.placement.podLabels() } },
    securityContext: restrictedPod(props.uid),
    automountServiceAccountToken: false,
    terminationGracePeriod: props.terminationGracePeriod,
  });
  selectByLabels(sts, props.labels.selector);
  setServiceSelector(props.headless, props.labels.selector);
  return sts;
}

/** Props of {@link completeClusterStatefulSet}: those of {@link createClusterStatefulSet} plus storage and spreading. */
export interface ClusterStatefulSetCompletionProps extends ClusterStatefulSetProps {
  /** PersistentVolumeClaim templates, mounted in the first container (see {@link addVolumeClaimTemplates}). */
  readonly volumeClaims: readonly VolumeClaimTemplate[];
  /** Add a preferred podAntiAffinity across hosts (see {@link spreadAcrossHosts}, construct id `'Peers'`). */
  readonly spreadAcrossHosts: boolean;
  /** `Kind/name` objects the pods reference but the chart does not contain (see {@link markExternal}). @default - none */
  readonly externalReferences?: readonly string[];
}

/**
 * Completes a StatefulSet from {@link createClusterStatefulSet} once its containers are added: volume claim
 * templates, placement, optional spreading across hosts, the RuntimeDefault seccomp profile, external references,
 * and a policy/v1 PodDisruptionBudget (construct id `'Pdb'`, `maxUnavailable: 1`) named like the StatefulSet.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
export function completeClusterStatefulSet(scope: Construct, sts: kplus.StatefulSet, props: ClusterStatefulSetCompletionProps): void {
  addVolumeClaimTemplates(sts, props.volumeClaims);
  props.placement.applyTo(sts);
  if (props.spreadAcrossHosts) spreadAcrossHosts(scope, sts, props.labels.selector);
  addRuntimeDefaultSeccomp(sts);
  markExternal(sts, props.externalReferences ?? []);
  new PodDisruptionBudget(scope, 'Pdb', { name: props.name, namespace: props.namespace, labels: props.labels.all, workload: sts });
}
