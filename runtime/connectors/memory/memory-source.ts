import { z } from 'zod';
import type { ConnectorContext } from '../context';
import { ConnectionTracker, type ConnectionStatus, type Source, type SourceListener } from '../source';
import type { ConnectorSpec } from '../spec';

/**
 * Memory source spec: reads rows that memory sinks of other rules publish to the DATASOURCE topic filter.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/sources/builtin/memory.html
 */
export const memorySourceSpec = {
  type: 'memory',
  summary: 'Reads rows published by memory sinks (rule pipelines); topic filters accept + and #',
  schema: z.object({}),
} satisfies ConnectorSpec;

/** Subscribes to the in-process bus; rows arrive already decoded, with meta(topic). */
export class MemorySource implements Source {
  private unsubscribe?: () => void;
  private readonly tracker = new ConnectionTracker();

  constructor(
    private readonly topic: string,
    private readonly ctx: ConnectorContext,
  ) {}

  async open(listener: SourceListener): Promise<void> {
    this.unsubscribe = this.ctx.memoryBus.subscribe(this.topic, (m) => listener.onMessage({ payload: m.data, meta: { topic: m.topic } }));
    this.tracker.connected();
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  connection(): ConnectionStatus {
    return this.tracker.snapshot();
  }
}

/** Factory registered as source type `memory`. */
export function createMemorySource(_props: z.output<typeof memorySourceSpec.schema>, datasource: string, ctx: ConnectorContext): Source {
  return new MemorySource(datasource, ctx);
}
