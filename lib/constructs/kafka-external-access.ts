import { Construct } from 'constructs';
import { KAFKA_EXTERNAL_PORT } from './kafka-broker-config';
import { ignoreChecks } from './external-references';
import { createService } from './service';

/** Props of {@link KafkaExternalAccess}. */
export interface KafkaExternalAccessProps {
  readonly namespace: string;
  /** Labels on the Services. */
  readonly labels: Record<string, string>;
  /** Broker pod selector labels. */
  readonly selector: Record<string, string>;
  /** Number of brokers. */
  readonly replicas: number;
  /** Public DNS domain. */
  readonly domain: string;
  /** Service type. */
  readonly serviceType: 'LoadBalancer' | 'NodePort';
}

/**
 * External access to the SASL_SSL listener: a bootstrap Service `kafka-external-bootstrap`
 * (`kafka-bootstrap.<domain>`) and one Service per broker `kafka-<n>-external` (`kafka-<n>.<domain>`, the name
 * the broker advertises), selected by `statefulset.kubernetes.io/pod-name`. The host names are set with the
 * external-dns annotation; without external-dns, create these DNS records by hand.
 * @see https://kafka.apache.org/documentation/#listener_configuration
 * @see https://github.com/kubernetes-sigs/external-dns/blob/master/docs/annotations/annotations.md
 */
export class KafkaExternalAccess extends Construct {
  constructor(scope: Construct, id: string, props: KafkaExternalAccessProps) {
    super(scope, id);
    const port = [{ name: 'external', port: KAFKA_EXTERNAL_PORT }];
    createService(this, 'Bootstrap', {
      name: 'kafka-external-bootstrap', namespace: props.namespace, labels: props.labels, selector: props.selector, ports: port, type: props.serviceType,
      annotations: { 'external-dns.alpha.kubernetes.io/hostname': `kafka-bootstrap.${props.domain}` },
    });
    for (let i = 0; i < props.replicas; i++) {
      const svc = createService(this, `Broker${i}`, {
        name: `kafka-${i}-external`, namespace: props.namespace, labels: props.labels, type: props.serviceType, ports: port,
        selector: { ...props.selector, 'statefulset.kubernetes.io/pod-name': `kafka-${i}` },
        annotations: { 'external-dns.alpha.kubernetes.io/hostname': `kafka-${i}.${props.domain}` },
      });
      ignoreChecks(svc, ['bp/service-selects-nothing'], 'statefulset.kubernetes.io/pod-name is set on each pod by the StatefulSet controller, not in the template');
    }
  }
}
