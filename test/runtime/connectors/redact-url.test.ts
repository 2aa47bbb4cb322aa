import { Writable } from 'node:stream';
import pino from 'pino';
import { connectWithBackoff, endClient } from '../../../runtime/connectors/mqtt/mqtt-client';
import { redactUrl } from '../../../runtime/connectors/redact-url';
import { ConnectionTracker } from '../../../runtime/connectors/source';
import { waitFor } from '../../support/wait-for';

describe('passwords in connector URLs', () => {
  it.each([
    ['tcp://edge:s3cret@broker:1883', 'tcp://edge:***@broker:1883'],
    ['mqtts://edge:p@ss:w0rd@broker:8883/x', 'mqtts://edge:***@broker:8883/x'],
    ['https://api:key@example.com/ingest?x=1', 'https://api:***@example.com/ingest?x=1'],
    ['tcp://edge@broker:1883', 'tcp://edge@broker:1883'],
    ['tcp://127.0.0.1:1883', 'tcp://127.0.0.1:1883'],
    ['http://example.com/a:b@c', 'http://example.com/a:b@c'],
    ['not a url', 'not a url'],
  ])('redacts %s as %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('never logs the MQTT password given in the broker URL', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const client = connectWithBackoff('tcp://edge:s3cret@127.0.0.1:1', { clientId: 'c1' }, { minMs: 50, maxMs: 100 }, new ConnectionTracker(), pino(sink), () => undefined);
    try {
      await waitFor('an mqtt error log line', () => lines.some((l) => l.includes('"msg":"mqtt error"')));
    } finally {
      await endClient(client);
    }
    const logged = JSON.parse(lines.find((l) => l.includes('"msg":"mqtt error"')) as string);
    expect(logged.url).toBe('tcp://edge:***@127.0.0.1:1');
    expect(lines.join('')).not.toContain('s3cret');
  });
});
