import pino from 'pino';
import { createConnectorContext } from '../../../runtime/connectors/context';
import { MemoryBus } from '../../../runtime/connectors/memory/memory-bus';
import { MemorySink } from '../../../runtime/connectors/memory/memory-sink';
import { MemorySource } from '../../../runtime/connectors/memory/memory-source';
import type { SourceMessage } from '../../../runtime/connectors/source';

describe('memory connector', () => {
  it('matches MQTT-style wildcards on the bus', () => {
    const bus = new MemoryBus();
    const seen: string[] = [];
    bus.subscribe('a/+/c', (m) => seen.push(`plus:${m.topic}`));
    bus.subscribe('a/#', (m) => seen.push(`hash:${m.topic}`));
    bus.subscribe('a/b', (m) => seen.push(`exact:${m.topic}`));
    bus.publish('a/b/c', {});
    bus.publish('a/b', {});
    bus.publish('x/b/c', {});
    expect(seen).toEqual(['plus:a/b/c', 'hash:a/b/c', 'hash:a/b', 'exact:a/b']);
  });

  it('delivers rows from a memory sink to a memory source, one per row, with meta(topic)', async () => {
    const ctx = createConnectorContext({ logger: pino({ level: 'silent' }) });
    const source = new MemorySource('alarms/#', ctx);
    const received: SourceMessage[] = [];
    await source.open({ onMessage: (m) => received.push(m), onError: () => undefined });
    const sink = new MemorySink({ topic: 'alarms/{{.device}}' }, ctx);
    await sink.connect();
    await sink.collect({ payload: '', data: [{ device: 'd1', t: 1 }, { device: 'd2', t: 2 }], rowCount: 2 });
    expect(received).toEqual([
      { payload: { device: 'd1', t: 1 }, meta: { topic: 'alarms/d1' } },
      { payload: { device: 'd2', t: 2 }, meta: { topic: 'alarms/d2' } },
    ]);
    expect(source.connection().state).toBe('connected');
    await source.close();
    await sink.collect({ payload: '', data: { device: 'd3' }, rowCount: 1 });
    expect(received).toHaveLength(2);
  });
});
