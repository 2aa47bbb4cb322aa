import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** Routes reachable without a token: the liveness probe used by the container HEALTHCHECK. */
export const PUBLIC_ROUTES: readonly string[] = ['/ping'];

/** Whether `bind` is a loopback address (the only binds allowed without a token). */
export function isLoopback(bind: string): boolean {
  return bind === 'localhost' || bind === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bind);
}

/**
 * Reads the bearer token from `file` (trimmed).
 * @throws Error naming the file when it cannot be read or is empty.
 */
export function readToken(file: string): string {
  let token: string;
  try {
    token = readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new Error(`cannot read the REST token file "${file}" (EDGESTACK_REST_TOKEN_FILE): ${(err as Error).message}`);
  }
  if (!token) throw new Error(`the REST token file "${file}" (EDGESTACK_REST_TOKEN_FILE) is empty; put a random token in it`);
  return token;
}

/**
 * Requires `Authorization: Bearer <token>` on every route but {@link PUBLIC_ROUTES}; answers 401 otherwise.
 * The comparison is constant-time; neither the expected nor the given token is logged.
 *
 * @see https://datatracker.ietf.org/doc/html/rfc6750#section-2.1
 */
export function requireBearerToken(app: FastifyInstance, token: string): void {
  const expected = Buffer.from(token);
  app.addHook('onRequest', async (request, reply) => {
    if (PUBLIC_ROUTES.includes(request.url.split('?')[0] ?? '')) return;
    const header = request.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error_code: 1000, message: header ? 'invalid bearer token' : 'missing bearer token: send "Authorization: Bearer <token>"' });
    }
  });
}
