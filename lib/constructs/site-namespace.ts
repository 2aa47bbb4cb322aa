import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

/** Pod Security Standards level. @see https://kubernetes.io/docs/concepts/security/pod-security-standards/ */
export enum PodSecurityLevel {
  RESTRICTED = 'restricted',
  BASELINE = 'baseline',
  PRIVILEGED = 'privileged',
}

/** Kubernetes minor version pinned in the Pod Security labels. */
export const POD_SECURITY_VERSION = 'v1.27';

/** Props of {@link SiteNamespace}. */
export interface SiteNamespaceProps {
  /** Namespace name. */
  readonly name: string;
  /** Enforced Pod Security level. @default PodSecurityLevel.RESTRICTED */
  readonly enforce?: PodSecurityLevel;
  /** Why a level below `restricted` is needed; required for anything but `restricted`, kept as an annotation. */
  readonly reason?: string;
  /** Extra labels. @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * A Namespace with Pod Security admission labels (`enforce`, plus `audit` and `warn` at `restricted`) and a
 * default-deny ingress NetworkPolicy; components then open each flow they need with {@link NetworkFlow}.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-admission/
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic
 */
export class SiteNamespace extends Construct {
  /** Namespace name. */
  public readonly name: string;

  constructor(scope: Construct, id: string, props: SiteNamespaceProps) {
    super(scope, id);
    const enforce = props.enforce ?? PodSecurityLevel.RESTRICTED;
    if (enforce !== PodSecurityLevel.RESTRICTED && !props.reason) {
      throw new Error(`SiteNamespace "${props.name}": Pod Security level "${enforce}" needs a documented reason; set props.reason`);
    }
    this.name = props.name;
    new kplus.k8s.KubeNamespace(this, 'Resource', {
      metadata: {
        name: props.name,
        labels: {
          ...props.labels,
          'pod-security.kubernetes.io/enforce': enforce,
          'pod-security.kubernetes.io/enforce-version': POD_SECURITY_VERSION,
          'pod-security.kubernetes.io/audit': PodSecurityLevel.RESTRICTED,
          'pod-security.kubernetes.io/audit-version': POD_SECURITY_VERSION,
          'pod-security.kubernetes.io/warn': PodSecurityLevel.RESTRICTED,
          'pod-security.kubernetes.io/warn-version': POD_SECURITY_VERSION,
        },
        annotations: props.reason ? { 'edgestack.io/pod-security-reason': props.reason } : undefined,
      },
    });
    new kplus.k8s.KubeNetworkPolicy(this, 'DefaultDeny', {
      metadata: { name: `default-deny-ingress-${props.name}`, namespace: props.name },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
  }
}
