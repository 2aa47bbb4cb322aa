import * as kplus from 'cdk8s-plus-27';
import { ApiObject, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';

/**
 * Makes a cdk8s-plus workload (created with `select: false`) select its pods by our own labels, and removes the
 * generated `cdk8s.io/metadata.addr` pod label so that selectors, PDBs, Services and anti-affinity all use the
 * recommended `app.kubernetes.io/*` labels.
 * @see https://cdk8s.io/docs/latest/plus/cdk8s-plus-27/workload/
 */
export function selectByLabels(workload: kplus.Workload, selector: Record<string, string>): void {
  workload.select(kplus.LabelSelector.of({ labels: selector }));
  ApiObject.of(workload).addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
}

/** Points a cdk8s-plus Service (e.g. a StatefulSet's headless Service) at our selector labels. */
export function setServiceSelector(service: kplus.Service, selector: Record<string, string>): void {
  ApiObject.of(service).addJsonPatch(JsonPatch.replace('/spec/selector', selector));
}

/**
 * Spreads a workload's replicas across hosts with a preferred podAntiAffinity on its own selector labels.
 * @param weight - preference weight 1-100 @default 100
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
 */
export function spreadAcrossHosts(scope: Construct, workload: kplus.Workload, selector: Record<string, string>, weight = 100): void {
  const peers = kplus.Pods.select(scope, 'Peers', { labels: selector });
  workload.scheduling.separate(peers, { topology: kplus.Topology.HOSTNAME, weight });
}
