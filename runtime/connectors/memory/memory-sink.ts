import { z } from 'zod';
import type { ConnectorContext } from '../context';
import type { Sink, SinkMessage } from '../sink';
import type { ConnectorSpec } from '../spec';
import { DataTemplate } from '../template';

/**
 * Memory sink spec: publishes each row to a topic of the in-process bus, for memory sources of other rules.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sinks/builtin/memory.html
 */
export const memorySinkSpec = {
  type: 'memory',
  summary: 'Publishes each row to an in-process topic read by memory sources (rule pipelines)',
  schema: z.object({
    topic: z.string().min(1).describe('Topic to publish to (no wildcards); may contain {{.field}} templates'),
  }),
} satisfies ConnectorSpec;

/** Publishes rows (not encoded text) so the next rule receives them without a decode step. */
export class MemorySink implements Sink {
  private readonly topic: DataTemplate;

  /** @throws Error when the topic template is invalid. */
  constructor(
    private readonly props: z.output<typeof memorySinkSpec.schema>,
    private readonly ctx: ConnectorContext,
  ) {
    this.topic = DataTemplate.compile(props.topic);
  }

  async connect(): Promise<void> {}

  async collect(message: SinkMessage): Promise<void> {
    const rows = Array.isArray(message.data) ? message.data : [message.data];
    for (const row of rows as ReadonlyArray<Readonly<Record<string, unknown>>>) {
      this.ctx.memoryBus.publish(this.topic.isConstant ? this.props.topic : this.topic.render(row), row);
    }
  }

  async close(): Promise<void> {}
}

/** Factory registered as sink type `memory`. */
export function createMemorySink(props: z.output<typeof memorySinkSpec.schema>, ctx: ConnectorContext): Sink {
  return new MemorySink(props, ctx);
}
