import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ConnectorContext } from '../context';
import { redactUrl } from '../redact-url';
import type { Sink, SinkMessage } from '../sink';
import type { ConnectorSpec } from '../spec';

/**
 * REST sink spec: eKuiper's property names (`timeout` and `retryInterval` are in ms).
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/rest.html
 */
export const restSinkSpec = {
  type: 'rest',
  summary: 'Sends each result to an HTTP endpoint, retrying failed requests',
  schema: z.object({
    url: z.url().describe('Endpoint URL (http or https)'),
    method: z.enum(['POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'post', 'put', 'patch', 'get', 'delete']).default('POST').describe('HTTP method'),
    headers: z.record(z.string(), z.string()).default({}).describe('Request headers'),
    bodyType: z.enum(['json', 'text']).default('json').describe('Content type of the body: application/json or text/plain'),
    timeout: z.number().int().positive().default(5000).describe('Request timeout, in ms'),
    retryCount: z.number().int().min(0).default(3).describe('Retries after a failed request (network error or 5xx)'),
    retryInterval: z.number().int().min(0).default(1000).describe('Delay between retries, in ms'),
  }),
} satisfies ConnectorSpec;

/** Parsed REST sink properties. */
export type RestSinkProps = z.output<typeof restSinkSpec.schema>;

/** Sends each message as the request body; 4xx fails at once, network errors and 5xx are retried. */
export class RestSink implements Sink {
  constructor(
    private readonly props: RestSinkProps,
    private readonly ctx: ConnectorContext,
  ) {}

  /** Nothing to open: each message is one request. */
  async connect(): Promise<void> {}

  /**
   * Sends `message.payload`, retrying network errors and 5xx answers `retryCount` times, `retryInterval` ms apart,
   * each request bounded by `timeout` ms.
   * @throws Error naming the method, the URL (without a password) and the last failure.
   */
  async collect(message: SinkMessage): Promise<void> {
    const method = this.props.method.toUpperCase();
    const contentType = this.props.bodyType === 'json' ? 'application/json' : 'text/plain';
    let lastError = '';
    for (let attempt = 0; attempt <= this.props.retryCount; attempt++) {
      if (attempt > 0) await sleep(this.props.retryInterval);
      try {
        const res = await fetch(this.props.url, {
          method,
          headers: { 'content-type': contentType, ...this.props.headers },
          body: method === 'GET' || method === 'DELETE' ? undefined : message.payload,
          signal: AbortSignal.timeout(this.props.timeout),
        });
        await res.arrayBuffer();
        if (res.ok) return;
        lastError = `HTTP ${res.status}`;
        if (res.status < 500) break;
      } catch (err) {
        lastError = (err as Error).message;
      }
    }
    const url = redactUrl(this.props.url);
    this.ctx.logger.warn({ url, error: lastError }, 'rest sink request failed');
    throw new Error(`rest sink ${method} ${url} failed: ${lastError}`);
  }

  async close(): Promise<void> {}
}

/** Factory registered as sink type `rest`. */
export function createRestSink(props: RestSinkProps, ctx: ConnectorContext): Sink {
  return new RestSink(props, ctx);
}
