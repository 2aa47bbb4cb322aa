import { readFileSync } from 'node:fs';

/** Thrown for a failed request; the message is the server's `message` (or the network error). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Connection settings of the CLI. */
export interface RestTarget {
  /** Base URL. @default `EDGESTACK_HOST` or `http://127.0.0.1:9081` */
  readonly host: string;
  /** Bearer token, read from `--token-file` or `EDGESTACK_REST_TOKEN_FILE`; @default none */
  readonly token?: string;
}

/** Resolves the target from options and the environment. @throws CliError when the token file cannot be read. */
export function resolveTarget(opts: { host?: string; tokenFile?: string }, env: NodeJS.ProcessEnv): RestTarget {
  const host = (opts.host ?? env.EDGESTACK_HOST ?? 'http://127.0.0.1:9081').replace(/\/$/, '');
  const tokenFile = opts.tokenFile ?? env.EDGESTACK_REST_TOKEN_FILE;
  if (!tokenFile) return { host };
  try {
    return { host, token: readFileSync(tokenFile, 'utf8').trim() };
  } catch (err) {
    throw new CliError(`cannot read token file "${tokenFile}": ${(err as Error).message}`);
  }
}

/**
 * Calls the REST API. Returns the parsed JSON body, or the text for text responses.
 * @throws CliError with the server's message on a non-2xx status, or naming the host when it is unreachable.
 */
export async function request(target: RestTarget, method: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${target.host}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (err) {
    const cause = (err as { cause?: Error }).cause?.message ?? (err as Error).message;
    throw new CliError(`cannot reach edgestack at ${target.host}: ${cause}; is "edgestack serve" running? (set --host or EDGESTACK_HOST)`);
  }
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('application/json')) parsed = JSON.parse(text);
  if (!res.ok) {
    const message = typeof parsed === 'object' && parsed !== null && 'message' in parsed ? String((parsed as { message: unknown }).message) : text;
    throw new CliError(message, res.status);
  }
  return parsed;
}
