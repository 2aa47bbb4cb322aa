import * as kplus from 'cdk8s-plus-27';
import { Size } from 'cdk8s';
import { Construct } from 'constructs';

/** Props of {@link createDataVolume}. */
export interface DataVolumeProps {
  /** Name of the PersistentVolumeClaim, e.g. `mosquitto-data`. */
  readonly claimName: string;
  /** Namespace of the claim. */
  readonly namespace: string;
  /** Labels on the claim. */
  readonly labels: Record<string, string>;
  /** Requested size; without it the volume is an emptyDir. @default - emptyDir (data lives as long as the pod) */
  readonly storage?: Size;
  /** StorageClass of the claim. @default - the cluster's default StorageClass */
  readonly storageClassName?: string;
}

/**
 * The `data` volume of a single-replica workload: a ReadWriteOnce PersistentVolumeClaim (construct id `'Data'`)
 * when `storage` is set, else an emptyDir. The volume itself has construct id `'DataVolume'` in `scope`.
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
 */
export function createDataVolume(scope: Construct, props: DataVolumeProps): kplus.Volume {
  if (!props.storage) return kplus.Volume.fromEmptyDir(scope, 'DataVolume', 'data');
  const claim = new kplus.PersistentVolumeClaim(scope, 'Data', {
    metadata: { name: props.claimName, namespace: props.namespace, labels: props.labels },
    storage: props.storage,
    storageClassName: props.storageClassName,
    accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
  });
  return kplus.Volume.fromPersistentVolumeClaim(scope, 'DataVolume', claim, { name: 'data' });
}
