import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { DEFAULT_EDGE_TAINT, EDGE_ROLE_LABEL, SITE_LABEL, SiteSpec } from '../lib';

/** A node taint `key=value:effect`. @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/ */
export interface NodeTaint {
  readonly key: string;
  /** Empty string for a key-only taint. */
  readonly value: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** Arguments of {@link EdgeNodes}. */
export interface EdgeNodesArgs {
  /** Names of the existing KubeEdge nodes of the site (from `edgestack:edgeNodes`). */
  readonly nodes: readonly string[];
  /** Labels every node gets: `node-role.kubernetes.io/edge: ""`, the site label, and the site's other node labels. */
  readonly labels: Readonly<Record<string, string>>;
  /** The site's taint, e.g. `edge=true:NoSchedule`. */
  readonly taint: NodeTaint;
  /** Provider of the site's cluster. */
  readonly provider: k8s.Provider;
}

/**
 * Labels and taints the existing KubeEdge nodes of one edge site with one `core/v1` NodePatch per node, so that
 * the site's workloads (which require these labels and tolerate this taint) schedule there and nothing else does.
 *
 * NodePatch uses server-side apply (the 4.x default): the stack owns exactly these labels and this taint.
 * `spec.taints` is an atomic list for server-side apply, so the patch sets the node's whole taint list; when
 * another field manager owns a different taint list the update fails with a conflict rather than silently
 * dropping that taint. `pulumi destroy` removes the labels and the taint again.
 *
 * @see https://www.pulumi.com/registry/packages/kubernetes/api-docs/core/v1/nodepatch/
 * @see https://www.pulumi.com/registry/packages/kubernetes/how-to-guides/managing-resources-with-server-side-apply/
 * @see https://kubeedge.io/docs/setup/install-with-keadm/ (edge nodes carry `node-role.kubernetes.io/edge: ""`)
 */
export class EdgeNodes extends pulumi.ComponentResource {
  /** One patch per node, in the order of `nodes`. */
  public readonly patches: readonly k8s.core.v1.NodePatch[];

  /**
   * @param name - the chart id, e.g. `prod-dc24`
   * @throws Error when `nodes` is empty (an edge site needs at least one node)
   */
  constructor(name: string, args: EdgeNodesArgs, opts?: pulumi.ComponentResourceOptions) {
    super('edgestack:k8s:EdgeNodes', name, {}, opts);
    if (args.nodes.length === 0) {
      throw new Error(`Edge site ${name} lists no node: set edgestack:edgeNodes to the names of its KubeEdge nodes`);
    }
    this.patches = args.nodes.map(
      (node) =>
        new k8s.core.v1.NodePatch(
          `${name}-${node}`,
          {
            metadata: { name: node, labels: { ...args.labels } },
            spec: { taints: [{ key: args.taint.key, value: args.taint.value, effect: args.taint.effect }] },
          },
          { parent: this, provider: args.provider },
        ),
    );
    this.registerOutputs({});
  }
}

/**
 * The labels of one edge site's nodes: `node-role.kubernetes.io/edge: ""` (KubeEdge's edge role), the site label
 * `edgestack.io/site: <id>`, and the site's other `nodeLabels` — exactly what the site's workloads require.
 */
export function edgeNodeLabels(site: SiteSpec): Record<string, string> {
  return { ...site.nodeLabels, [EDGE_ROLE_LABEL]: '', [SITE_LABEL]: site.id };
}

/** The taint of one edge site's nodes. @default edge=true:NoSchedule */
export function edgeNodeTaint(site: SiteSpec): NodeTaint {
  return site.taint ?? DEFAULT_EDGE_TAINT;
}
