import { cloudEndpointFor, cloudSite, dataCenterSite, gatewaySite } from './site-profiles';
import { EnvironmentSpec, EnvironmentTier, Fleet } from './fleet';

function exampleEnvironment(name: string, tier: EnvironmentTier): EnvironmentSpec {
  const domain = `${name}.example.dev`;
  const cloud = cloudEndpointFor(domain);
  return {
    name,
    tier,
    sites: [
      cloudSite({ tier, domain }),
      dataCenterSite({ id: 'dc24', tier, cloud }),
      gatewaySite({ id: 'gw01', tier, cloud }),
    ],
  };
}

/**
 * The example fleet, synthesized by default: environments `dev` and `prod`, each with the sites
 * `cloud` (ZooKeeper, Kafka, EMQX), `dc24` (edge-datacenter) and `gw01` (edge-gateway).
 * Chart ids: dev-cloud, dev-dc24, dev-gw01, prod-cloud, prod-dc24, prod-gw01.
 */
export const EXAMPLE_FLEET: Fleet = {
  environments: [exampleEnvironment('dev', 'dev'), exampleEnvironment('prod', 'prod')],
};
