import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { builtinConnectors } from '../../runtime/connectors/builtin';
import { loadConfig } from '../../runtime/config/load-config';
import { type Service, type ServiceOptions, startService } from '../../runtime/main';

/** A fresh temporary data directory. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'edgestack-data-'));
}

/**
 * Starts the service in-process on a free loopback port, configured only through the environment (as the
 * container is), with `MQTT_SOURCE__DEFAULT__SERVERS=[<broker>]`.
 */
export function startTestService(env: Record<string, string>, options: ServiceOptions = {}): Promise<Service> {
  const config = loadConfig({ EDGESTACK_REST_PORT: '0', EDGESTACK_LOG_LEVEL: 'silent', ...env }, builtinConnectors(), undefined);
  return startService(config, { logger: pino({ level: process.env.EDGESTACK_TEST_LOG ?? 'silent' }), ...options });
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

/** A response as fastify.inject gives it (inject itself cannot load under jest: light-my-request needs ESM cookie@2). */
export interface HttpResult {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Record<string, string>;
  json(): any;
}

/** Sends one request over loopback HTTP; a string payload is sent verbatim as JSON text. */
export async function httpCall(base: string, method: string, path: string, payload?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: payload !== undefined ? { 'content-type': 'application/json', ...headers } : headers,
    body: payload !== undefined ? (typeof payload === 'string' ? payload : JSON.stringify(payload)) : undefined,
  });
  const body = await res.text();
  return { statusCode: res.status, body, headers: Object.fromEntries(res.headers.entries()), json: () => JSON.parse(body) };
}
