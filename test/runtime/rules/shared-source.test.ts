import pino from 'pino';
import { createConnectorContext } from '../../../runtime/connectors/context';
import { MemoryBus } from '../../../runtime/connectors/memory/memory-bus';
import { MemorySource } from '../../../runtime/connectors/memory/memory-source';
import type { MessageMeta, StreamDefinition } from '../../../runtime/engine/contract';
import { SharedSource, type SourceSubscriber } from '../../../runtime/rules/shared-source';

function subscriber(onMessage: (payload: unknown, meta: MessageMeta) => void): SourceSubscriber & { errors: string[]; rejected: string[] } {
  const errors: string[] = [];
  const rejected: string[] = [];
  return { onMessage, onRejected: (r) => void rejected.push(r), onError: (e) => void errors.push(e.message), errors, rejected };
}

describe('SharedSource', () => {
  const stream: StreamDefinition = {
    kind: 'stream',
    name: 'demo',
    columns: [],
    options: { TYPE: 'memory', DATASOURCE: 'in', SHARED: 'true' },
    sql: 'CREATE STREAM demo () WITH (TYPE="memory", DATASOURCE="in", SHARED="true")',
  };

  it('keeps delivering to the other rules when one subscriber throws, reporting the error to that subscriber', async () => {
    const bus = new MemoryBus();
    const shared = new SharedSource(stream, new MemorySource('in', createConnectorContext({ logger: pino({ level: 'silent' }), memoryBus: bus })), 64);
    const failing = subscriber(() => {
      throw new Error('rule a broke');
    });
    const seen: unknown[] = [];
    const healthy = subscriber((payload) => void seen.push(payload));
    await shared.subscribe(failing);
    await shared.subscribe(healthy);
    expect(() => bus.publish('in', { temperature: 50 })).not.toThrow();
    expect(seen).toEqual([{ temperature: 50 }]);
    expect(failing.errors).toEqual(['rule a broke']);
    expect(healthy.errors).toEqual([]);
    await shared.close();
  });
});
