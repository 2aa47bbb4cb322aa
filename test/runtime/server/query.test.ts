import { startTestService, tempDataDir } from '../../support/service';
import { waitFor } from '../../support/wait-for';

describe('POST /query', () => {
  it('stops the query and closes its source when the client leaves while the source is still connecting', async () => {
    const service = await startTestService({
      EDGESTACK_DATA_DIR: tempDataDir(),
      EDGESTACK_EMBEDDED_BROKER: 'never',
      MQTT_SOURCE__DEFAULT__SERVERS: '[tcp://127.0.0.1:1]',
      MQTT_SOURCE__DEFAULT__CONNECTTIMEOUTMS: '1500',
    });
    try {
      await service.streams.create('stream', 'CREATE STREAM demo (temperature float) WITH (DATASOURCE="devices/+/messages")');
      const abort = new AbortController();
      const request = fetch(`${service.url}/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql: 'SELECT * FROM demo' }),
        signal: abort.signal,
      });
      await waitFor('the query source to open', () => service.sourceInstances() === 1);
      abort.abort();
      await expect(request).rejects.toThrow('This operation was aborted');
      await waitFor('the query source to close', () => service.sourceInstances() === 0, 5000);
    } finally {
      await service.close();
    }
  });
});
