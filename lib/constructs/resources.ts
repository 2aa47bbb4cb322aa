import * as kplus from 'cdk8s-plus-27';
import { Size } from 'cdk8s';
import { ResourceSpec } from '../inventory/fleet';

/** Converts an inventory {@link ResourceSpec} (millicores, MiB) to cdk8s-plus container resources. */
export function toContainerResources(spec: ResourceSpec): kplus.ContainerResources {
  return {
    cpu: { request: kplus.Cpu.millis(spec.cpuRequestMillicores), limit: kplus.Cpu.millis(spec.cpuLimitMillicores) },
    memory: { request: Size.mebibytes(spec.memoryRequestMiB), limit: Size.mebibytes(spec.memoryLimitMiB) },
  };
}

/**
 * A Kubernetes quantity string for a size: `<n>Gi` when whole GiB, else `<n>Mi`.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export function sizeToQuantity(size: Size): string {
  const mib = size.toMebibytes();
  return mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;
}
