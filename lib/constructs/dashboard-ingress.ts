import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { markExternal } from './external-references';

/** Props of {@link DashboardIngress}. */
export interface DashboardIngressProps {
  /** Ingress name. */
  readonly name: string;
  readonly namespace: string;
  /** Public host name. */
  readonly host: string;
  /** Backend Service and its port name. */
  readonly serviceName: string;
  readonly servicePortName: string;
  /** TLS Secret (from a cert-manager Certificate). */
  readonly tlsSecret: string;
  /** Secret with an htpasswd file under key `auth` for basic authentication. @default 'sysop-basic-auth' */
  readonly basicAuthSecret?: string;
  /** IngressClass. @default 'nginx' */
  readonly ingressClassName?: string;
  /** Labels. @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * An ingress-nginx Ingress in front of a dashboard, with TLS and HTTP basic authentication from a Secret.
 * @see https://kubernetes.github.io/ingress-nginx/examples/auth/basic/
 */
export class DashboardIngress extends Construct {
  constructor(scope: Construct, id: string, props: DashboardIngressProps) {
    super(scope, id);
    const auth = props.basicAuthSecret ?? 'sysop-basic-auth';
    const ingress = new kplus.k8s.KubeIngress(this, 'Resource', {
      metadata: {
        name: props.name,
        namespace: props.namespace,
        labels: props.labels,
        annotations: {
          'nginx.ingress.kubernetes.io/auth-type': 'basic',
          'nginx.ingress.kubernetes.io/auth-secret': auth,
          'nginx.ingress.kubernetes.io/auth-realm': 'Authentication required',
          'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true',
        },
      },
      spec: {
        ingressClassName: props.ingressClassName ?? 'nginx',
        tls: [{ hosts: [props.host], secretName: props.tlsSecret }],
        rules: [{
          host: props.host,
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: props.serviceName, port: { name: props.servicePortName } } } }] },
        }],
      },
    });
    markExternal(ingress, [`Secret/${auth}`, `Secret/${props.tlsSecret}`]);
  }
}
