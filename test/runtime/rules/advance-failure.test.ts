import { MemoryBus } from '../../../runtime/connectors/memory/memory-bus';
import { Engine } from '../../../runtime/engine';
import { rest, startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

describe('processing-time timer', () => {
  it('keeps the rule running when advance throws, and fires the window on the retry', async () => {
    const original = Engine.prototype.createRule;
    let throws = 1;
    const spy = jest.spyOn(Engine.prototype, 'createRule').mockImplementation(function (this: Engine, def) {
      const topology = original.call(this, def);
      // The topology also advances itself on ingest; only the host's timer call (outside ingest) fails.
      const advance = topology.advance.bind(topology);
      const ingest = topology.ingest.bind(topology);
      let ingesting = false;
      topology.ingest = (...args: Parameters<typeof ingest>): void => {
        ingesting = true;
        try {
          ingest(...args);
        } finally {
          ingesting = false;
        }
      };
      topology.advance = (now: number): void => {
        if (!ingesting && throws-- > 0) throw new Error('window store unavailable');
        advance(now);
      };
      return topology;
    });
    const bus = new MemoryBus();
    const out: unknown[] = [];
    bus.subscribe('out/count', (m) => out.push(m.data));
    const service = await startTestService({ EDGESTACK_DATA_DIR: tempDataDir(), EDGESTACK_EMBEDDED_BROKER: 'never' }, { memoryBus: bus });
    try {
      await rest(service.url, 'POST', '/streams', { sql: 'CREATE STREAM demo (a bigint) WITH (TYPE="memory", DATASOURCE="in/demo")' });
      await rest(service.url, 'POST', '/rules', {
        id: 'counts', sql: 'SELECT count(*) AS c FROM demo GROUP BY TUMBLINGWINDOW(ms, 200)', actions: [{ memory: { topic: 'out/count' } }],
      });
      bus.publish('in/demo', { a: 1 });
      await waitFor('the window to fire after the failed advance', () => (out.length > 0 ? out : false), 10_000);
      expect(throws).toBeLessThan(0);
      expect(out[0]).toEqual({ c: 1 });
      expect((await rest(service.url, 'GET', '/rules/counts/status')).body).toMatchObject({ status: 'running' });
    } finally {
      await service.close();
      spy.mockRestore();
    }
  });
});
