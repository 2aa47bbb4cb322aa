import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { builtinConnectors } from '../../../runtime/connectors/builtin';
import { loadConfig } from '../../../runtime/config/load-config';
import { type Service, startService } from '../../../runtime/main';
import { httpCall, tempDataDir } from '../../support/service';

const TOKEN = 's3cr3t-token-value-42';

describe('REST security', () => {
  it('fails to start on a non-loopback bind without a token file', async () => {
    const config = loadConfig({ EDGESTACK_REST_BIND: '0.0.0.0', EDGESTACK_DATA_DIR: tempDataDir(), EDGESTACK_EMBEDDED_BROKER: 'never' }, builtinConnectors(), undefined);
    await expect(startService(config, { logger: pino({ level: 'silent' }) })).rejects.toThrow(
      'binding the REST API to 0.0.0.0 requires a bearer token: set EDGESTACK_REST_TOKEN_FILE (rest.tokenFile) to a file holding it, or bind 127.0.0.1',
    );
  });

  it('fails to start on an empty token file, naming it', async () => {
    const dir = tempDataDir();
    const file = join(dir, 'token');
    writeFileSync(file, '\n');
    const config = loadConfig(
      { EDGESTACK_REST_BIND: '0.0.0.0', EDGESTACK_REST_TOKEN_FILE: file, EDGESTACK_DATA_DIR: dir, EDGESTACK_EMBEDDED_BROKER: 'never' },
      builtinConnectors(),
      undefined,
    );
    await expect(startService(config, { logger: pino({ level: 'silent' }) })).rejects.toThrow(
      `the REST token file "${file}" (EDGESTACK_REST_TOKEN_FILE) is empty; put a random token in it`,
    );
  });

  describe('with a token on 0.0.0.0', () => {
    let service: Service;
    const logLines: string[] = [];

    beforeAll(async () => {
      const dir = tempDataDir();
      const file = join(dir, 'token');
      writeFileSync(file, `${TOKEN}\n`);
      const config = loadConfig(
        {
          EDGESTACK_REST_BIND: '0.0.0.0',
          EDGESTACK_REST_PORT: '0',
          EDGESTACK_REST_TOKEN_FILE: file,
          EDGESTACK_REST_BODY_LIMIT_BYTES: '2048',
          EDGESTACK_DATA_DIR: dir,
          EDGESTACK_EMBEDDED_BROKER: 'never',
        },
        builtinConnectors(),
        undefined,
      );
      const logger = pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) });
      service = await startService(config, { logger });
    });
    afterAll(() => service.close());

    const base = () => service.url.replace('0.0.0.0', '127.0.0.1');

    it('answers 401 without a token', async () => {
      const res = await httpCall(base(), 'GET', '/rules');
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toEqual({ error_code: 1000, message: 'missing bearer token: send "Authorization: Bearer <token>"' });
    });

    it('answers 401 with a wrong token', async () => {
      const res = await httpCall(base(), 'GET', '/rules', undefined, { authorization: 'Bearer wrong' });
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toBe('invalid bearer token');
    });

    it('serves requests with the right token, and /ping without one', async () => {
      expect((await httpCall(base(), 'GET', '/rules', undefined, { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(200);
      expect((await httpCall(base(), 'GET', '/metrics', undefined, { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(200);
      expect((await httpCall(base(), 'GET', '/ping')).statusCode).toBe(200);
    });

    it('refuses a body over the limit with 413', async () => {
      const sql = `CREATE STREAM big (a bigint) WITH (DATASOURCE="${'x'.repeat(4096)}")`;
      const res = await httpCall(base(), 'POST', '/streams', { sql }, { authorization: `Bearer ${TOKEN}` });
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toBe('request body is larger than the limit (rest.bodyLimitBytes / EDGESTACK_REST_BODY_LIMIT_BYTES)');
    });

    it('never logs the token', async () => {
      await httpCall(base(), 'POST', '/rules', { id: 'x', sql: 'SELECT * FROM nowhere', actions: [] }, { authorization: `Bearer ${TOKEN}` });
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.join('\n')).not.toContain(TOKEN);
    });
  });
});
