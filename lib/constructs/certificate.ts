import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/** The cert-manager issuer that signs a {@link Certificate}. */
export interface IssuerRef {
  /** Issuer name. */
  readonly name: string;
  /** `ClusterIssuer` or `Issuer`. @default 'ClusterIssuer' */
  readonly kind?: 'ClusterIssuer' | 'Issuer';
}

/** Props of {@link Certificate}. */
export interface CertificateProps {
  /** Certificate name. */
  readonly name: string;
  /** Namespace (the Secret is created there). */
  readonly namespace: string;
  /** Secret cert-manager writes (`tls.crt`, `tls.key`, `ca.crt`). */
  readonly secretName: string;
  /** DNS names; the first is also the common name. */
  readonly dnsNames: readonly string[];
  /** Issuer. */
  readonly issuer: IssuerRef;
  /** Also write a PKCS12 keystore (`keystore.p12`) protected by the password in this Secret's key `password`. @default - none */
  readonly pkcs12PasswordSecret?: string;
  /** Labels. @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * A cert-manager.io/v1 Certificate (cert-manager must be installed with the named issuer).
 * @see https://cert-manager.io/docs/usage/certificate/
 * @throws Error when `dnsNames` is empty
 */
export class Certificate extends Construct {
  constructor(scope: Construct, id: string, props: CertificateProps) {
    super(scope, id);
    if (props.dnsNames.length === 0) throw new Error(`Certificate "${props.name}": dnsNames is empty; list at least one DNS name`);
    new ApiObject(this, 'Resource', {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
      spec: {
        secretName: props.secretName,
        commonName: props.dnsNames[0],
        dnsNames: [...props.dnsNames],
        issuerRef: { name: props.issuer.name, kind: props.issuer.kind ?? 'ClusterIssuer', group: 'cert-manager.io' },
        privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
        ...(props.pkcs12PasswordSecret
          ? { keystores: { pkcs12: { create: true, passwordSecretRef: { name: props.pkcs12PasswordSecret, key: 'password' } } } }
          : {}),
      },
    });
  }
}
