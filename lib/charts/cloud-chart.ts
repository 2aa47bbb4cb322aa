import { Chart, ChartProps, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { Certificate } from '../constructs/certificate';
import { DashboardIngress } from '../constructs/dashboard-ingress';
import { EMQX_PORTS, EmqxCluster } from '../constructs/emqx-cluster';
import { KAFKA_EXTERNAL_PORT, KAFKA_INTERNAL_PORT, KafkaMode } from '../constructs/kafka-broker-config';
import { KafkaCluster } from '../constructs/kafka-cluster';
import { NetworkFlow } from '../constructs/network-flow';
import { Placement } from '../constructs/placement';
import { toContainerResources } from '../constructs/resources';
import { SiteNamespace } from '../constructs/site-namespace';
import { ZOOKEEPER_CLIENT_PORT, ZooKeeperEnsemble } from '../constructs/zookeeper-ensemble';
import { EnvironmentSpec, SiteSpec } from '../inventory/fleet';
import { siteNamespaces } from '../inventory/site-namespaces';
import { CLUSTER_ISSUER, ENVIRONMENT_LABEL } from './chart-id';

/** Namespace of ingress-nginx, allowed to reach the dashboards. */
export const INGRESS_NAMESPACE = 'ingress-nginx';

/** Props of {@link CloudChart}. */
export interface CloudChartProps extends ChartProps {
  /** The environment. */
  readonly env: EnvironmentSpec;
  /** The cloud site (role `cloud`, validated). */
  readonly site: SiteSpec;
}

/**
 * The cloud site of an environment, in namespace `data`: ZooKeeper, ZooKeeper-mode Kafka with an external
 * SASL_SSL listener for the edge MirrorMaker 2, EMQX, cert-manager Certificates, the EMQX dashboard Ingress with
 * basic auth, and NetworkPolicies (default deny plus each flow).
 */
export class CloudChart extends Chart {
  constructor(scope: Construct, id: string, props: CloudChartProps) {
    super(scope, id, { ...props, labels: { ...props.labels, [ENVIRONMENT_LABEL]: props.env.name } });
    const { env, site } = props;
    const domain = site.domain ?? '';
    const ns = siteNamespaces(site).workloads;
    const prod = env.tier === 'prod';
    const c = site.components;
    new SiteNamespace(this, 'Namespace', { name: ns });
    const placement = Placement.cloud(site);
    const issuer = { name: CLUSTER_ISSUER };

    let zookeeper: ZooKeeperEnsemble | undefined;
    if (c.zookeeper) {
      zookeeper = new ZooKeeperEnsemble(this, 'ZooKeeper', {
        namespace: ns, instance: id, replicas: c.zookeeper.replicas, production: prod, placement,
        storage: Size.gibibytes(c.zookeeper.storageGiB), storageClassName: site.storageClass, resources: toContainerResources(c.zookeeper.resources),
      });
      new NetworkFlow(this, 'ZooKeeperClients', {
        name: 'allow-zookeeper-clients', namespace: ns, podLabels: zookeeper.selectorLabels, ports: [ZOOKEEPER_CLIENT_PORT],
        from: [{ podLabels: { 'app.kubernetes.io/name': 'kafka' } }],
      });
      new NetworkFlow(this, 'ZooKeeperPeers', {
        name: 'allow-zookeeper-peers', namespace: ns, podLabels: zookeeper.selectorLabels, ports: [ZOOKEEPER_CLIENT_PORT, 2888, 3888],
        from: [{ podLabels: zookeeper.selectorLabels }],
      });
    }
    if (c.kafka) {
      const kafkaHosts = [`kafka-bootstrap.${domain}`, ...Array.from({ length: c.kafka.replicas }, (_, i) => `kafka-${i}.${domain}`)];
      new Certificate(this, 'KafkaCertificate', {
        name: 'kafka-external', namespace: ns, secretName: 'kafka-external-tls', dnsNames: kafkaHosts, issuer, pkcs12PasswordSecret: 'kafka-keystore-password',
      });
      const kafka = new KafkaCluster(this, 'Kafka', {
        namespace: ns, instance: id, mode: KafkaMode.ZOOKEEPER, zookeeperConnect: zookeeper?.connectString, placement,
        replicas: c.kafka.replicas, minInsyncReplicas: c.kafka.minInsyncReplicas, storage: Size.gibibytes(c.kafka.storageGiB),
        storageClassName: site.storageClass, heap: Size.mebibytes(c.kafka.heapMiB), resources: toContainerResources(c.kafka.resources),
        rackLabel: c.kafka.rackLabel, clientUtility: c.kafka.clientUtility, external: { domain },
      });
      new NetworkFlow(this, 'KafkaInternal', {
        name: 'allow-kafka-internal', namespace: ns, podLabels: kafka.selectorLabels, ports: [KAFKA_INTERNAL_PORT], from: [{ podLabels: {} }],
      });
      new NetworkFlow(this, 'KafkaExternal', {
        name: 'allow-kafka-external', namespace: ns, podLabels: kafka.selectorLabels, ports: [KAFKA_EXTERNAL_PORT], from: [{ cidr: '0.0.0.0/0' }],
      });
    }
    if (c.emqx) {
      const mqttHost = `emqx.${domain}`;
      const dashboardHost = `emqx-dashboard.${domain}`;
      new Certificate(this, 'EmqxCertificate', { name: 'emqx', namespace: ns, secretName: 'emqx-tls', dnsNames: [mqttHost], issuer });
      new Certificate(this, 'DashboardCertificate', { name: 'dashboard', namespace: ns, secretName: 'dashboard-tls', dnsNames: [dashboardHost], issuer });
      const emqx = new EmqxCluster(this, 'Emqx', {
        namespace: ns, instance: id, replicas: c.emqx.replicas, serviceType: c.emqx.serviceType, placement,
        storage: Size.gibibytes(c.emqx.storageGiB), storageClassName: site.storageClass, resources: toContainerResources(c.emqx.resources),
      });
      new DashboardIngress(this, 'DashboardIngress', {
        name: 'emqx-dashboard', namespace: ns, host: dashboardHost, serviceName: 'emqx-dashboard', servicePortName: 'dashboard', tlsSecret: 'dashboard-tls',
      });
      new NetworkFlow(this, 'EmqxPublic', {
        name: 'allow-emqx-tls', namespace: ns, podLabels: emqx.selectorLabels, ports: [EMQX_PORTS.mqtts, EMQX_PORTS.wss], from: [{ cidr: '0.0.0.0/0' }],
      });
      new NetworkFlow(this, 'EmqxInCluster', {
        name: 'allow-emqx-in-cluster', namespace: ns, podLabels: emqx.selectorLabels, ports: [EMQX_PORTS.mqtt, EMQX_PORTS.ws],
        from: [{ podLabels: {}, allNamespaces: true }],
      });
      new NetworkFlow(this, 'EmqxPeers', {
        name: 'allow-emqx-peers', namespace: ns, podLabels: emqx.selectorLabels, ports: [EMQX_PORTS.ekka, EMQX_PORTS.genrpc], from: [{ podLabels: emqx.selectorLabels }],
      });
      new NetworkFlow(this, 'EmqxDashboard', {
        name: 'allow-emqx-dashboard', namespace: ns, podLabels: emqx.selectorLabels, ports: [EMQX_PORTS.dashboard],
        from: [{ namespace: INGRESS_NAMESPACE }],
      });
    }
  }
}
