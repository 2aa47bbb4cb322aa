import * as kplus from 'cdk8s-plus-27';
import { ApiObject, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';

/** One Service port; `targetPort` is the container port's name. */
export interface NamedServicePort {
  /** Port name (IANA_SVC_NAME), also the container port name it targets. */
  readonly name: string;
  /** Service port number. */
  readonly port: number;
  /** Fixed node port (NodePort/LoadBalancer only). @default - allocated by Kubernetes */
  readonly nodePort?: number;
}

/** Props of {@link createService}. */
export interface ServiceOptions {
  /** Service name. */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Labels on the Service. */
  readonly labels: Record<string, string>;
  /** Pod selector. */
  readonly selector: Record<string, string>;
  /** Ports; each targets the container port of the same name. */
  readonly ports: readonly NamedServicePort[];
  /** Service type. @default 'ClusterIP' */
  readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /** Annotations. @default - none */
  readonly annotations?: Record<string, string>;
}

/**
 * A Service (L1 object, so no cdk8s-plus defaults such as `externalIPs: []`), ports targeting named container ports.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
export function createService(scope: Construct, id: string, options: ServiceOptions): kplus.k8s.KubeService {
  return new kplus.k8s.KubeService(scope, id, {
    metadata: { name: options.name, namespace: options.namespace, labels: options.labels, annotations: options.annotations },
    spec: {
      type: options.type ?? 'ClusterIP',
      selector: options.selector,
      ports: options.ports.map((p) => ({
        name: p.name,
        port: p.port,
        targetPort: kplus.k8s.IntOrString.fromString(p.name),
        protocol: 'TCP',
        nodePort: p.nodePort,
      })),
    },
  });
}

/** Props of {@link createHeadlessService}. */
export interface HeadlessServiceOptions {
  /** Service name (the StatefulSet's `serviceName`). */
  readonly name: string;
  /** Namespace. */
  readonly namespace: string;
  /** Labels on the Service. */
  readonly labels: Record<string, string>;
  /** Ports (per-pod DNS records exist for each). */
  readonly ports: readonly NamedServicePort[];
}

/**
 * A headless Service (`clusterIP: None`, `publishNotReadyAddresses: true` so peers resolve each other before they
 * are ready) to pass as a cdk8s-plus StatefulSet's `service`; the StatefulSet adds its selector.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id
 */
export function createHeadlessService(scope: Construct, id: string, options: HeadlessServiceOptions): kplus.Service {
  const svc = new kplus.Service(scope, id, {
    metadata: { name: options.name, namespace: options.namespace, labels: options.labels },
    clusterIP: 'None',
    ports: options.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port, protocol: kplus.Protocol.TCP })),
  });
  ApiObject.of(svc).addJsonPatch(JsonPatch.add('/spec/publishNotReadyAddresses', true));
  return svc;
}
