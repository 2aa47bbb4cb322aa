import * as kplus from 'cdk8s-plus-27';
import { ApiObject, JsonPatch, Size } from 'cdk8s';
import { sizeToQuantity } from './resources';

/** One PersistentVolumeClaim template and where the first container mounts it. */
export interface VolumeClaimTemplate {
  /** Claim (and volume mount) name, e.g. `data`. */
  readonly name: string;
  /** Requested size. */
  readonly size: Size;
  /** Mount path in the first container. */
  readonly mountPath: string;
  /** StorageClass. @default - the cluster's default StorageClass */
  readonly storageClassName?: string;
}

/**
 * Adds `spec.volumeClaimTemplates` to a cdk8s-plus-27 StatefulSet (which does not model them) and mounts each claim
 * in the first container, through JSON patches kept in this one helper.
 *
 * Sizes go in as `k8s.Quantity` objects: cdk8s-plus-27 runs patched objects through its L1 mappers, which silently
 * drop a plain string quantity. The first container must already have at least one volume mount.
 * Delete this helper when cdk8s-plus gains volumeClaimTemplates (cdk8s-team/cdk8s-plus#6382).
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates
 */
export function addVolumeClaimTemplates(sts: kplus.StatefulSet, claims: readonly VolumeClaimTemplate[]): void {
  const api = ApiObject.of(sts);
  api.addJsonPatch(JsonPatch.add('/spec/volumeClaimTemplates', claims.map((c) => ({
    metadata: { name: c.name },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: c.storageClassName,
      resources: { requests: { storage: kplus.k8s.Quantity.fromString(sizeToQuantity(c.size)) } },
    },
  }))));
  for (const c of claims) {
    api.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/volumeMounts/-', { name: c.name, mountPath: c.mountPath }));
  }
}
