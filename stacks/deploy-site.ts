import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { EXAMPLE_FLEET, Fleet, requiredSecrets, siteEndpoints } from '../lib';
import { ChartDeployment } from './chart-deployment';
import { PROJECT, StackConfig, loadStackConfig } from './config';
import { EdgeNodes, edgeNodeLabels, edgeNodeTaint } from './edge-nodes';
import { siteObjects } from './site-objects';
import { siteSecretManifests } from './site-secrets';

/** Options of {@link deploySite}; the Pulumi engine passes none. */
export interface DeploySiteOptions {
  /** Stack to deploy. @default pulumi.getStack() */
  readonly stackName?: string;
  /** Configuration bag. @default new pulumi.Config('edgestack') */
  readonly config?: pulumi.Config;
  /** Inventory. @default EXAMPLE_FLEET */
  readonly fleet?: Fleet;
}

/** Stack outputs: the site's endpoints from the inventory. */
export interface SiteOutputs {
  /** MQTT endpoint: cloud `mqtts://emqx.<domain>:8883`; edge `tcp://mosquitto.<ns>.svc.cluster.local:1883`. */
  readonly mqttEndpoint: string;
  /** Kafka bootstrap `host:port`; absent when the site runs no Kafka (gateways). */
  readonly kafkaBootstrap?: string;
  /** Rule engine REST base URL (port 9081); absent on cloud sites. */
  readonly ruleEngineRestUrl?: string;
}

/** What {@link deploySite} registered. */
export interface SiteDeployment {
  readonly config: StackConfig;
  readonly provider: k8s.Provider;
  /** Edge sites only. */
  readonly edgeNodes?: EdgeNodes;
  readonly chart: ChartDeployment;
  readonly outputs: SiteOutputs;
}

/**
 * The program of one stack, wiring only: config -> provider -> components -> outputs.
 * 1. `loadStackConfig` validates the stack's keys (throws before anything is registered);
 * 2. one explicit `k8s.Provider` for the site's cluster (kubeconfig context, or `renderYamlToDirectory`);
 * 3. edge sites: `EdgeNodes` labels and taints the listed KubeEdge nodes;
 * 4. `ChartDeployment` applies the site's chart (synthesized in memory, equal to `charts-out/<stack>/`) and
 *    the Secrets its objects reference, built from secret config;
 * 5. the endpoints become stack outputs.
 *
 * @throws StackConfigError for a missing or invalid key; Error when the fleet has no chart for the stack
 */
export function deploySite(options: DeploySiteOptions = {}): SiteDeployment {
  const stackName = options.stackName ?? pulumi.getStack();
  const fleet = options.fleet ?? EXAMPLE_FLEET;
  const config = loadStackConfig(options.config ?? new pulumi.Config(PROJECT), stackName, fleet);
  const { site, environment, siteId } = config;

  const provider = new k8s.Provider(stackName, {
    context: config.cluster.context,
    kubeconfig: config.cluster.kubeconfig,
    renderYamlToDirectory: config.cluster.renderYamlToDirectory,
    enableServerSideApply: true,
  });

  const edgeNodes =
    site.role === 'edge'
      ? new EdgeNodes(stackName, { nodes: config.edgeNodes, labels: edgeNodeLabels(site), taint: edgeNodeTaint(site), provider })
      : undefined;

  const chart = new ChartDeployment(stackName, {
    objects: siteObjects(fleet, stackName),
    provider,
    secrets: siteSecretManifests(requiredSecrets(fleet, environment, siteId), config.credentials, stackName),
    workloadDependsOn: edgeNodes?.patches,
  });

  const endpoints = siteEndpoints(fleet, environment, siteId);
  const outputs: SiteOutputs = {
    mqttEndpoint: endpoints.mqtt,
    ...(endpoints.kafkaBootstrap ? { kafkaBootstrap: endpoints.kafkaBootstrap } : {}),
    ...(endpoints.ruleEngineRest ? { ruleEngineRestUrl: endpoints.ruleEngineRest } : {}),
  };
  return { config, provider, edgeNodes, chart, outputs };
}
