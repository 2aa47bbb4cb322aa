import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { builtinConnectors } from '../../runtime/connectors/builtin';
import { loadConfig } from '../../runtime/config/load-config';
import { type Service, startService } from '../../runtime/main';

/** A fresh temporary data directory. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'edgestack-data-'));
}

/**
 * Starts the service in-process on a free loopback port, configured only through the environment (as the
 * container is), with `MQTT_SOURCE__DEFAULT__SERVERS=[<broker>]`.
 */
export function startTestService(env: Record<string, string>): Promise<Service> {
  const config = loadConfig({ EDGESTACK_REST_PORT: '0', EDGESTACK_LOG_LEVEL: 'silent', ...env }, builtinConnectors(), undefined);
  return startService(config, { logger: pino({ level: process.env.EDGESTACK_TEST_LOG ?? 'silent' }) });
}

/** A small REST client for tests: JSON bodies, returns status and parsed body (text when not JSON). */
export async function rest(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body !== undefined ? { 'content-type': 'application/json', ...headers } : headers,
    body: body !== undefined ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}
