import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

/** A traffic source of a {@link NetworkFlow}. */
export interface FlowPeer {
  /** Pods with these labels. @default - every pod of the selected namespace(s) */
  readonly podLabels?: Record<string, string>;
  /** The peer pods' namespace. @default - the flow's own namespace */
  readonly namespace?: string;
  /** Pods of every namespace (ignores `namespace`). @default false */
  readonly allNamespaces?: boolean;
  /** A CIDR instead of pods (e.g. `0.0.0.0/0` for devices and the Internet). */
  readonly cidr?: string;
}

/** Props of {@link NetworkFlow}. */
export interface NetworkFlowProps {
  /** NetworkPolicy name, e.g. `allow-mqtt-from-rule-engine`. */
  readonly name: string;
  /** Namespace of the receiving pods. */
  readonly namespace: string;
  /** Labels of the receiving pods. */
  readonly podLabels: Record<string, string>;
  /** TCP ports opened. */
  readonly ports: readonly number[];
  /** Allowed sources. @default - any source */
  readonly from?: readonly FlowPeer[];
}

/**
 * One allowed ingress flow into a namespace that has a default-deny policy (see {@link SiteNamespace}).
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class NetworkFlow extends Construct {
  constructor(scope: Construct, id: string, props: NetworkFlowProps) {
    super(scope, id);
    const from = props.from?.map((p): kplus.k8s.NetworkPolicyPeer => {
      if (p.cidr) return { ipBlock: { cidr: p.cidr } };
      return {
        podSelector: { matchLabels: p.podLabels ?? {} },
        namespaceSelector: p.allNamespaces ? {} : p.namespace ? { matchLabels: { 'kubernetes.io/metadata.name': p.namespace } } : undefined,
      };
    });
    new kplus.k8s.KubeNetworkPolicy(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace },
      spec: {
        podSelector: { matchLabels: props.podLabels },
        policyTypes: ['Ingress'],
        ingress: [{ from, ports: props.ports.map((port) => ({ port: kplus.k8s.IntOrString.fromNumber(port), protocol: 'TCP' })) }],
      },
    });
  }
}
