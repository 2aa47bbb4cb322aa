import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { RuleManager } from '../rules/rule-manager';
import type { StreamManager } from '../rules/stream-manager';
import { requireBearerToken } from './auth';
import { toHttpError } from './http-errors';
import { registerQueryRoute } from './routes/query';
import { registerRuleRoutes } from './routes/rules';
import { registerStreamRoutes } from './routes/streams';
import { registerSystemRoutes } from './routes/system';

/** What the REST server serves. */
export interface ServerOptions {
  readonly streams: StreamManager;
  readonly rules: RuleManager;
  readonly metrics: Registry;
  readonly logger: Logger;
  /** Bearer token required on every route but `/ping`; @default none (only allowed on a loopback bind) */
  readonly token?: string;
  /** Largest request body, in bytes. @default 1048576 */
  readonly bodyLimitBytes?: number;
  /** Service start time, ms since epoch, for `GET /`. @default now */
  readonly startedAtMs?: number;
}

/**
 * Builds the eKuiper-compatible REST API (fastify): system routes, `/streams`, `/tables`, `/rules`, errors as
 * `{ error_code, message }` with 400/401/404/409/413/422. Request logs never carry the Authorization header.
 *
 * @see https://ekuiper.org/docs/en/latest/api/restapi/overview.html
 */
export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger.child({ component: 'rest' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes ?? 1048576,
    forceCloseConnections: true,
  });
  if (options.token !== undefined) requireBearerToken(app, options.token);
  app.setErrorHandler(async (err, request, reply) => {
    const { status, body } = toHttpError(err);
    if (status >= 500) request.log.error({ err: body.message, url: request.url }, 'request failed');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({ error_code: 1002, message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );
  registerSystemRoutes(app, options.metrics, options.startedAtMs ?? Date.now());
  registerStreamRoutes(app, options.streams, 'stream');
  registerStreamRoutes(app, options.streams, 'table');
  registerRuleRoutes(app, options.rules);
  registerQueryRoute(app, options.rules);
  return app;
}
