import * as kplus from 'cdk8s-plus-27';
import { ApiObject, JsonPatch } from 'cdk8s';

/**
 * Container securityContext meeting Pod Security `restricted`: non-root numeric user, no privilege escalation,
 * all capabilities dropped, read-only root filesystem (writable paths come from emptyDir volumes).
 * @param uid - numeric user and group id the image runs as
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export function restrictedContainer(uid: number): kplus.ContainerSecurityContextProps {
  return {
    ensureNonRoot: true,
    user: uid,
    group: uid,
    privileged: false,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL' as kplus.Capability] },
  };
}

/**
 * Pod securityContext: non-root user/group, and an fsGroup so mounted volumes are writable.
 * Pair it with {@link addRuntimeDefaultSeccomp} (cdk8s-plus-27 has no seccompProfile field).
 * @param uid - numeric user, group and fsGroup
 */
export function restrictedPod(uid: number): kplus.PodSecurityContextProps {
  return { ensureNonRoot: true, user: uid, group: uid, fsGroup: uid, fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH };
}

/**
 * Sets `securityContext.seccompProfile.type: RuntimeDefault` on the pod spec of a workload or pod
 * (a JSON patch: cdk8s-plus-27 does not model the field).
 * @see https://kubernetes.io/docs/tutorials/security/seccomp/
 */
export function addRuntimeDefaultSeccomp(resource: kplus.AbstractPod): void {
  const specPath = resource instanceof kplus.Pod ? '/spec' : '/spec/template/spec';
  ApiObject.of(resource).addJsonPatch(JsonPatch.add(`${specPath}/securityContext/seccompProfile`, { type: 'RuntimeDefault' }));
}
