/**
 * RFC 1123 label as Kubernetes validates names: lower-case alphanumerics and '-', starting and ending alphanumeric.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
 */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** RFC 1123 subdomain (dot-separated labels, at most 253 characters). */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Kubernetes label key: optional DNS subdomain prefix and `/`, then a name of at most 63 characters.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 */
export const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** Kubernetes label value: empty, or at most 63 characters, alphanumeric at both ends, `-_.` inside. */
export const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** True when `name` is a DNS-1123 label of at most `maxLength` characters. */
export function isDnsLabel(name: unknown, maxLength = 63): name is string {
  return typeof name === 'string' && name.length <= maxLength && DNS1123_LABEL.test(name);
}
