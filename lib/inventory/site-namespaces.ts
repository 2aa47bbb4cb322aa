import { SiteSpec } from './fleet';

/** Namespace of the cloud site's workloads (ZooKeeper, Kafka, EMQX), Pod Security `restricted`. */
export const CLOUD_NAMESPACE = 'data';

/** The namespaces one site's chart creates. */
export interface SiteNamespaceNames {
  /** Namespace of the site's workloads, Pod Security `restricted`. */
  readonly workloads: string;
  /**
   * Edge sites only: namespace of the workloads that need host ports (the MQTT listener that LAN devices reach on
   * the node's address, since edge nodes have no ClusterIP/NodePort proxy without EdgeMesh). Pod Security
   * `privileged` enforce, with `restricted` audit and warn.
   */
  readonly hostPorts?: string;
}

/** The namespace names of a site: `data` for the cloud, `edge-<id>` and `edge-<id>-host` for an edge site. */
export function siteNamespaces(site: SiteSpec): SiteNamespaceNames {
  if (site.role === 'cloud') return { workloads: CLOUD_NAMESPACE };
  return { workloads: `edge-${site.id}`, hostPorts: `edge-${site.id}-host` };
}
