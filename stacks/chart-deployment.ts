import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';

/** One Kubernetes object as cdk8s `Chart.toJson()` returns it (and as `charts-out/<chart>/*.k8s.yaml` holds it). */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [field: string]: unknown };
  readonly [field: string]: unknown;
}

/** A Secret to create from Pulumi secrets; its manifest reference (namespace/name/keys) comes from `lib/`. */
export interface SecretManifest {
  /** Namespace of the Secret. */
  readonly namespace: string;
  /** Name of the Secret, as the chart's objects reference it. */
  readonly name: string;
  /** Key to value; a secret Output, so the values are encrypted in the Pulumi state and masked in diffs. */
  readonly stringData: pulumi.Output<Record<string, string>>;
}

/** Arguments of {@link ChartDeployment}. */
export interface ChartDeploymentArgs {
  /** The chart's objects, in synth order. They must contain no `Secret` (secrets come from {@link secrets}). */
  readonly objects: readonly KubeObject[];
  /** Provider of the site's cluster; every child uses it. */
  readonly provider: k8s.Provider;
  /** Secrets the objects reference, created after the namespaces and before the other objects. @default [] */
  readonly secrets?: readonly SecretManifest[];
  /** Resources the chart's other objects must wait for, e.g. the edge NodePatches. @default [] */
  readonly workloadDependsOn?: readonly pulumi.Resource[];
}

/** Kinds applied first: every other object may live in one of these namespaces or be an instance of these CRDs. */
export const FOUNDATION_KINDS: readonly string[] = ['Namespace', 'CustomResourceDefinition'];

/**
 * Applies one cdk8s chart to one cluster, in three ordered steps:
 * 1. `foundation`: the chart's Namespaces and CustomResourceDefinitions;
 * 2. `secrets`: one `core/v1` Secret per {@link SecretManifest} (`stringData` from secret Outputs, marked as
 *    additional secret outputs), each depending on step 1;
 * 3. `workloads`: every other object, each depending on every resource of steps 1 and 2 (and on
 *    `workloadDependsOn`), so no Pod starts before its namespace, its Secrets and its nodes' labels exist.
 *
 * Steps 1 and 3 are client-side `k8s.yaml.ConfigGroup`s (v1) fed with `objs`: they expand into typed resources
 * (`kubernetes:apps/v1:StatefulSet`, ...) in this program, so each object is a resource of the stack that
 * `pulumi preview` diffs and that mock tests can see. (`yaml.v2.ConfigGroup` expands inside the provider
 * plugin, where mocks see one opaque component.) Typed resources await readiness: a StatefulSet counts as
 * created only when its rollout is complete and its replicas are ready (the provider's default await logic;
 * no object carries `pulumi.com/skipAwait`).
 *
 * @see https://www.pulumi.com/registry/packages/kubernetes/api-docs/yaml/configgroup/
 * @see https://www.pulumi.com/docs/iac/concepts/options/dependson/
 */
export class ChartDeployment extends pulumi.ComponentResource {
  /** The Namespaces and CRDs. */
  public readonly foundation: k8s.yaml.ConfigGroup;
  /** The Secrets, in the order given. */
  public readonly secrets: readonly k8s.core.v1.Secret[];
  /** Every other object of the chart. */
  public readonly workloads: k8s.yaml.ConfigGroup;

  /**
   * @param name - the chart id, e.g. `prod-dc24`
   * @throws Error when `objects` contains a Secret (charts must hold no secret value)
   */
  constructor(name: string, args: ChartDeploymentArgs, opts?: pulumi.ComponentResourceOptions) {
    super('edgestack:k8s:ChartDeployment', name, {}, opts);
    const secretObject = args.objects.find((o) => o.kind === 'Secret');
    if (secretObject) {
      throw new Error(
        `Chart ${name} contains Secret ${secretObject.metadata.namespace ?? ''}/${secretObject.metadata.name}: ` +
          'charts must hold no secret value; declare it in requiredSecrets() and let the stack create it from config',
      );
    }
    const [foundationObjects, otherObjects] = splitFoundation(args.objects);
    const childOpts = { parent: this, provider: args.provider };

    this.foundation = new k8s.yaml.ConfigGroup(`${name}-foundation`, { objs: foundationObjects.map(copy) }, childOpts);
    const foundationReady = readyResources(this.foundation);

    this.secrets = (args.secrets ?? []).map(
      (secret) =>
        new k8s.core.v1.Secret(
          `${secret.namespace}/${secret.name}`,
          { metadata: { name: secret.name, namespace: secret.namespace }, type: 'Opaque', stringData: secret.stringData },
          { ...childOpts, dependsOn: foundationReady, additionalSecretOutputs: ['data', 'stringData'] },
        ),
    );

    const extra: pulumi.Resource[] = [...this.secrets, ...(args.workloadDependsOn ?? [])];
    const workloadsWaitFor = foundationReady.apply((ready) => [...ready, ...extra]);
    this.workloads = new k8s.yaml.ConfigGroup(
      `${name}-workloads`,
      {
        objs: otherObjects.map(copy),
        transformations: [
          (_obj: unknown, resourceOpts: pulumi.CustomResourceOptions) => {
            resourceOpts.dependsOn = workloadsWaitFor;
          },
        ],
      },
      childOpts,
    );
    this.registerOutputs({});
  }
}

/** Splits objects into the {@link FOUNDATION_KINDS} and the rest, keeping synth order within each. */
export function splitFoundation(objects: readonly KubeObject[]): [KubeObject[], KubeObject[]] {
  const foundation = objects.filter((o) => FOUNDATION_KINDS.includes(o.kind));
  return [foundation, objects.filter((o) => !FOUNDATION_KINDS.includes(o.kind))];
}

/** The typed resources a ConfigGroup expanded into, as one Output (the v1 analogue of helm.v3.Chart's `ready`). */
function readyResources(group: k8s.yaml.ConfigGroup): pulumi.Output<pulumi.Resource[]> {
  return group.resources.apply((byName) => Object.values(byName) as pulumi.Resource[]);
}

/**
 * A deep copy, so that ConfigGroup transformations never mutate the caller's chart objects. A JSON round trip
 * (the objects are JSON already): `structuredClone` returns arrays of Node's main realm, which the SDK's
 * `instanceof Array` checks reject inside jest's VM context and serialize as objects.
 */
function copy(object: KubeObject): Record<string, unknown> {
  return JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
}
