import * as kplus from 'cdk8s-plus-27';
import { DEFAULT_EDGE_TAINT, EDGE_ROLE_LABEL } from '../inventory/node-labels';
import { SiteSpec, TaintSpec } from '../inventory/fleet';

/** Options of {@link Placement.edgeSite}. */
export interface EdgePlacementOptions {
  /**
   * One pod per edge node of the site (a DaemonSet) instead of a replicated Deployment/StatefulSet.
   * @default false
   */
  readonly perNode?: boolean;
}

/** Pod label that marks an edge workload (check-manifests reads any label value `edge` as an edge marker). */
export const PLACEMENT_LABEL = 'edgestack.io/placement';

/**
 * Where a workload runs. Every workload goes through one `Placement`:
 * - {@link Placement.cloud}: required nodeAffinity `node-role.kubernetes.io/edge DoesNotExist` (plus the site's node labels);
 * - {@link Placement.edgeSite}: required nodeAffinity `node-role.kubernetes.io/edge Exists` and every site node label,
 *   plus a toleration of the site taint (default `edge=true:NoSchedule`); `perNode` selects the DaemonSet mode.
 *
 * KubeEdge labels edge nodes `node-role.kubernetes.io/edge=""`, so `DoesNotExist` (not `NotIn ["true"]`) is what
 * keeps cloud pods off them.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity
 * @see https://cdk8s.io/docs/latest/plus/cdk8s-plus-27/pod/#scheduling
 */
export class Placement {
  /** Cloud placement: never on edge nodes. */
  public static cloud(site?: SiteSpec): Placement {
    return new Placement(false, site?.nodeLabels ?? {}, undefined, false);
  }

  /**
   * Edge placement on the nodes of one site.
   * @throws Error when the site is not an edge site
   */
  public static edgeSite(site: SiteSpec, options: EdgePlacementOptions = {}): Placement {
    if (site.role !== 'edge') {
      throw new Error(`Placement.edgeSite: site "${site.id}" has role "${site.role}"; use Placement.cloud() for cloud sites`);
    }
    return new Placement(true, site.nodeLabels, site.taint ?? DEFAULT_EDGE_TAINT, options.perNode ?? false);
  }

  private constructor(
    /** True for edge placement. */
    public readonly isEdge: boolean,
    /** Node labels the pods require. */
    public readonly nodeLabels: Readonly<Record<string, string>>,
    /** Taint tolerated (edge only). */
    public readonly taint: TaintSpec | undefined,
    /** DaemonSet mode (one pod per matching node). */
    public readonly perNode: boolean,
  ) {}

  /** Labels to add to the pod template (`edgestack.io/placement: edge` for edge pods, none for cloud pods). */
  public podLabels(): Record<string, string> {
    return this.isEdge ? { [PLACEMENT_LABEL]: 'edge' } : {};
  }

  /** Applies the node affinity and tolerations to a workload or pod. */
  public applyTo(target: { readonly scheduling: kplus.PodScheduling }): void {
    const site = Object.entries(this.nodeLabels).map(([k, v]) => kplus.NodeLabelQuery.is(k, v));
    if (!this.isEdge) {
      target.scheduling.attract(kplus.Node.labeled(kplus.NodeLabelQuery.doesNotExist(EDGE_ROLE_LABEL), ...site));
      return;
    }
    target.scheduling.attract(kplus.Node.labeled(kplus.NodeLabelQuery.exists(EDGE_ROLE_LABEL), ...site));
    const taint = this.taint ?? DEFAULT_EDGE_TAINT;
    const effect = taint.effect as kplus.TaintEffect;
    const query = taint.value
      ? kplus.NodeTaintQuery.is(taint.key, taint.value, { effect })
      : kplus.NodeTaintQuery.exists(taint.key, { effect });
    target.scheduling.tolerate(kplus.Node.tainted(query));
  }
}
