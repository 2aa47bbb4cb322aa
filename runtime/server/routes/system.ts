import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

/** Version reported by `GET /`. */
export const VERSION = '0.1.0';

/**
 * Registers `GET /` (`{ version, os, upTimeSeconds }`), `GET /ping` (200, empty: the liveness probe) and
 * `GET /metrics` (Prometheus text format).
 *
 * @see https://ekuiper.org/docs/en/latest/api/restapi/overview.html
 */
export function registerSystemRoutes(app: FastifyInstance, metrics: Registry, startedAtMs: number): void {
  app.get('/', async () => ({ version: VERSION, os: process.platform, upTimeSeconds: Math.floor((Date.now() - startedAtMs) / 1000) }));
  app.get('/ping', async (_request, reply) => reply.code(200).send());
  app.get('/metrics', async (_request, reply) => reply.type(metrics.contentType).send(await metrics.metrics()));
}
