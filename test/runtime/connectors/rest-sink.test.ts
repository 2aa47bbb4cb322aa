import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createConnectorContext } from '../../../runtime/connectors/context';
import { RestSink, restSinkSpec } from '../../../runtime/connectors/rest/rest-sink';
import { parseConnectorProps } from '../../../runtime/connectors/spec';

interface Seen {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('REST sink', () => {
  let server: Server;
  let url: string;
  const seen: Seen[] = [];
  let statuses: number[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', headers: req.headers, body });
        res.statusCode = statuses.shift() ?? 200;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    seen.length = 0;
    statuses = [];
  });

  const sink = (props: Record<string, unknown>) =>
    new RestSink(parseConnectorProps(restSinkSpec, { url, retryInterval: 1, ...props }, 'a'), createConnectorContext({ logger: pino({ level: 'silent' }) }));

  it('posts the payload as JSON with the configured headers', async () => {
    await sink({ headers: { 'x-site': 'a' } }).collect({ payload: '[{"t":1}]', data: [], rowCount: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', body: '[{"t":1}]', headers: { 'content-type': 'application/json', 'x-site': 'a' } });
  });

  it('retries a 5xx response and succeeds', async () => {
    statuses = [503, 500];
    await sink({ method: 'put', retryCount: 2 }).collect({ payload: 'x', data: {}, rowCount: 1 });
    expect(seen.map((s) => s.method)).toEqual(['PUT', 'PUT', 'PUT']);
  });

  it('fails without retrying on a 4xx response', async () => {
    statuses = [400];
    await expect(sink({ retryCount: 3 }).collect({ payload: 'x', data: {}, rowCount: 1 })).rejects.toThrow(`rest sink POST ${url} failed: HTTP 400`);
    expect(seen).toHaveLength(1);
  });

  it('fails on an invalid url', () => {
    expect(() => parseConnectorProps(restSinkSpec, { url: 'not a url' }, 'rule r action 2')).toThrow('rule r action 2: invalid rest properties: property "url": Invalid URL');
  });
});
