import type { FastifyInstance } from 'fastify';
import type { StreamDefinition } from '../../engine/contract';
import type { StreamKind, StreamManager } from '../../rules/stream-manager';
import { BadRequestError } from '../http-errors';

function sqlOf(body: unknown, kind: StreamKind): string {
  const sql = (body as { sql?: unknown } | null)?.sql;
  if (typeof sql !== 'string' || sql.trim() === '') {
    throw new BadRequestError(`request body must be {"sql": "CREATE ${kind.toUpperCase()} ..."}`);
  }
  return sql;
}

const title = (kind: StreamKind): string => (kind === 'stream' ? 'Stream' : 'Table');

/** eKuiper's describe body: `{ Name, StreamType, StreamFields: [{ Name, FieldType }], Options, Statement }`. */
export function describeBody(def: StreamDefinition): Record<string, unknown> {
  return {
    Name: def.name,
    StreamType: def.kind,
    StreamFields: def.columns.map((c) => ({ Name: c.name, FieldType: c.type })),
    Options: def.options,
    Statement: def.sql,
  };
}

/**
 * Registers `/streams` or `/tables`: POST `{sql}` (201), GET list, GET|PUT|DELETE `/{name}`, GET `/{name}/schema`.
 *
 * @see https://ekuiper.org/docs/en/latest/api/restapi/streams.html
 */
export function registerStreamRoutes(app: FastifyInstance, streams: StreamManager, kind: StreamKind): void {
  const base = `/${kind}s`;
  app.post(base, async (request, reply) => {
    const def = streams.create(kind, sqlOf(request.body, kind));
    return reply.code(201).type('text/plain').send(`${title(kind)} ${def.name} is created.`);
  });
  app.get(base, async () => streams.list(kind));
  app.get<{ Params: { name: string } }>(`${base}/:name`, async (request) => describeBody(streams.describe(kind, request.params.name)));
  app.get<{ Params: { name: string } }>(`${base}/:name/schema`, async (request) => {
    const def = streams.describe(kind, request.params.name);
    return Object.fromEntries(def.columns.map((c) => [c.name, { type: c.type }]));
  });
  app.put<{ Params: { name: string } }>(`${base}/:name`, async (request, reply) => {
    const def = await streams.replace(kind, request.params.name, sqlOf(request.body, kind));
    return reply.type('text/plain').send(`${title(kind)} ${def.name} is updated.`);
  });
  app.delete<{ Params: { name: string } }>(`${base}/:name`, async (request, reply) => {
    streams.drop(kind, request.params.name);
    return reply.type('text/plain').send(`${title(kind)} ${request.params.name} is dropped.`);
  });
}
