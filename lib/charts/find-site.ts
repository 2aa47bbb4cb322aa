import { Fleet, SiteSpec } from '../inventory/fleet';

/**
 * Looks a site up by environment name and site id.
 * @throws Error naming the known environments or sites when not found
 */
export function findSite(fleet: Fleet, env: string, siteId: string): SiteSpec {
  const environment = fleet.environments.find((e) => e.name === env);
  if (!environment) {
    throw new Error(`Unknown environment "${env}"; the fleet has ${fleet.environments.map((e) => `"${e.name}"`).join(', ')}`);
  }
  const site = environment.sites.find((s) => s.id === siteId);
  if (!site) {
    throw new Error(`Unknown site "${siteId}" in environment "${env}"; it has ${environment.sites.map((s) => `"${s.id}"`).join(', ')}`);
  }
  return site;
}
