import * as kplus from 'cdk8s-plus-27';
import { Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { componentLabels } from './labels';
import { Placement } from './placement';
import { addRuntimeDefaultSeccomp, restrictedContainer, restrictedPod } from './pod-security';

/** Props of {@link KafkaClientPod}. */
export interface KafkaClientPodProps {
  readonly namespace: string;
  /** `app.kubernetes.io/instance` value. */
  readonly instance: string;
  /** Image with the Kafka CLI tools (same as the brokers). */
  readonly image: string;
  /** Bootstrap address, exported as `KAFKA_BOOTSTRAP`. */
  readonly bootstrap: string;
  /** Placement (same as the brokers). */
  readonly placement: Placement;
}

/**
 * The opt-in client-utility Pod `kafka-client`: an idle container with the Kafka CLI, for
 * `kubectl exec -n <ns> kafka-client -- kafka-topics --bootstrap-server "$KAFKA_BOOTSTRAP" --list`.
 * @see https://kafka.apache.org/documentation/#basic_ops
 */
export class KafkaClientPod extends Construct {
  constructor(scope: Construct, id: string, props: KafkaClientPodProps) {
    super(scope, id);
    const labels = componentLabels('kafka-client', props.instance, 'tools');
    const pod = new kplus.Pod(this, 'Resource', {
      metadata: { name: 'kafka-client', namespace: props.namespace, labels: { ...labels.all, ...props.placement.podLabels() } },
      securityContext: restrictedPod(1000),
      automountServiceAccountToken: false,
      isolate: false,
      volumes: [],
    });
    const tmp = kplus.Volume.fromEmptyDir(this, 'Tmp', 'tmp');
    const toolsAvailable = kplus.Probe.fromCommand(['test', '-x', '/usr/bin/kafka-topics'], { periodSeconds: Duration.seconds(60) });
    pod.addContainer({
      name: 'tools',
      image: props.image,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      command: ['sleep', 'infinity'],
      envVariables: { KAFKA_BOOTSTRAP: kplus.EnvValue.fromValue(props.bootstrap), LOG_DIR: kplus.EnvValue.fromValue('/tmp') },
      liveness: toolsAvailable,
      readiness: kplus.Probe.fromCommand(['test', '-x', '/usr/bin/kafka-topics'], { periodSeconds: Duration.seconds(30) }),
      resources: {
        cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(256), limit: Size.mebibytes(768) },
      },
      securityContext: restrictedContainer(1000),
      volumeMounts: [{ path: '/tmp', volume: tmp }],
    });
    props.placement.applyTo(pod);
    addRuntimeDefaultSeccomp(pod);
  }
}
