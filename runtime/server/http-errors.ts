import { ConflictError, NotFoundError, PlanError } from '../engine/errors';
import { SqlSyntaxError } from '../sql';
import { ConnectorConfigError } from '../connectors/spec';
import { UnknownConnectorError } from '../connectors/registry';

/** eKuiper's error body: `{ "error_code": 1000, "message": "..." }`. */
export interface ErrorBody {
  readonly error_code: number;
  readonly message: string;
}

/** An error raised by a route for a bad request body or parameter (400). */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

/**
 * Maps an error to an HTTP status and eKuiper's error body: `SqlSyntaxError` and bad bodies 400, `NotFoundError`
 * 404, `ConflictError` 409, `PlanError` and invalid connector properties 422, body over the limit 413,
 * anything else 500. Codes follow `pkg/errorx/error_code.go` (1000 generic, 1002 not found, 2001 parser,
 * 2101 plan).
 *
 * @see https://ekuiper.org/docs/en/latest/api/restapi/overview.html
 */
export function toHttpError(err: unknown): { status: number; body: ErrorBody } {
  const e = err as Error & { statusCode?: number; code?: string };
  if (err instanceof SqlSyntaxError) return { status: 400, body: { error_code: 2001, message: e.message } };
  if (err instanceof BadRequestError) return { status: 400, body: { error_code: 1000, message: e.message } };
  if (err instanceof NotFoundError) return { status: 404, body: { error_code: 1002, message: e.message } };
  if (err instanceof ConflictError) return { status: 409, body: { error_code: 1000, message: e.message } };
  if (err instanceof PlanError) return { status: 422, body: { error_code: 2101, message: e.message } };
  if (err instanceof ConnectorConfigError || err instanceof UnknownConnectorError) return { status: 422, body: { error_code: 2101, message: e.message } };
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { error_code: 1000, message: `request body is larger than the limit (rest.bodyLimitBytes / EDGESTACK_REST_BODY_LIMIT_BYTES)` } };
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { error_code: 1000, message: e.message } };
  }
  return { status: 500, body: { error_code: 1000, message: e?.message ?? String(err) } };
}
