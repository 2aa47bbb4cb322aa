import { DNS1123_SUBDOMAIN, LABEL_KEY, LABEL_VALUE, isDnsLabel } from './dns';
import { EDGE_PROFILES, EnvironmentSpec, Fleet, ResourceSpec, SiteComponents, SiteSpec } from './fleet';
import { InventoryError } from './inventory-error';
import { SITE_LABEL } from './node-labels';

/** Longest allowed site id: `edge-<id>-host` namespaces and `<env>-<id>` chart ids must stay DNS-1123 labels. */
export const MAX_SITE_ID_LENGTH = 40;
/** Longest allowed environment name. */
export const MAX_ENV_NAME_LENGTH = 20;

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const HOST_PORT = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?:[0-9]{1,5}$/;
const CLOUD_ONLY: readonly (keyof SiteComponents)[] = ['zookeeper', 'emqx'];
const EDGE_ONLY: readonly (keyof SiteComponents)[] = ['mosquitto', 'ruleEngine', 'mirrorMaker'];
const GATEWAY_EXCLUDED: readonly (keyof SiteComponents)[] = ['kafka', 'mirrorMaker'];

/**
 * Validates a fleet inventory before synthesis. Every rule names the site, the field, the value and the fix.
 *
 * Rules: DNS-1123 environment names and site ids (unique per environment, one cloud site per environment);
 * known role and edge profile; edge sites have a cloud endpoint and node labels; ZooKeeper ensembles are odd and
 * at least 3 in `prod`; Kafka `minInsyncReplicas` is at most `replicas`; KRaft edge Kafka is a single node;
 * anonymous MQTT only in `dev`; components match the role and profile; sizes are positive integers.
 *
 * @param fleet - the inventory to check
 * @throws InventoryError on the first invalid field
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
export function validateFleet(fleet: Fleet): void {
  if (!fleet || !Array.isArray(fleet.environments) || fleet.environments.length === 0) {
    throw new InventoryError('fleet', 'fleet', 'environments', fleet?.environments, 'a fleet needs at least one environment',
      'add an environment such as { name: "dev", tier: "dev", sites: [...] }');
  }
  const envNames = new Set<string>();
  for (const env of fleet.environments) {
    validateEnvironment(env, envNames);
  }
}

function validateEnvironment(env: EnvironmentSpec, seen: Set<string>): void {
  const where = `environment "${env.name}"`;
  if (!isDnsLabel(env.name, MAX_ENV_NAME_LENGTH)) {
    throw new InventoryError(where, String(env.name), 'name', env.name, `not a DNS-1123 label of at most ${MAX_ENV_NAME_LENGTH} characters`,
      'use lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. "prod")');
  }
  if (seen.has(env.name)) {
    throw new InventoryError(where, env.name, 'name', env.name, 'duplicate environment name', 'give each environment a unique name');
  }
  seen.add(env.name);
  if (env.tier !== 'dev' && env.tier !== 'prod') {
    throw new InventoryError(where, env.name, 'tier', env.tier, 'unknown tier', 'use "dev" or "prod"');
  }
  const ids = new Set<string>();
  for (const site of env.sites) {
    validateSite(env, site, ids);
  }
  const clouds = env.sites.filter((s) => s.role === 'cloud').length;
  if (clouds !== 1) {
    throw new InventoryError(where, env.name, 'sites', `${clouds} cloud sites`, 'an environment needs exactly one cloud site',
      'keep one site with role "cloud" in this environment');
  }
}

function validateSite(env: EnvironmentSpec, site: SiteSpec, ids: Set<string>): void {
  const key = `${env.name}/${site.id}`;
  const fail = (field: string, value: unknown, problem: string, fix: string): never => {
    throw new InventoryError(`site "${key}"`, key, field, value, problem, fix);
  };
  if (!isDnsLabel(site.id, MAX_SITE_ID_LENGTH)) {
    fail('id', site.id, `not a DNS-1123 label of at most ${MAX_SITE_ID_LENGTH} characters`,
      'use lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. "dc24")');
  }
  if (ids.has(site.id)) {
    fail('id', site.id, `duplicate site id in environment "${env.name}"`, 'give each site of an environment a unique id');
  }
  ids.add(site.id);
  const role: unknown = site.role;
  if (role !== 'cloud' && role !== 'edge') {
    fail('role', role, 'unknown role', 'use "cloud" or "edge"');
  }
  const profile: unknown = site.profile;
  if (site.role === 'edge' && !EDGE_PROFILES.includes(profile as never)) {
    fail('profile', profile, 'unknown edge profile', `use one of ${EDGE_PROFILES.map((p) => `"${p}"`).join(', ')}`);
  }
  if (site.role === 'cloud' && profile !== undefined) {
    fail('profile', profile, 'a cloud site has no edge profile', 'remove the profile or set role "edge"');
  }
  for (const [k, v] of Object.entries(site.nodeLabels ?? {})) {
    if (!LABEL_KEY.test(k)) fail(`nodeLabels["${k}"]`, k, 'not a valid label key', 'use an optional DNS prefix and a name of at most 63 characters');
    if (!LABEL_VALUE.test(v)) fail(`nodeLabels["${k}"]`, v, 'not a valid label value', 'use at most 63 alphanumerics, "-", "_" or "."');
  }
  if (site.taint && (!LABEL_KEY.test(site.taint.key) || !TAINT_EFFECTS.includes(site.taint.effect))) {
    fail('taint', site.taint, 'not a valid taint', 'use a label-style key, a value and an effect NoSchedule, PreferNoSchedule or NoExecute');
  }
  if (site.storageClass !== undefined && !DNS1123_SUBDOMAIN.test(site.storageClass)) {
    fail('storageClass', site.storageClass, 'not a DNS-1123 subdomain', 'name an existing StorageClass (e.g. "local-path") or leave it unset');
  }
  if (site.role === 'edge') {
    validateEdge(site, fail);
  } else {
    if (site.domain === undefined || !DNS1123_SUBDOMAIN.test(site.domain)) {
      fail('domain', site.domain, 'a cloud site needs its public DNS domain', 'set domain to e.g. "prod.example.dev"');
    }
  }
  validateComponents(env, site, fail);
}

type Fail = (field: string, value: unknown, problem: string, fix: string) => never;

function validateEdge(site: SiteSpec, fail: Fail): void {
  const cloud = site.cloud;
  if (!cloud) {
    fail('cloud', cloud, 'an edge site needs the endpoint of its cloud site', 'set cloud to { mqttHost, mqttPort: 8883, kafkaBootstrap: "host:9094" }');
    return;
  }
  if (typeof cloud.mqttHost !== 'string' || !DNS1123_SUBDOMAIN.test(cloud.mqttHost)) {
    fail('cloud.mqttHost', cloud.mqttHost, 'not a DNS host name', 'set the cloud EMQX host name, e.g. "emqx.prod.example.dev"');
  }
  if (!Number.isInteger(cloud.mqttPort) || cloud.mqttPort < 1 || cloud.mqttPort > 65535) {
    fail('cloud.mqttPort', cloud.mqttPort, 'not a TCP port', 'use the cloud EMQX TLS port, 8883');
  }
  if (typeof cloud.kafkaBootstrap !== 'string' || !HOST_PORT.test(cloud.kafkaBootstrap)) {
    fail('cloud.kafkaBootstrap', cloud.kafkaBootstrap, 'not a host:port', 'set the cloud Kafka external bootstrap, e.g. "kafka-bootstrap.prod.example.dev:9094"');
  }
  if (Object.keys(site.nodeLabels ?? {}).length === 0) {
    fail('nodeLabels', site.nodeLabels, 'an edge site needs a node label so its workloads stay on its own nodes',
      `set nodeLabels to { "${SITE_LABEL}": "${site.id}" } and label the site's nodes with it`);
  }
}

function validateComponents(env: EnvironmentSpec, site: SiteSpec, fail: Fail): void {
  const c = site.components ?? {};
  const present = (Object.keys(c) as (keyof SiteComponents)[]).filter((k) => c[k] !== undefined);
  for (const name of present) {
    if (site.role === 'edge' && CLOUD_ONLY.includes(name)) fail(`components.${name}`, name, 'runs only on a cloud site', `remove components.${name}`);
    if (site.role === 'cloud' && EDGE_ONLY.includes(name)) fail(`components.${name}`, name, 'runs only on an edge site', `remove components.${name}`);
    if (site.profile === 'edge-gateway' && GATEWAY_EXCLUDED.includes(name)) {
      fail(`components.${name}`, name, 'an edge-gateway (Raspberry-Pi class) site runs only Mosquitto and the rule engine',
        `remove components.${name} or use profile "edge-datacenter"`);
    }
  }
  if (c.zookeeper) {
    const r = c.zookeeper.replicas;
    positiveInt('components.zookeeper.replicas', r, fail);
    if (env.tier === 'prod' && (r % 2 === 0 || r < 3)) {
      fail('components.zookeeper.replicas', r, 'a prod ZooKeeper ensemble needs an odd number of servers, at least 3, to keep a quorum',
        `set components.zookeeper.replicas to ${r < 3 ? 3 : r + 1}`);
    }
    positiveInt('components.zookeeper.storageGiB', c.zookeeper.storageGiB, fail);
    checkResources('components.zookeeper.resources', c.zookeeper.resources, fail);
  }
  if (c.kafka) {
    const k = c.kafka;
    positiveInt('components.kafka.replicas', k.replicas, fail);
    positiveInt('components.kafka.minInsyncReplicas', k.minInsyncReplicas, fail);
    if (k.minInsyncReplicas > k.replicas) {
      fail('components.kafka.minInsyncReplicas', k.minInsyncReplicas, `greater than components.kafka.replicas (${k.replicas}), so no write could ever be acknowledged`,
        `set components.kafka.minInsyncReplicas to at most ${k.replicas}`);
    }
    const mode = site.role === 'cloud' ? 'zookeeper' : 'kraft';
    if (k.mode !== mode) fail('components.kafka.mode', k.mode, `a ${site.role} site runs Kafka in ${mode} mode`, `set components.kafka.mode to "${mode}"`);
    if (k.mode === 'kraft' && k.replicas !== 1) {
      fail('components.kafka.replicas', k.replicas, 'edge Kafka is a single KRaft node (no HA at the edge)', 'set components.kafka.replicas to 1');
    }
    if (k.mode === 'zookeeper' && !c.zookeeper) {
      fail('components.zookeeper', undefined, 'Kafka in zookeeper mode needs a ZooKeeper ensemble on the site', 'add components.zookeeper');
    }
    positiveInt('components.kafka.storageGiB', k.storageGiB, fail);
    checkResources('components.kafka.resources', k.resources, fail);
    checkHeap('components.kafka.heapMiB', k.heapMiB, k.resources, fail);
  }
  if (c.emqx) {
    positiveInt('components.emqx.replicas', c.emqx.replicas, fail);
    positiveInt('components.emqx.storageGiB', c.emqx.storageGiB, fail);
    checkResources('components.emqx.resources', c.emqx.resources, fail);
  }
  if (c.mosquitto) {
    if (c.mosquitto.allowAnonymous && env.tier !== 'dev') {
      fail('components.mosquitto.allowAnonymous', true, `anonymous MQTT is allowed only in a dev environment, and "${env.name}" is ${env.tier}`,
        'set components.mosquitto.allowAnonymous to false and give clients credentials');
    }
    nonNegativeInt('components.mosquitto.storageGiB', c.mosquitto.storageGiB, fail);
    nonNegativeInt('components.mosquitto.maxQueuedMessages', c.mosquitto.maxQueuedMessages, fail);
    checkResources('components.mosquitto.resources', c.mosquitto.resources, fail);
  }
  if (c.ruleEngine) {
    if (c.ruleEngine.mode !== 'deployment' && c.ruleEngine.mode !== 'daemonset') {
      fail('components.ruleEngine.mode', c.ruleEngine.mode, 'unknown mode', 'use "deployment" or "daemonset"');
    }
    nonNegativeInt('components.ruleEngine.storageGiB', c.ruleEngine.storageGiB, fail);
    checkResources('components.ruleEngine.resources', c.ruleEngine.resources, fail);
  }
  if (c.mirrorMaker) {
    if (!c.kafka) fail('components.mirrorMaker', 'mirrorMaker', 'MirrorMaker 2 replicates the site Kafka, which is missing', 'add components.kafka or remove components.mirrorMaker');
    if (c.mirrorMaker.topics.length === 0) fail('components.mirrorMaker.topics', [], 'no topic to replicate', 'list the topics to replicate, e.g. ["alarms"]');
    checkResources('components.mirrorMaker.resources', c.mirrorMaker.resources, fail);
    checkHeap('components.mirrorMaker.heapMiB', c.mirrorMaker.heapMiB, c.mirrorMaker.resources, fail);
  }
}

function positiveInt(field: string, v: unknown, fail: Fail): void {
  if (!Number.isInteger(v) || (v as number) < 1) fail(field, v, 'not a positive integer', `set ${field} to an integer of at least 1`);
}

function nonNegativeInt(field: string, v: unknown, fail: Fail): void {
  if (!Number.isInteger(v) || (v as number) < 0) fail(field, v, 'not a non-negative integer', `set ${field} to 0 or more`);
}

function checkResources(field: string, r: ResourceSpec, fail: Fail): void {
  for (const k of ['cpuRequestMillicores', 'memoryRequestMiB', 'cpuLimitMillicores', 'memoryLimitMiB'] as const) {
    positiveInt(`${field}.${k}`, r?.[k], fail);
  }
  if (r.cpuRequestMillicores > r.cpuLimitMillicores) {
    fail(`${field}.cpuRequestMillicores`, r.cpuRequestMillicores, `above the CPU limit (${r.cpuLimitMillicores})`, 'lower the request or raise the limit');
  }
  if (r.memoryRequestMiB > r.memoryLimitMiB) {
    fail(`${field}.memoryRequestMiB`, r.memoryRequestMiB, `above the memory limit (${r.memoryLimitMiB})`, 'lower the request or raise the limit');
  }
}

function checkHeap(field: string, heapMiB: number, r: ResourceSpec, fail: Fail): void {
  positiveInt(field, heapMiB, fail);
  if (heapMiB > r.memoryLimitMiB * 0.8) {
    fail(field, heapMiB, `leaves less than 20% of the memory limit (${r.memoryLimitMiB} MiB) for off-heap memory`,
      `set ${field} to at most ${Math.floor(r.memoryLimitMiB * 0.8)} or raise the memory limit`);
  }
}
