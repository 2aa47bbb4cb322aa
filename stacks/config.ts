import * as pulumi from '@pulumi/pulumi';
import { z } from 'zod';
import { EXAMPLE_FLEET, Fleet, SiteSpec, chartId } from '../lib';
import { ConfigKeySpec, ConfigReader } from './config-reader';
import { CREDENTIAL_SPECS, SiteCredentials, withRuleEngineUser } from './credentials';
import { credentialsNeeded } from './site-secrets';
import { stackFileOf } from './stack-config-error';

/** Pulumi project name (`name:` in `Pulumi.yaml`); every key of this program is `edgestack:<key>`. */
export const PROJECT = 'edgestack';

/** DNS-1123 label (environment and site ids). @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/ */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** DNS-1123 subdomain, the form of Node names. */
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The plain (non-secret) keys of a stack, with the description used in errors. */
export const CONFIG_KEYS = {
  environment: { key: 'environment', description: 'the environment name, e.g. prod' },
  site: { key: 'site', description: 'the site id, e.g. dc24' },
  kubeContext: { key: 'kubeContext', description: "the kubeconfig context of the site's cluster" },
  kubeconfig: { key: 'kubeconfig', description: 'kubeconfig contents or path (secret); default: $KUBECONFIG or ~/.kube/config' },
  renderYamlToDirectory: { key: 'renderYamlToDirectory', description: 'render manifests to this folder instead of applying them' },
  edgeNodes: { key: 'edgeNodes', description: 'names of the KubeEdge nodes of this edge site, a YAML list' },
} as const satisfies Record<string, ConfigKeySpec>;

/** Where the site's objects are applied: one explicit `k8s.Provider` per stack. */
export interface ClusterTarget {
  /** kubeconfig context of the site's cluster (required: a stack never applies to the ambient current context). */
  readonly context: string;
  /** kubeconfig contents or path, as a secret. @default - `$KUBECONFIG`, then `~/.kube/config` */
  readonly kubeconfig?: pulumi.Output<string>;
  /** Render the manifests into this folder instead of applying them (no cluster needed). @default - apply */
  readonly renderYamlToDirectory?: string;
}

/** Everything the program needs for one stack, validated. */
export interface StackConfig {
  /** Stack name; equals the chart id `<environment>-<siteId>` and the `charts-out/` folder. */
  readonly stackName: string;
  /** Settings file of the stack, `stacks/config/Pulumi.<stack>.yaml`. */
  readonly stackFile: string;
  /** Environment name, e.g. `prod`. */
  readonly environment: string;
  /** Site id, e.g. `dc24`. */
  readonly siteId: string;
  /** The site's entry in the fleet inventory. */
  readonly site: SiteSpec;
  /** Target cluster. */
  readonly cluster: ClusterTarget;
  /** KubeEdge node names to label and taint; empty on cloud sites. */
  readonly edgeNodes: readonly string[];
  /** Secret credentials for the Secrets the site's manifests reference. */
  readonly credentials: SiteCredentials;
}

/**
 * Reads and validates one stack's configuration, in one place. Pure apart from reading `cfg`.
 *
 * Checks, in order: `edgestack:environment` and `edgestack:site` are DNS-1123 labels, name a site of `fleet`,
 * and form the stack name (`<environment>-<site>`); `edgestack:kubeContext` is set; edge sites list their
 * KubeEdge nodes in `edgestack:edgeNodes` (cloud sites must not); each credential set the site's Secrets need
 * is set as a secret and well formed.
 *
 * @param cfg - the project's configuration, `new pulumi.Config('edgestack')`
 * @param stackName - the stack being run, `pulumi.getStack()`
 * @param fleet - inventory the site is looked up in @default EXAMPLE_FLEET
 * @throws StackConfigError naming the key, `stacks/config/Pulumi.<stack>.yaml` and the `pulumi config set` command
 */
export function loadStackConfig(cfg: pulumi.Config, stackName: string, fleet: Fleet = EXAMPLE_FLEET): StackConfig {
  const reader = new ConfigReader(cfg, stackName);
  const environment = reader.requireString(CONFIG_KEYS.environment, DNS_LABEL, 'a DNS-1123 label');
  const siteId = reader.requireString(CONFIG_KEYS.site, DNS_LABEL, 'a DNS-1123 label');
  const site = findSite(reader, fleet, environment, siteId);
  const expected = chartId(environment, siteId);
  if (expected !== stackName) {
    throw reader.invalid(
      CONFIG_KEYS.site.key,
      `environment ${JSON.stringify(environment)} and site ${JSON.stringify(siteId)} make the chart id ${expected}, ` +
        `but the stack is ${stackName}; the stack name must equal the chart id`,
      false,
    );
  }
  const cluster: ClusterTarget = {
    context: reader.requireString(CONFIG_KEYS.kubeContext),
    kubeconfig: reader.optionalSecretString(CONFIG_KEYS.kubeconfig),
    renderYamlToDirectory: reader.optionalString(CONFIG_KEYS.renderYamlToDirectory),
  };
  return {
    stackName,
    stackFile: stackFileOf(stackName),
    environment,
    siteId,
    site,
    cluster,
    edgeNodes: readEdgeNodes(reader, site),
    credentials: readCredentials(reader, fleet, environment, site),
  };
}

function findSite(reader: ConfigReader, fleet: Fleet, environment: string, siteId: string): SiteSpec {
  const env = fleet.environments.find((e) => e.name === environment);
  if (!env) {
    const known = fleet.environments.map((e) => e.name).join(', ');
    throw reader.invalid(CONFIG_KEYS.environment.key, `environment ${JSON.stringify(environment)} is not in the fleet inventory (known: ${known})`, false);
  }
  const site = env.sites.find((s) => s.id === siteId);
  if (!site) {
    const known = env.sites.map((s) => s.id).join(', ');
    throw reader.invalid(CONFIG_KEYS.site.key, `site ${JSON.stringify(siteId)} is not in environment ${environment} of the fleet inventory (known: ${known})`, false);
  }
  return site;
}

const edgeNodeList = z
  .array(z.string().regex(DNS_SUBDOMAIN, { error: 'node names are DNS-1123 subdomains' }), { error: 'expected a list of node names' })
  .min(1, { error: 'expected at least one node' })
  .refine((nodes) => new Set(nodes).size === nodes.length, { error: 'node names must be unique' });

function readEdgeNodes(reader: ConfigReader, site: SiteSpec): readonly string[] {
  if (site.role === 'cloud') {
    if (reader.has(CONFIG_KEYS.edgeNodes.key)) {
      throw reader.invalid(CONFIG_KEYS.edgeNodes.key, 'cloud sites patch no node; remove the key', false);
    }
    return [];
  }
  return reader.requireObject(CONFIG_KEYS.edgeNodes, edgeNodeList);
}

function readCredentials(reader: ConfigReader, fleet: Fleet, environment: string, site: SiteSpec): SiteCredentials {
  const needed = new Set(credentialsNeeded(fleet, environment, site.id));
  const credentials: Record<string, pulumi.Output<unknown>> = {};
  for (const spec of CREDENTIAL_SPECS) {
    if (!needed.has(spec.key)) continue;
    const schema = spec.key === 'mosquittoUsers' && site.components.ruleEngine ? withRuleEngineUser(spec.schema) : spec.schema;
    credentials[spec.key] =
      spec.form === 'string' ? reader.requireSecretString(spec, schema as z.ZodType<string>) : reader.requireSecretObject(spec, schema);
  }
  return credentials as SiteCredentials;
}
