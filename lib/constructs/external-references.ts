import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/** Annotation check-manifests reads to resolve references provided outside the manifests. */
export const EXTERNAL_ANNOTATION = 'check-manifests/external';

/**
 * Declares objects a workload references but the chart does not contain (Secrets created by Pulumi, the
 * cluster-provided `kube-root-ca.crt` ConfigMap) as `check-manifests/external: "Secret/a, ConfigMap/b"`.
 * @param refs - `Kind/name` entries; kept sorted and unique so synthesis is deterministic
 */
export function markExternal(resource: Construct, refs: readonly string[]): void {
  if (refs.length === 0) return;
  const api = ApiObject.of(resource);
  const previous: string | undefined = api.metadata.toJson().annotations?.[EXTERNAL_ANNOTATION];
  const all = new Set([...(previous ? previous.split(', ') : []), ...refs]);
  api.metadata.addAnnotation(EXTERNAL_ANNOTATION, [...all].sort().join(', '));
}

/** Annotation check-manifests reads to suppress rules on one object. */
export const IGNORE_ANNOTATION = 'check-manifests/ignore';
/** Annotation recording why rules are suppressed. */
export const IGNORE_REASON_ANNOTATION = 'edgestack.io/check-manifests-ignore-reason';

/**
 * Suppresses check-manifests rules on one object, recording the reason next to it. Use only for a documented
 * deviation (e.g. the hostPort of the MQTT broker in the host-port namespace).
 */
export function ignoreChecks(resource: Construct, rules: readonly string[], reason: string): void {
  const api = ApiObject.of(resource);
  api.metadata.addAnnotation(IGNORE_ANNOTATION, [...rules].sort().join(', '));
  api.metadata.addAnnotation(IGNORE_REASON_ANNOTATION, reason);
}
