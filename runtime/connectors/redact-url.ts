/**
 * Returns `url` fit for logs and error messages: a password in its user info is replaced by `***`
 * (`tcp://edge:s3cret@broker:1883` → `tcp://edge:***@broker:1883`). mqtt.js accepts credentials in the URL, so
 * a broker URL may carry the MQTT password; it must never be logged. Text that is not a URL is returned as is.
 *
 * @param url a connector URL, e.g. an MQTT `server` or a REST sink `url`
 * @returns the URL without its password
 */
export function redactUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!m) return url;
  const [prefix, scheme, authority] = m as unknown as [string, string, string];
  const at = authority.lastIndexOf('@');
  const colon = authority.indexOf(':');
  if (at < 0 || colon < 0 || colon > at) return url;
  return `${scheme}${authority.slice(0, colon)}:***${authority.slice(at)}${url.slice(prefix.length)}`;
}
