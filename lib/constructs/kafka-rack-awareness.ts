import * as kplus from 'cdk8s-plus-27';
import { ApiObject, JsonPatch, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { restrictedContainer } from './pod-security';

/** Props of {@link KafkaRackAwareness}. */
export interface KafkaRackAwarenessProps {
  /** Namespace of the brokers. */
  readonly namespace: string;
  /** Labels on the RBAC objects. */
  readonly labels: Record<string, string>;
  /** Node label whose value becomes `broker.rack`, e.g. `topology.kubernetes.io/zone`. */
  readonly nodeLabel: string;
  /** kubectl image for the init container. @default 'bitnami/kubectl:1.27.16' */
  readonly image?: string;
  /** Container uid. */
  readonly uid: number;
}

/** File the init container writes the rack into; the broker reads it at start. */
export const KAFKA_RACK_FILE = '/etc/kafka-rack/rack';

/**
 * Rack awareness from a node label. Pods cannot read node labels through the downward API, so an init container
 * reads its node's label with a least-privilege ServiceAccount (ClusterRole `get nodes`) and writes it to
 * {@link KAFKA_RACK_FILE}. The API token is a projected volume mounted only into the init container; the broker
 * container gets no token.
 * @see https://kafka.apache.org/documentation/#basic_ops_racks
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#launch-a-pod-using-service-account-token-projection
 */
export class KafkaRackAwareness extends Construct {
  /** ServiceAccount name the broker pods use. */
  public readonly serviceAccountName: string;
  private readonly props: KafkaRackAwarenessProps;

  constructor(scope: Construct, id: string, props: KafkaRackAwarenessProps) {
    super(scope, id);
    this.props = props;
    this.serviceAccountName = 'kafka';
    const roleName = `edgestack-${props.namespace}-kafka-node-reader`;
    new kplus.k8s.KubeServiceAccount(this, 'ServiceAccount', {
      metadata: { name: this.serviceAccountName, namespace: props.namespace, labels: props.labels },
      automountServiceAccountToken: false,
    });
    new kplus.k8s.KubeClusterRole(this, 'ClusterRole', {
      metadata: { name: roleName, labels: props.labels },
      rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }],
    });
    new kplus.k8s.KubeClusterRoleBinding(this, 'ClusterRoleBinding', {
      metadata: { name: roleName, labels: props.labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
      subjects: [{ kind: 'ServiceAccount', name: this.serviceAccountName, namespace: props.namespace }],
    });
  }

  /**
   * Adds the init container, the rack volume and the projected token to the StatefulSet, and returns the rack
   * volume for the broker container to mount read-only at `/etc/kafka-rack`.
   */
  public addTo(sts: kplus.StatefulSet): kplus.Volume {
    const rack = kplus.Volume.fromEmptyDir(this, 'RackVolume', 'rack');
    const label = this.props.nodeLabel.replace(/\./g, '\\.');
    sts.addInitContainer({
      name: 'rack',
      image: this.props.image ?? 'bitnami/kubectl:1.27.16',
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      command: ['sh', '-c', `kubectl get node "$NODE_NAME" -o jsonpath='{.metadata.labels.${label}}' > ${KAFKA_RACK_FILE}`],
      envVariables: { NODE_NAME: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_NAME) },
      resources: {
        cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(200) },
        memory: { request: Size.mebibytes(32), limit: Size.mebibytes(128) },
      },
      securityContext: restrictedContainer(this.props.uid),
      volumeMounts: [{ path: '/etc/kafka-rack', volume: rack }],
    });
    const api = ApiObject.of(sts);
    api.addJsonPatch(JsonPatch.add('/spec/template/spec/serviceAccountName', this.serviceAccountName));
    api.addJsonPatch(JsonPatch.add('/spec/template/spec/volumes/-', {
      name: 'api-token',
      projected: {
        defaultMode: 0o440,
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 3600 } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    }));
    api.addJsonPatch(JsonPatch.add('/spec/template/spec/initContainers/0/volumeMounts/-', {
      name: 'api-token', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true,
    }));
    return rack;
  }
}
