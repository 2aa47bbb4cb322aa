import { Fleet } from '../inventory/fleet';
import { RULE_ENGINE_CLOUD_SECRET, ruleEngineCloudKeys } from '../constructs/rule-engine-cloud';
import { siteNamespaces } from '../inventory/site-namespaces';
import { findSite } from './find-site';

/**
 * A Secret a site's manifests reference but never contain; the Pulumi stack creates it from Pulumi secrets.
 * Secrets written by cert-manager (`*-tls` of a Certificate in the chart) are not listed.
 */
export interface SecretRequirement {
  /** Namespace of the Secret (that of the pods using it). */
  readonly namespace: string;
  /** Secret name. */
  readonly name: string;
  /** Keys to set, each with a description of its content. */
  readonly keys: Record<string, string>;
}

/**
 * Every Secret the manifests of one site reference (volumes, `secretKeyRef`, Ingress basic auth, Certificate
 * keystore password), with the keys the pods read.
 * @throws Error when the environment or site is not in the fleet
 * @see https://kubernetes.io/docs/concepts/configuration/secret/
 */
export function requiredSecrets(fleet: Fleet, env: string, siteId: string): SecretRequirement[] {
  const site = findSite(fleet, env, siteId);
  const ns = siteNamespaces(site);
  const c = site.components;
  const out: SecretRequirement[] = [];
  if (site.role === 'cloud') {
    if (c.kafka) {
      out.push({ namespace: ns.workloads, name: 'kafka-keystore-password', keys: {
        password: 'password cert-manager uses for the PKCS12 keystore (keystore.p12) of the Kafka external listener; the brokers read it too',
      } });
    }
    if (c.emqx) {
      out.push(
        { namespace: ns.workloads, name: 'emqx-secrets', keys: {
          password: 'EMQX dashboard password of user admin',
          cookie: 'Erlang node cookie shared by all EMQX nodes (random, at least 32 characters)',
        } },
        { namespace: ns.workloads, name: 'mqtt-client-ca', keys: {
          'ca.crt': 'PEM certificate of the CA that signs the edge Mosquitto bridges\' client certificates (EMQX verifies them on 8883)',
        } },
        { namespace: ns.workloads, name: 'sysop-basic-auth', keys: {
          auth: 'htpasswd file (crypt(3) entries, e.g. SHA-512-crypt $6$) for the basic authentication of the EMQX dashboard Ingress',
        } },
      );
    }
    return out;
  }
  if (c.mosquitto && ns.hostPorts) {
    out.push({ namespace: ns.hostPorts, name: 'mosquitto-passwd', keys: {
      passwd: 'mosquitto_passwd file: the user of rule-engine-mqtt (same password) and one user per device',
    } });
    if (c.mosquitto.bridgeTopics.length > 0) {
      out.push({ namespace: ns.hostPorts, name: 'mosquitto-bridge-tls', keys: {
        'tls.crt': `PEM client certificate of the bridge, CN ${env}-${site.id}-bridge, signed by the CA in the cloud mqtt-client-ca`,
        'tls.key': 'PEM private key of that certificate',
        'ca.crt': 'PEM CA certificate that signed the cloud EMQX server certificate',
      } });
    }
  }
  if (c.ruleEngine) {
    out.push(
      { namespace: ns.workloads, name: 'rule-engine-mqtt', keys: {
        username: 'MQTT user name of the rule engine on the site Mosquitto',
        password: 'its password (also hashed in mosquitto-passwd)',
      } },
      { namespace: ns.workloads, name: 'rule-engine-rest-token', keys: { token: 'bearer token required by the rule engine REST API (port 9081)' } },
    );
    if (site.cloud) out.push({ namespace: ns.workloads, name: RULE_ENGINE_CLOUD_SECRET, keys: ruleEngineCloudKeys(env, site.id) });
  }
  if (c.mirrorMaker) {
    out.push({ namespace: ns.workloads, name: 'mirror-maker-cloud', keys: {
      username: `SCRAM-SHA-512 user on the cloud Kafka for this site's MirrorMaker 2 (e.g. mm2-${env}-${site.id})`,
      password: 'its password',
    } });
  }
  return out;
}
