import { z } from 'zod';
import type { ConnectorContext } from '../context';
import type { Sink, SinkMessage } from '../sink';
import type { ConnectorSpec } from '../spec';

/**
 * Log sink spec: writes each result to the service log (pino, JSON lines on stdout).
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/log.html
 */
export const logSinkSpec = {
  type: 'log',
  summary: 'Writes each result to the service log',
  schema: z.object({
    level: z.enum(['debug', 'info', 'warn']).default('info').describe('Log level of the result lines'),
  }),
} satisfies ConnectorSpec;

/** Logs `{ sink: 'log', result }` per message. */
export class LogSink implements Sink {
  constructor(
    private readonly props: z.output<typeof logSinkSpec.schema>,
    private readonly ctx: ConnectorContext,
  ) {}

  async connect(): Promise<void> {}

  async collect(message: SinkMessage): Promise<void> {
    this.ctx.logger[this.props.level]({ sink: 'log', result: message.payload }, 'sink result');
  }

  async close(): Promise<void> {}
}

/** Factory registered as sink type `log`. */
export function createLogSink(props: z.output<typeof logSinkSpec.schema>, ctx: ConnectorContext): Sink {
  return new LogSink(props, ctx);
}
