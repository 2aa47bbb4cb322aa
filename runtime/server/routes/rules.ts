import type { FastifyInstance } from 'fastify';
import type { RuleDefinition } from '../../engine/contract';
import type { RuleManager } from '../../rules/rule-manager';
import { BadRequestError } from '../http-errors';

function ruleOf(body: unknown): RuleDefinition {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestError('request body must be a rule object {"id": "...", "sql": "SELECT ...", "actions": [{"log": {}}]}');
  }
  return body as RuleDefinition;
}

/**
 * Registers eKuiper's rule routes: POST/GET `/rules`, GET|PUT|DELETE `/rules/{id}`, POST `/rules/{id}/start|stop|
 * restart`, GET `/rules/{id}/status|topo|explain`, POST `/rules/validate`. `GET /rules` adds each rule's `origin`
 * (`config`: from the definitions file; `api`: created through REST or the CLI).
 *
 * @see https://ekuiper.org/docs/en/latest/api/restapi/rules.html
 */
export function registerRuleRoutes(app: FastifyInstance, rules: RuleManager): void {
  app.post('/rules', async (request, reply) => {
    const def = ruleOf(request.body);
    if (typeof def.id !== 'string' || def.id === '') throw new BadRequestError('rule id is required: add "id": "<rule id>" to the body');
    await rules.create(def);
    return reply.code(201).type('text/plain').send(`Rule ${def.id} was created successfully.`);
  });
  app.get('/rules', async () => rules.list());
  app.post('/rules/validate', async (request) => {
    rules.validate(ruleOf(request.body));
    return { valid: true, message: 'The rule has been successfully validated and is confirmed to be correct.' };
  });
  app.get<{ Params: { id: string } }>('/rules/:id', async (request) => rules.describe(request.params.id));
  app.put<{ Params: { id: string } }>('/rules/:id', async (request, reply) => {
    await rules.update(request.params.id, ruleOf(request.body));
    return reply.type('text/plain').send(`Rule ${request.params.id} was updated successfully.`);
  });
  app.delete<{ Params: { id: string } }>('/rules/:id', async (request, reply) => {
    await rules.delete(request.params.id);
    return reply.type('text/plain').send(`Rule ${request.params.id} is dropped.`);
  });
  for (const [verb, done] of [
    ['start', 'started'],
    ['stop', 'stopped'],
    ['restart', 'restarted'],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/rules/:id/${verb}`, async (request, reply) => {
      await rules[verb](request.params.id);
      return reply.type('text/plain').send(`Rule ${request.params.id} was ${done}.`);
    });
  }
  app.get<{ Params: { id: string } }>('/rules/:id/status', async (request) => rules.status(request.params.id));
  app.get<{ Params: { id: string } }>('/rules/:id/topo', async (request) => rules.topo(request.params.id));
  app.get<{ Params: { id: string } }>('/rules/:id/explain', async (request, reply) => reply.type('text/plain').send(rules.explain(request.params.id)));
}
