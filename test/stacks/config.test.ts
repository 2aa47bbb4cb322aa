import * as pulumi from '@pulumi/pulumi';
import { loadStackConfig } from '../../stacks/config';
import { promiseOf } from './mock-engine';
import { stackFileConfig, testSecrets } from './stack-files';

/** Loads `stack` with the given full keys (as the CLI would pass them) and nothing else. */
function load(stack: string, config: Record<string, string>) {
  pulumi.runtime.setAllConfig(config);
  return loadStackConfig(new pulumi.Config('edgestack'), stack);
}

/** The stack file's keys plus test secrets, with `changes` applied (`undefined` removes a key). */
function configOf(stack: string, changes: Record<string, string | undefined> = {}): Record<string, string> {
  const all: Record<string, string | undefined> = { ...stackFileConfig(stack), ...testSecrets(stack), ...changes };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

describe('loadStackConfig', () => {
  it('reads an edge stack: site, cluster, nodes and the credentials its Secrets need, as secrets', async () => {
    const config = load('prod-dc24', configOf('prod-dc24'));
    expect(config).toMatchObject({
      stackName: 'prod-dc24',
      stackFile: 'stacks/config/Pulumi.prod-dc24.yaml',
      environment: 'prod',
      siteId: 'dc24',
      site: { id: 'dc24', role: 'edge', profile: 'edge-datacenter' },
      cluster: { context: 'prod-kubeedge' },
      edgeNodes: ['prod-dc24-node1'],
    });
    expect(Object.keys(config.credentials).sort()).toEqual(['mirrorMakerCloudUser', 'mosquittoUsers', 'ruleEngineCloud', 'ruleEngineRestToken']);
    expect(await pulumi.isSecret(config.credentials.ruleEngineRestToken!)).toBe(true);
    expect(await pulumi.isSecret(config.credentials.mosquittoUsers!)).toBe(true);
    expect(await promiseOf(config.credentials.mirrorMakerCloudUser!)).toEqual({ username: 'mm2-prod-dc24', password: 'pw-prod-dc24-mm2-0123456789' });
    expect(await pulumi.isSecret(config.credentials.ruleEngineCloud!)).toBe(true);
    expect(await promiseOf(config.credentials.ruleEngineCloud!)).toMatchObject({ kafkaUsername: 'rule-engine-prod-dc24', kafkaPassword: 'pw-prod-dc24-rule-engine-kafka-0123456789' });
  });

  it('reads a cloud stack with no node and the cloud credentials', () => {
    const config = load('dev-cloud', configOf('dev-cloud'));
    expect(config.edgeNodes).toEqual([]);
    expect(Object.keys(config.credentials).sort()).toEqual(['basicAuthUsers', 'emqx', 'kafkaKeystorePassword', 'mqttClientCa']);
  });

  it('names the key, the stack file and the command when a plain key is missing', () => {
    expect(() => load('prod-dc24', configOf('prod-dc24', { 'edgestack:site': undefined }))).toThrow(
      "Missing configuration key 'edgestack:site' (the site id, e.g. dc24) for stack prod-dc24 in stacks/config/Pulumi.prod-dc24.yaml. " +
        'Set it with: pulumi config set edgestack:site <value> --stack prod-dc24',
    );
    expect(() => load('prod-dc24', configOf('prod-dc24', { 'edgestack:kubeContext': undefined }))).toThrow(
      "Missing configuration key 'edgestack:kubeContext' (the kubeconfig context of the site's cluster) for stack prod-dc24",
    );
  });

  it('tells to use --secret when a secret is missing', () => {
    expect(() => load('dev-gw01', configOf('dev-gw01', { 'edgestack:ruleEngineRestToken': undefined }))).toThrow(
      "Missing configuration key 'edgestack:ruleEngineRestToken' (bearer token of the rule engine REST API) for stack dev-gw01 in " +
        'stacks/config/Pulumi.dev-gw01.yaml. Set it with: pulumi config set --secret edgestack:ruleEngineRestToken <value> --stack dev-gw01',
    );
  });

  it('rejects a malformed secret without quoting it', () => {
    const short = 'too-short-token';
    expect(() => load('dev-gw01', configOf('dev-gw01', { 'edgestack:ruleEngineRestToken': short }))).toThrow(
      "Invalid configuration key 'edgestack:ruleEngineRestToken' for stack dev-gw01 in stacks/config/Pulumi.dev-gw01.yaml: " +
        'value: the token must be at least 32 characters. Set it with: pulumi config set --secret edgestack:ruleEngineRestToken <value> --stack dev-gw01',
    );
    const broken = '{"rule-engine": "not closed';
    let message = '';
    try {
      load('dev-gw01', configOf('dev-gw01', { 'edgestack:mosquittoUsers': broken }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      "Invalid configuration key 'edgestack:mosquittoUsers' for stack dev-gw01 in stacks/config/Pulumi.dev-gw01.yaml: the value is not valid JSON. " +
        'Set it with: pulumi config set --secret edgestack:mosquittoUsers <value> --stack dev-gw01',
    );
    expect(message).not.toContain('not closed');
  });

  it('requires the rule engine account among the Mosquitto users of a site with a rule engine', () => {
    expect(() => load('prod-gw01', configOf('prod-gw01', { 'edgestack:mosquittoUsers': JSON.stringify({ 'sensor-01': 'sensor-password-01' }) }))).toThrow(
      "Invalid configuration key 'edgestack:mosquittoUsers' for stack prod-gw01 in stacks/config/Pulumi.prod-gw01.yaml: " +
        'value: expected a user "rule-engine" (the rule engine\'s account, also written to the Secret rule-engine-mqtt)',
    );
    expect(() => load('prod-gw01', configOf('prod-gw01', { 'edgestack:mosquittoUsers': JSON.stringify({ 'rule-engine': 'short' }) }))).toThrow(
      "Invalid configuration key 'edgestack:mosquittoUsers' for stack prod-gw01 in stacks/config/Pulumi.prod-gw01.yaml: rule-engine: passwords must be at least 12 characters",
    );
  });

  it('requires the stack name to be the chart id', () => {
    expect(() => load('prod-dc24', configOf('prod-dc24', { 'edgestack:site': 'gw01' }))).toThrow(
      "Invalid configuration key 'edgestack:site' for stack prod-dc24 in stacks/config/Pulumi.prod-dc24.yaml: environment \"prod\" and site \"gw01\" " +
        'make the chart id prod-gw01, but the stack is prod-dc24; the stack name must equal the chart id',
    );
  });

  it('rejects a site or environment the fleet does not have', () => {
    expect(() => load('prod-dc99', configOf('prod-dc24', { 'edgestack:site': 'dc99' }))).toThrow(
      'site "dc99" is not in environment prod of the fleet inventory (known: cloud, dc24, gw01)',
    );
    expect(() => load('qa-dc24', configOf('prod-dc24', { 'edgestack:environment': 'qa' }))).toThrow(
      "Invalid configuration key 'edgestack:environment' for stack qa-dc24 in stacks/config/Pulumi.qa-dc24.yaml: environment \"qa\" is not in the fleet inventory (known: dev, prod)",
    );
    expect(() => load('prod-DC24', configOf('prod-dc24', { 'edgestack:site': 'DC24' }))).toThrow(
      "Invalid configuration key 'edgestack:site' for stack prod-DC24 in stacks/config/Pulumi.prod-DC24.yaml: value \"DC24\" is not a DNS-1123 label",
    );
  });

  it('requires the node list on edge sites and refuses it on cloud sites', () => {
    expect(() => load('dev-gw01', configOf('dev-gw01', { 'edgestack:edgeNodes': undefined }))).toThrow(
      "Missing configuration key 'edgestack:edgeNodes' (names of the KubeEdge nodes of this edge site, a YAML list) for stack dev-gw01",
    );
    expect(() => load('dev-gw01', configOf('dev-gw01', { 'edgestack:edgeNodes': '[]' }))).toThrow(
      "Invalid configuration key 'edgestack:edgeNodes' for stack dev-gw01 in stacks/config/Pulumi.dev-gw01.yaml: value: expected at least one node",
    );
    expect(() => load('dev-gw01', configOf('dev-gw01', { 'edgestack:edgeNodes': '["Pi_1"]' }))).toThrow(
      "Invalid configuration key 'edgestack:edgeNodes' for stack dev-gw01 in stacks/config/Pulumi.dev-gw01.yaml: 0: node names are DNS-1123 subdomains",
    );
    expect(() => load('dev-cloud', configOf('dev-cloud', { 'edgestack:edgeNodes': '["n1"]' }))).toThrow(
      "Invalid configuration key 'edgestack:edgeNodes' for stack dev-cloud in stacks/config/Pulumi.dev-cloud.yaml: cloud sites patch no node; remove the key",
    );
  });
});
