import { TaintSpec } from './fleet';

/**
 * Label KubeEdge puts on every edge node (with an empty value).
 * Edge workloads require it to exist; cloud workloads require it to be absent.
 * @see https://kubeedge.io/docs/setup/install-with-keadm/
 */
export const EDGE_ROLE_LABEL = 'node-role.kubernetes.io/edge';

/** Label carrying the site id on every node of a site (e.g. `edgestack.io/site=dc24`). */
export const SITE_LABEL = 'edgestack.io/site';

/**
 * Default taint of edge nodes, `edge=true:NoSchedule`; edge workloads tolerate it.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */
export const DEFAULT_EDGE_TAINT: TaintSpec = { key: 'edge', value: 'true', effect: 'NoSchedule' };

/** Formats a taint as `key[=value]:Effect` (the kubectl taint syntax). */
export function taintToString(taint: TaintSpec): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}
