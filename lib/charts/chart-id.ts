/**
 * The id of a site's chart: `<env>-<siteId>` (e.g. `prod-dc24`). It is also the `charts-out/` folder and the
 * Pulumi stack name.
 */
export function chartId(env: string, siteId: string): string {
  return `${env}-${siteId}`;
}

/** ClusterIssuer (cert-manager) that signs the public certificates. */
export const CLUSTER_ISSUER = 'letsencrypt-production';

/** Label on every object of a chart naming its environment (check-manifests reads `dev` as the dev profile). */
export const ENVIRONMENT_LABEL = 'edgestack.io/environment';
