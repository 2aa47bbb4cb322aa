import type { FastifyInstance } from 'fastify';
import type { RuleManager } from '../../rules/rule-manager';
import { BadRequestError } from '../http-errors';

/**
 * Registers `POST /query` with `{"sql": "SELECT ..."}`: runs an ad-hoc query and streams each result row as one
 * JSON line (`application/x-ndjson`) until the client disconnects (also while the query is starting) or the server
 * closes. Errors before the first row answer as other routes do (400 bad body or SQL, 422 plan error). Backs the CLI's interactive `query`. An
 * edgestack extension: eKuiper's CLI talks to its server over RPC for this.
 */
export function registerQueryRoute(app: FastifyInstance, rules: RuleManager): void {
  const active = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...active]) end();
  });
  app.post('/query', async (request, reply) => {
    const sql = (request.body as { sql?: unknown } | null)?.sql;
    if (typeof sql !== 'string' || sql.trim() === '') throw new BadRequestError('request body must be {"sql": "SELECT ..."}');
    const stop = await rules.query(sql, (batch) => {
      for (const row of batch) reply.raw.write(`${JSON.stringify(row)}\n`);
    });
    reply.hijack();
    if (request.raw.socket.destroyed) {
      // the client left while the query's sources were connecting: no 'close' event will come any more
      await stop();
      return;
    }
    reply.raw.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-cache' });
    reply.raw.flushHeaders();
    const end = (): void => {
      if (!active.delete(end)) return;
      void stop();
      reply.raw.end();
    };
    active.add(end);
    request.raw.socket.once('close', end);
  });
}
