import Ajv, { ValidateFunction } from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Manifest } from './manifests';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'k8s');
/** Kubernetes quantity grammar (`resource.Quantity`). */
const QUANTITY = '^[+-]?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

/** Closes every object schema that lists properties (unknown fields fail) and drops descriptions. */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'description') continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closeObjects(s)])) : closeObjects(v);
  }
  if (out.properties && out.additionalProperties === undefined && !(schema as Record<string, unknown>)['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * Strict validator for Kubernetes 1.27 objects (and the cert-manager Certificate CRD), from the OpenAPI data
 * copied into `test/fixtures/k8s`: unknown fields fail, quantities must be strings in the quantity grammar.
 */
export class K8sSchema {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  private readonly byKind = new Map<string, string>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    const defs = JSON.parse(fs.readFileSync(path.join(FIXTURES, '_definitions.json'), 'utf8')).definitions as Record<string, any>;
    defs['io.k8s.apimachinery.pkg.api.resource.Quantity'] = { type: 'string', pattern: QUANTITY };
    for (const [name, def] of Object.entries(defs)) {
      for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
        this.byKind.set(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}|${gvk.kind}`, `k8s#/definitions/${name}`);
      }
    }
    this.ajv.addSchema({ $id: 'k8s', definitions: closeObjects(defs) });
    const certificate = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'certificate_v1.json'), 'utf8'));
    this.ajv.addSchema({ ...(closeObjects(certificate) as object), $id: 'certificate' });
    this.byKind.set('cert-manager.io/v1|Certificate', 'certificate');
  }

  /** Validation errors of one object (`[]` when valid). */
  public errors(m: Manifest): string[] {
    const key = `${m.apiVersion}|${m.kind}`;
    const ref = this.byKind.get(key);
    if (!ref) return [`no schema for ${key}`];
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(key, validate);
    }
    if (validate(m)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`);
  }
}
