import { readFileSync } from 'node:fs';
import { ConnectorConfigError } from './spec';

/**
 * Reads a PEM file named by a connector property (CA, client certificate or key), for MQTT and Kafka TLS settings.
 * @param path the file path from the property; absent means "not configured"
 * @param key the property name, for the error message (e.g. `rootCaPath`)
 * @param where the connector instance, for the error message (e.g. `mqtt sink "demoSink"`)
 * @returns the file's bytes, or `undefined` when `path` is empty
 * @throws ConnectorConfigError naming the property, the path and the fix when the file cannot be read
 */
export function readPem(path: string | undefined, key: string, where: string): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConnectorConfigError(`${where}: cannot read ${key} "${path}": ${(err as Error).message}; fix the path or mount the file`);
  }
}
